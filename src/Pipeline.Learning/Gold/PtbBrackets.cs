using Pipeline.Sdk;

namespace Pipeline.Learning.Gold;

/// <summary>
/// The Penn Treebank's bracket tokens ("-LRB-", "-RSB-"...), which tokenised corpora such as the
/// CoNLL-2010 evaluation text write for brackets, read as the brackets they stand for: the
/// analyzers, and the training text, see brackets.
/// </summary>
public static class PtbBrackets
{
    private static readonly (string Token, char Bracket)[] Tokens =
        [("-LRB-", '('), ("-RRB-", ')'), ("-LSB-", '['), ("-RSB-", ']'), ("-LCB-", '{'), ("-RCB-", '}')];

    /// <summary>The text with each bracket token replaced, and a function taking a span of the original text to the new one.</summary>
    public static (string Text, Func<TextSpan, TextSpan> Remap) Restore(string text)
    {
        if (!text.Contains("-L", StringComparison.Ordinal) && !text.Contains("-R", StringComparison.Ordinal)) return (text, s => s);
        var restored = new System.Text.StringBuilder(text.Length);
        var offsets = new int[text.Length + 1]; // original offset -> restored offset
        for (int i = 0; i < text.Length;)
        {
            offsets[i] = restored.Length;
            var token = Tokens.FirstOrDefault(t => text.AsSpan(i).StartsWith(t.Token, StringComparison.Ordinal));
            if (token.Token is null) { restored.Append(text[i]); i++; continue; }
            for (int k = 1; k < token.Token.Length; k++) offsets[i + k] = restored.Length + 1;
            restored.Append(token.Bracket);
            i += token.Token.Length;
        }
        offsets[text.Length] = restored.Length;
        return (restored.ToString(), s => TextSpan.FromBounds(offsets[s.Start], offsets[s.End]));
    }
}
