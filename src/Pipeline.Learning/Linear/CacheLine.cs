using System.Runtime.CompilerServices;

namespace Pipeline.Learning.Linear;

/// <summary>Asks for memory ahead of use, so that the misses of several table lookups overlap.</summary>
public static class CacheLine
{
    /// <summary>Asks for the cache line holding <paramref name="item"/> (no-op without SSE).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Prefetch<T>(ref T item)
    {
        if (System.Runtime.Intrinsics.X86.Sse.IsSupported) System.Runtime.Intrinsics.X86.Sse.Prefetch0(Unsafe.AsPointer(ref item));
    }
}
