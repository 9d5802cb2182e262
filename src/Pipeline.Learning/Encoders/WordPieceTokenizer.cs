using System.Globalization;
using System.Text;

namespace Pipeline.Learning.Encoders;

/// <summary>A word piece: its vocabulary id and the characters of the original text it came from.</summary>
public readonly record struct WordPiece(int Id, int Start, int End);

/// <summary>
/// BERT's uncased tokenizer: the basic tokenizer (drop control characters, split on whitespace,
/// punctuation and CJK ideographs, lower-case, strip accents) followed by greedy longest-match
/// WordPiece, keeping each piece's character offsets in the original text. Thread-safe.
/// </summary>
public sealed class WordPieceTokenizer
{
    private const int MaxCharsPerWord = 100; // longer words become [UNK], as in BERT
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _starts;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _continuations;

    /// <param name="vocabulary">One piece per line; the line number is its id. Continuation pieces start with "##".</param>
    public WordPieceTokenizer(IReadOnlyList<string> vocabulary)
    {
        var starts = new Dictionary<string, int>(StringComparer.Ordinal);
        var continuations = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int id = 0; id < vocabulary.Count; id++)
        {
            string piece = vocabulary[id];
            if (piece.StartsWith("##", StringComparison.Ordinal) && piece.Length > 2) continuations.TryAdd(piece[2..], id);
            else starts.TryAdd(piece, id);
        }
        _starts = starts.GetAlternateLookup<ReadOnlySpan<char>>();
        _continuations = continuations.GetAlternateLookup<ReadOnlySpan<char>>();
        UnknownId = Special(starts, "[UNK]");
        ClsId = Special(starts, "[CLS]");
        SepId = Special(starts, "[SEP]");
        PadId = Special(starts, "[PAD]");
    }

    public int UnknownId { get; }
    public int ClsId { get; }
    public int SepId { get; }
    public int PadId { get; }

    /// <summary>Reads a vocab.txt (one piece per line, any line ending).</summary>
    public static WordPieceTokenizer FromVocabulary(Stream stream)
    {
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return new WordPieceTokenizer(lines);
    }

    /// <summary>The word pieces of <paramref name="text"/> (no [CLS]/[SEP]).</summary>
    public List<WordPiece> Tokenize(string text)
    {
        var pieces = new List<WordPiece>(text.Length / 4 + 4);
        var normalized = new StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out int width);
            if (IsSkipped(rune)) { i += width; continue; }
            int start = i;
            if (IsPunctuation(rune) || IsCjk(rune)) i += width; // a piece of its own
            else
            {
                while (i < text.Length)
                {
                    Rune.DecodeFromUtf16(text.AsSpan(i), out rune, out width);
                    if (IsSkipped(rune) || IsPunctuation(rune) || IsCjk(rune)) break;
                    i += width;
                }
            }
            AddWord(text, start, i, normalized, pieces);
        }
        return pieces;
    }

    private void AddWord(string text, int start, int end, StringBuilder normalized, List<WordPiece> pieces)
    {
        var word = Normalize(text.AsSpan(start, end - start), normalized);
        if (word.Length == 0) return;
        // Piece offsets map 1:1 when normalisation kept the length; otherwise each piece gets the whole word.
        bool aligned = word.Length == end - start;
        if (word.Length > MaxCharsPerWord) { pieces.Add(new WordPiece(UnknownId, start, end)); return; }
        int first = pieces.Count, pos = 0;
        while (pos < word.Length)
        {
            int id = -1, stop = word.Length;
            var lookup = pos == 0 ? _starts : _continuations;
            for (; stop > pos; stop--)
                if (lookup.TryGetValue(word.AsSpan(pos, stop - pos), out id)) break;
            if (stop == pos)
            {
                pieces.RemoveRange(first, pieces.Count - first);
                pieces.Add(new WordPiece(UnknownId, start, end));
                return;
            }
            pieces.Add(aligned ? new WordPiece(id, start + pos, start + stop) : new WordPiece(id, start, end));
            pos = stop;
        }
    }

    /// <summary>Lower case, canonical decomposition, combining marks removed (BERT's accent stripping).</summary>
    private static string Normalize(ReadOnlySpan<char> word, StringBuilder sb)
    {
        bool ascii = true;
        foreach (char c in word) if (c > 0x7F) { ascii = false; break; }
        if (ascii)
        {
            sb.Clear();
            foreach (char c in word) sb.Append(c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c);
            return sb.ToString();
        }
        string decomposed = word.ToString().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        sb.Clear();
        foreach (char c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c);
        return sb.ToString();
    }

    /// <summary>Whitespace, and the control/format characters BERT's text cleaning removes.</summary>
    private static bool IsSkipped(Rune r)
    {
        if (Rune.IsWhiteSpace(r) || r.Value == 0 || r.Value == 0xFFFD) return true;
        var cat = Rune.GetUnicodeCategory(r);
        return cat is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;
    }

    /// <summary>BERT counts all non-alphanumeric ASCII as punctuation, plus the Unicode P* categories.</summary>
    private static bool IsPunctuation(Rune r)
    {
        int cp = r.Value;
        if (cp is >= 33 and <= 47 or >= 58 and <= 64 or >= 91 and <= 96 or >= 123 and <= 126) return true;
        return Rune.GetUnicodeCategory(r) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;
    }

    private static bool IsCjk(Rune r)
    {
        int cp = r.Value;
        return cp is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x20000 and <= 0x2A6DF or >= 0x2A700 and <= 0x2B73F
            or >= 0x2B740 and <= 0x2B81F or >= 0x2B820 and <= 0x2CEAF or >= 0xF900 and <= 0xFAFF or >= 0x2F800 and <= 0x2FA1F;
    }

    private static int Special(Dictionary<string, int> vocabulary, string token) =>
        vocabulary.TryGetValue(token, out int id) ? id : throw new InvalidDataException($"vocabulary has no {token}");
}
