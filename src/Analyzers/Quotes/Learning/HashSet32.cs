namespace Pipeline.Analyzers.Quotes.Learning;

/// <summary>
/// A read-only set of 32-bit hashes in one flat array (open addressing, linear probing, load at
/// most 1/2): a lookup is a multiply, a shift and usually one cache line.
/// </summary>
internal sealed class HashSet32
{
    private readonly int[] _slots;
    private readonly int _empty;    // marks an empty slot: a value not in the set
    private readonly int _shift;

    public HashSet32(IEnumerable<int> values)
    {
        var distinct = values.ToHashSet();
        int log = 4;
        while (1 << log < distinct.Count * 2) log++;
        _empty = 0;
        while (distinct.Contains(_empty)) _empty++;
        _slots = new int[1 << log];
        Array.Fill(_slots, _empty);
        _shift = 32 - log;
        foreach (int v in distinct)
        {
            int slot = Slot(v);
            while (_slots[slot] != _empty) slot = (slot + 1) & (_slots.Length - 1);
            _slots[slot] = v;
        }
    }

    public bool Contains(int value)
    {
        int mask = _slots.Length - 1;
        for (int slot = Slot(value); _slots[slot] != _empty; slot = (slot + 1) & mask)
            if (_slots[slot] == value) return true;
        return false;
    }

    // Fibonacci hashing: the top bits of value × 2^32/φ.
    private int Slot(int value) => (int)((uint)value * 0x9E3779B1u >> _shift);
}
