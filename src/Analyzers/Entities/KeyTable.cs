using System.Numerics;
using System.Runtime.CompilerServices;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// An open-addressing map from non-zero 64-bit keys to ints (feature key to weight row, word
/// hash to cluster, n-gram hash to gazetteer categories). Built once, then read-only and
/// thread-safe; load factor at most one half, so a probe is short.
/// </summary>
internal sealed class KeyTable
{
    private readonly ulong[] _keys;
    private readonly int[] _values;
    private readonly int _mask;

    public KeyTable(int count)
    {
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, count * 2));
        _keys = new ulong[capacity];
        _values = new int[capacity];
        _mask = capacity - 1;
    }

    public int Count { get; private set; }

    /// <summary>Sets a key's value; returns false when the key was already present (the value is replaced).</summary>
    public bool Set(ulong key, int value)
    {
        if (key == 0) throw new ArgumentException("key 0 is reserved", nameof(key));
        int slot = (int)key & _mask;
        while (_keys[slot] != 0 && _keys[slot] != key) slot = (slot + 1) & _mask;
        bool added = _keys[slot] == 0;
        if (added)
        {
            if ((Count + 1) * 2 > _keys.Length) throw new InvalidOperationException("key table is full");
            Count++;
        }
        _keys[slot] = key;
        _values[slot] = value;
        return added;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(ulong key, out int value)
    {
        var keys = _keys;
        int slot = (int)key & _mask;
        while (true)
        {
            ulong k = keys[slot];
            if (k == key) { value = _values[slot]; return true; }
            if (k == 0) { value = 0; return false; }
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Hints the processor to fetch the key's first slot (scoring issues these ahead of the probes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(ulong key)
    {
        if (System.Runtime.Intrinsics.X86.Sse.IsSupported)
            fixed (ulong* p = &_keys[(int)key & _mask]) System.Runtime.Intrinsics.X86.Sse.Prefetch0(p);
    }

    /// <summary>Every (key, value) pair, in slot order.</summary>
    public IEnumerable<(ulong Key, int Value)> Entries()
    {
        for (int i = 0; i < _keys.Length; i++)
            if (_keys[i] != 0) yield return (_keys[i], _values[i]);
    }
}
