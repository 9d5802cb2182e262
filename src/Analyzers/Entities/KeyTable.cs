using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// A map from non-zero 64-bit keys to non-negative ints (feature key to weight row, word hash to
/// cluster, n-gram hash to gazetteer categories), built once, then read-only and thread-safe.
/// </summary>
/// <remarks>
/// Slots are 64-bit words holding the key's lower 32 bits (its fingerprint) and the value, in
/// buckets of 8 (one cache line); the key's upper bits choose the home bucket, and a key goes to the
/// first bucket from its home with a free slot. A lookup compares the 8 fingerprints of a bucket
/// at once. Most lookups of a feature scorer miss, and a hit or a miss is not predictable, so
/// <see cref="Find"/> decides without a branch on it: a missing key yields the caller's default.
/// Keys are hashes; a lookup compares about 32 + log2(buckets) bits, so a false match is as
/// unlikely as a collision of hashes that long. Load factor at most one half.
/// </remarks>
internal sealed class KeyTable
{
    private const int BucketSize = 8;

    private readonly ulong[] _slots;
    private readonly int _bucketMask;
    private readonly List<ulong> _keys = [];

    public KeyTable(int count)
    {
        int buckets = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, (count * 2 + BucketSize - 1) / BucketSize));
        _slots = new ulong[buckets * BucketSize];
        _bucketMask = buckets - 1;
    }

    public int Count => _keys.Count;

    /// <summary>The keys in the order they were added (to save a table and build it again).</summary>
    public IReadOnlyList<ulong> Keys => _keys;

    /// <summary>Adds a key with its value; a key already present keeps its first value and false is returned.</summary>
    public bool Set(ulong key, int value)
    {
        if (key == 0) throw new ArgumentException("key 0 is reserved", nameof(key));
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (TryGet(key, out _)) return false;
        if ((Count + 1) * 2 > _slots.Length) throw new InvalidOperationException("key table is full");
        int slot = Home(key) * BucketSize;
        while (_slots[slot] != 0) slot = (slot + 1) & (_slots.Length - 1);
        _slots[slot] = Fingerprint(key) << 32 | (uint)value;
        _keys.Add(key);
        return true;
    }

    public bool TryGet(ulong key, out int value)
    {
        value = Find(key, -1);
        return value >= 0;
    }

    /// <summary>The value of <paramref name="key"/>, or <paramref name="missing"/> when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ulong key, int missing)
    {
        ref ulong slots = ref MemoryMarshal.GetArrayDataReference(_slots);
        int bucket = Home(key) * BucketSize;
        var fingerprint = Vector256.Create(Fingerprint(key));
        var low = Vector256.LoadUnsafe(ref slots, (nuint)bucket);
        var high = Vector256.LoadUnsafe(ref slots, (nuint)bucket + 4);
        uint matches = Vector256.Equals(Vector256.ShiftRightLogical(low, 32), fingerprint).ExtractMostSignificantBits()
                     | Vector256.Equals(Vector256.ShiftRightLogical(high, 32), fingerprint).ExtractMostSignificantBits() << 4;
        uint empty = Vector256.Equals(low, Vector256<ulong>.Zero).ExtractMostSignificantBits()
                   | Vector256.Equals(high, Vector256<ulong>.Zero).ExtractMostSignificantBits() << 4;
        if ((matches | empty) == 0) return FindBeyond(key, bucket, missing); // home bucket full: rare
        int value = (int)(uint)Unsafe.Add(ref slots, bucket + (BitOperations.TrailingZeroCount(matches | 0x100) & 7));
        int hit = -(int)((matches | (0u - matches)) >> 31); // -1 when some fingerprint matched, else 0
        return missing + ((value - missing) & hit);
    }

    /// <summary>Hints the processor to fetch the key's home bucket (a scorer issues these for all its keys before the lookups).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(ulong key)
    {
        if (System.Runtime.Intrinsics.X86.Sse.IsSupported)
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_slots), Home(key) * BucketSize)));
    }

    /// <summary>Slot-by-slot search past a full home bucket.</summary>
    private int FindBeyond(ulong key, int bucket, int missing)
    {
        ulong fingerprint = Fingerprint(key);
        for (int slot = (bucket + BucketSize) & (_slots.Length - 1); _slots[slot] != 0; slot = (slot + 1) & (_slots.Length - 1))
            if (_slots[slot] >> 32 == fingerprint) return (int)(uint)_slots[slot];
        return missing;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(ulong key) => (int)(key >> 32) & _bucketMask;

    /// <summary>The lower 32 bits, never 0 (0 marks an empty slot). Keys below 2^32 are told apart exactly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Fingerprint(ulong key) => (uint)key == 0 ? 1 : (uint)key;
}
