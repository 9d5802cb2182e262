using System.Collections.Immutable;
using System.Text;
using Pipeline.Sdk;

namespace Pipeline.Text.Evaluation;

/// <summary>
/// A document rebuilt from a CoNLL-U file with its gold segmentation: surface tokens (a multiword
/// token such as "don't" is one), syntactic words (do + n't) and sentence ends.
/// </summary>
public sealed record GoldDocument(
    string Id,
    string Text,
    ImmutableArray<TextSpan> Tokens,
    ImmutableArray<TextSpan> Words,
    ImmutableArray<int> SentenceEnds,
    int UnlocatedForms);

/// <summary>
/// Reads CoNLL-U documents one at a time. A document starts at <c># newdoc</c>; its text joins the
/// sentences' <c># text</c> with one space inside a paragraph and a blank line between paragraphs
/// (<c># newpar</c>). Gold forms are located in that text in order.
/// </summary>
public static class ConlluDocumentReader
{
    public static IEnumerable<GoldDocument> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var builder = new DocumentBuilder();
        bool newParagraph = false;
        string? sentenceText = null;
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("# newdoc", StringComparison.Ordinal))
            {
                if (builder.HasContent) yield return builder.Build();
                builder = new DocumentBuilder(Value(line) ?? "");
                newParagraph = true;
            }
            else if (line.StartsWith("# newpar", StringComparison.Ordinal)) newParagraph = true;
            else if (line.StartsWith("# text =", StringComparison.Ordinal)) sentenceText = Value(line);
            else if (line.Length == 0)
            {
                if (sentenceText is not null) builder.AddSentence(sentenceText, lines, newParagraph);
                newParagraph = false;
                sentenceText = null;
                lines.Clear();
            }
            else if (line[0] != '#') lines.Add(line);
        }
        if (sentenceText is not null) builder.AddSentence(sentenceText, lines, newParagraph);
        if (builder.HasContent) yield return builder.Build();
    }

    /// <summary>The value after '=' in a comment line, or after the keyword when there is none.</summary>
    private static string? Value(string comment)
    {
        int eq = comment.IndexOf('=');
        return eq < 0 ? null : comment[(eq + 1)..].Trim();
    }

    private sealed class DocumentBuilder(string id = "")
    {
        private readonly StringBuilder _text = new();
        private readonly ImmutableArray<TextSpan>.Builder _tokens = ImmutableArray.CreateBuilder<TextSpan>();
        private readonly ImmutableArray<TextSpan>.Builder _words = ImmutableArray.CreateBuilder<TextSpan>();
        private readonly ImmutableArray<int>.Builder _sentenceEnds = ImmutableArray.CreateBuilder<int>();
        private int _unlocated;

        public bool HasContent => _text.Length > 0;

        public void AddSentence(string sentence, List<string> lines, bool newParagraph)
        {
            if (_text.Length > 0) _text.Append(newParagraph ? "\n\n" : " ");
            int offset = _text.Length;
            _text.Append(sentence);
            int cursor = 0, multiwordEnd = 0;
            TextSpan multiword = default;
            foreach (var line in lines)
            {
                var columns = line.Split('\t', 3);
                if (columns.Length < 2) continue;
                string id = columns[0], form = columns[1];
                if (id.Contains('.')) continue; // empty node: no text
                int dash = id.IndexOf('-');
                if (dash > 0)
                {
                    // a multiword token: one surface token, its words follow on their own lines
                    var span = Locate(sentence, form, ref cursor);
                    multiwordEnd = int.Parse(id[(dash + 1)..]);
                    multiword = span ?? default;
                    if (span is { } s) _tokens.Add(new TextSpan(offset + s.Start, s.Length));
                    continue;
                }
                int index = int.Parse(id);
                if (index <= multiwordEnd)
                {
                    // a word inside a multiword token: found inside the token's surface form
                    if (multiword.IsEmpty) continue;
                    int at = sentence.IndexOf(form, multiword.Start, multiword.Length, StringComparison.Ordinal);
                    if (at < 0) continue;
                    _words.Add(new TextSpan(offset + at, form.Length));
                    multiword = TextSpan.FromBounds(at + form.Length, multiword.End);
                    continue;
                }
                if (Locate(sentence, form, ref cursor) is { } found)
                {
                    var span = new TextSpan(offset + found.Start, found.Length);
                    _tokens.Add(span);
                    _words.Add(span);
                }
            }
            _sentenceEnds.Add(offset + sentence.TrimEnd().Length);
        }

        /// <summary>The form at the cursor, after whitespace only; null (counted) when the text does not hold it there.</summary>
        private TextSpan? Locate(string sentence, string form, ref int cursor)
        {
            int start = cursor;
            while (start < sentence.Length && char.IsWhiteSpace(sentence[start])) start++;
            if (string.CompareOrdinal(sentence, start, form, 0, form.Length) == 0 && start + form.Length <= sentence.Length)
            {
                cursor = start + form.Length;
                return new TextSpan(start, form.Length);
            }
            _unlocated++;
            return null;
        }

        public GoldDocument Build() => new(id, _text.ToString(), _tokens.ToImmutable(), _words.ToImmutable(), _sentenceEnds.ToImmutable(), _unlocated);
    }
}
