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
        if (!Tokens.Any(t => text.Contains(t.Token, StringComparison.Ordinal))) return (text, s => s);
        var restored = new System.Text.StringBuilder(text.Length);
        var offsets = new int[text.Length + 1]; // original offset -> restored offset
        for (int i = 0; i < text.Length;)
        {
            offsets[i] = restored.Length;
            int token = TokenAt(text, i);
            if (token < 0) { restored.Append(text[i]); i++; continue; }
            var (name, bracket) = Tokens[token];
            for (int k = 1; k < name.Length; k++) offsets[i + k] = restored.Length + 1;
            restored.Append(bracket);
            i += name.Length;
        }
        offsets[text.Length] = restored.Length;
        return (restored.ToString(), s => TextSpan.FromBounds(offsets[s.Start], offsets[s.End]));
    }

    /// <summary>The index in <see cref="Tokens"/> of the bracket token at <paramref name="i"/>, or -1.</summary>
    private static int TokenAt(string text, int i)
    {
        if (i < 0 || text[i] != '-') return -1;
        for (int k = 0; k < Tokens.Length; k++)
            if (text.AsSpan(i).StartsWith(Tokens[k].Token, StringComparison.Ordinal)) return k;
        return -1;
    }
}
