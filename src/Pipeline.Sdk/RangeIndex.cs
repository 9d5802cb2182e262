namespace Pipeline.Sdk;

/// <summary>
/// Items (numbered 0, 1, ...) registered by the range of positions they cover (token indexes or
/// character offsets), in fixed-width buckets, so that the items near a position are found
/// without scanning them all. Comparing every quote or mention with every other made long
/// documents quadratic.
/// </summary>
public sealed class RangeIndex
{
    private readonly int _shift;
    private readonly List<int>?[] _buckets;
    private int[] _seen = [];
    private int _stamp;

    /// <param name="length">Positions run from 0 to <paramref name="length"/> - 1.</param>
    /// <param name="bucketShift">Buckets are 2^bucketShift positions wide.</param>
    public RangeIndex(int length, int bucketShift)
    {
        _shift = bucketShift;
        _buckets = new List<int>?[(Math.Max(length, 1) - 1 >> bucketShift) + 1];
    }

    /// <summary>Registers <paramref name="item"/> as covering positions [start, end).</summary>
    public void Add(int item, int start, int end)
    {
        for (int b = start >> _shift; b <= LastBucket(start, end); b++) (_buckets[b] ??= []).Add(item);
    }

    /// <summary>
    /// The items that may cover a position of [start, end), each once, ascending when they were
    /// added in ascending order: a superset, so callers test each one.
    /// </summary>
    public void Near(int start, int end, List<int> result)
    {
        result.Clear();
        _stamp++;
        for (int b = start >> _shift; b <= LastBucket(start, end); b++)
            foreach (int item in _buckets[b] ?? [])
            {
                if (item >= _seen.Length) Array.Resize(ref _seen, Math.Max(item + 1, _seen.Length * 2));
                if (_seen[item] == _stamp) continue;
                _seen[item] = _stamp;
                result.Add(item);
            }
        if (start >> _shift != LastBucket(start, end)) result.Sort();
    }

    private int LastBucket(int start, int end) => Math.Min(Math.Max(start, end - 1) >> _shift, _buckets.Length - 1);
}
