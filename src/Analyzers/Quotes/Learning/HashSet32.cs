namespace Pipeline.Analyzers.Quotes.Learning;

/// <summary>
/// A read-only set of 32-bit hashes in one flat array (open addressing, linear probing, load at
/// most 1/2): a lookup is a multiply, a shift and usually one cache line.
/// </summary>
internal sealed class HashSet32
{
    private readonly int[] _slots;
    private readonly bool[] _used;
    private readonly int _shift;

    public HashSet32(IEnumerable<int> values)
    {
        var distinct = values.Distinct().ToArray();
        int log = 4;
        while (1 << log < distinct.Length * 2) log++;
        _slots = new int[1 << log];
        _used = new bool[1 << log];
        _shift = 32 - log;
        foreach (int v in distinct)
        {
            int slot = Slot(v);
            while (_used[slot]) slot = (slot + 1) & (_slots.Length - 1);
            _slots[slot] = v;
            _used[slot] = true;
        }
    }

    public bool Contains(int value)
    {
        int mask = _slots.Length - 1;
        for (int slot = Slot(value); _used[slot]; slot = (slot + 1) & mask)
            if (_slots[slot] == value) return true;
        return false;
    }

    // Fibonacci hashing: the top bits of value × 2^32/φ.
    private int Slot(int value) => (int)((uint)value * 0x9E3779B1u >> _shift);
}
