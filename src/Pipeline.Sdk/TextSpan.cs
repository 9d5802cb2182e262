namespace Pipeline.Sdk;

/// <summary>
/// A range of a document's text in UTF-16 code units, like Roslyn's TextSpan.
/// Line and column exist only in reporters.
/// </summary>
public readonly record struct TextSpan(int Start, int Length) : IComparable<TextSpan>
{
    public int End => Start + Length;
    public bool IsEmpty => Length == 0;

    public static TextSpan FromBounds(int start, int end)
    {
        if (end < start) throw new ArgumentOutOfRangeException(nameof(end), $"end {end} is before start {start}");
        return new TextSpan(start, end - start);
    }

    public bool Contains(int position) => position >= Start && position < End;
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;
    public bool OverlapsWith(TextSpan other) => Math.Max(Start, other.Start) < Math.Min(End, other.End);
    public bool IntersectsWith(TextSpan other) => other.Start <= End && other.End >= Start;

    /// <summary>The smallest span covering both.</summary>
    public TextSpan Union(TextSpan other) => FromBounds(Math.Min(Start, other.Start), Math.Max(End, other.End));

    public int CompareTo(TextSpan other)
    {
        int c = Start.CompareTo(other.Start);
        return c != 0 ? c : Length.CompareTo(other.Length);
    }

    public override string ToString() => $"[{Start}..{End})";
}
