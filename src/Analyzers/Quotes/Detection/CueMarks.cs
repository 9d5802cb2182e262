namespace Pipeline.Analyzers.Quotes.Detection;

/// <summary>Which tokens belong to a cue (predicted, or gold when training), with counts between two tokens in constant time.</summary>
internal sealed class CueMarks
{
    private readonly bool[] _isCue;
    private readonly int[] _before;

    public CueMarks(int tokenCount, IEnumerable<(int Start, int End)> cues)
    {
        _isCue = new bool[tokenCount];
        _before = new int[tokenCount + 1];
        foreach (var (s, e) in cues) Array.Fill(_isCue, true, s, e - s);
        for (int t = 0; t < tokenCount; t++) _before[t + 1] = _before[t] + (_isCue[t] ? 1 : 0);
    }

    public bool IsCue(int t) => _isCue[t];

    /// <summary>Number of cue tokens in [start, end).</summary>
    public int Count(int start, int end) => end > start ? _before[end] - _before[start] : 0;

    public bool Any(int start, int end) => Count(Math.Max(0, start), Math.Min(end, _isCue.Length)) > 0;
}
