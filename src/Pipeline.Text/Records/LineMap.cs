namespace Pipeline.Text.Records;

/// <summary>Turns UTF-16 offsets into 1-based line and column (reporters only).</summary>
public sealed class LineMap
{
    private readonly int[] _lineStarts;

    public LineMap(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n') starts.Add(i + 1);
            else if (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')) starts.Add(i + 1);
        }
        _lineStarts = starts.ToArray();
    }

    public (int Line, int Column) Locate(int offset)
    {
        int i = Array.BinarySearch(_lineStarts, offset);
        if (i < 0) i = ~i - 1;
        return (i + 1, offset - _lineStarts[i] + 1);
    }
}
