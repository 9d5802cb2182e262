namespace Pipeline.Learning.Gold;

/// <summary>A chunk of a tag sequence: tokens [Start, End) of one type.</summary>
public readonly record struct Chunk(int Start, int End, string Type);

/// <summary>
/// Turns tag sequences into chunks with the rules of the CoNLL evaluation script (conlleval):
/// IOB1, IOB2, IOBES and BILOU tags are all accepted. B-, S- and U- always start a chunk; I-, E-
/// and L- start one after O, after a chunk's end (E-, L-, S-, U-) or after a different type, so
/// an I- without B- begins a chunk (IOB1).
/// </summary>
public static class BioChunks
{
    /// <summary>Splits a tag into prefix and type: "B-PER" → ('B', "PER"); "O" → ('O', "").</summary>
    /// <exception cref="FormatException">Not O and not a known prefix followed by '-' and a type.</exception>
    public static (char Prefix, string Type) Parse(string tag)
    {
        if (tag == "O") return ('O', "");
        if (tag.Length >= 3 && tag[1] is '-' or '_' && tag[0] is 'B' or 'I' or 'E' or 'S' or 'L' or 'U')
            return (tag[0] switch { 'L' => 'E', 'U' => 'S', var c => c }, tag[2..]);
        throw new FormatException($"invalid tag \"{tag}\" (expected O or B-/I-/E-/S-/L-/U- followed by a type)");
    }

    /// <summary>The chunks of one sentence's tags.</summary>
    public static List<Chunk> Decode(IReadOnlyList<string> tags)
    {
        var chunks = new List<Chunk>();
        char prevPrefix = 'O';
        string prevType = "";
        int start = -1;
        for (int i = 0; i <= tags.Count; i++)
        {
            var (prefix, type) = i < tags.Count ? Parse(tags[i]) : ('O', "");
            if (start >= 0 && EndsBefore(prevPrefix, prevType, prefix, type))
            {
                chunks.Add(new Chunk(start, i, prevType));
                start = -1;
            }
            if (StartsAt(prevPrefix, prevType, prefix, type)) start = i;
            prevPrefix = prefix;
            prevType = type;
        }
        return chunks;
    }

    // conlleval's endOfChunk: the previous token closes a chunk before the current one.
    private static bool EndsBefore(char prev, string prevType, char cur, string curType) =>
        prev is 'E' or 'S'
        || prev is 'B' or 'I' && cur is 'B' or 'S' or 'O'
        || prev != 'O' && prevType != curType;

    // conlleval's startOfChunk.
    private static bool StartsAt(char prev, string prevType, char cur, string curType) =>
        cur is 'B' or 'S'
        || cur is 'E' or 'I' && prev is 'E' or 'S' or 'O'
        || cur != 'O' && prevType != curType;
}
