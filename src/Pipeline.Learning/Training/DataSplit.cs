namespace Pipeline.Learning.Training;

/// <summary>Deterministic splits of a document list: the same seed gives the same split on every machine.</summary>
public static class DataSplit
{
    /// <summary>Holds out a fraction (at least one item, at most all but one) of the items.</summary>
    public static (List<T> Train, List<T> HeldOut) HoldOut<T>(IReadOnlyList<T> items, double fraction, int seed)
    {
        if (items.Count < 2) throw new ArgumentException($"{items.Count} document(s): too few to hold out a dev set; give --dev");
        int heldOut = Math.Clamp((int)Math.Round(items.Count * fraction), 1, items.Count - 1);
        var order = Shuffled(items.Count, seed);
        var held = order.Take(heldOut).Order().ToHashSet();
        return (Enumerable.Range(0, items.Count).Where(i => !held.Contains(i)).Select(i => items[i]).ToList(),
                held.Select(i => items[i]).ToList());
    }

    /// <summary>K folds: each item is in exactly one fold's held-out part; both parts keep the input order.</summary>
    public static IEnumerable<(List<T> Train, List<T> HeldOut)> Folds<T>(IReadOnlyList<T> items, int k, int seed)
    {
        if (k < 2 || k > items.Count) throw new ArgumentException($"cannot make {k} folds of {items.Count} documents");
        var order = Shuffled(items.Count, seed);
        var fold = new int[items.Count];
        for (int i = 0; i < order.Length; i++) fold[order[i]] = i % k;
        for (int f = 0; f < k; f++)
            yield return (Enumerable.Range(0, items.Count).Where(i => fold[i] != f).Select(i => items[i]).ToList(),
                          Enumerable.Range(0, items.Count).Where(i => fold[i] == f).Select(i => items[i]).ToList());
    }

    // System.Random with a seed uses a fixed algorithm, so the permutation is stable across runs and machines.
    private static int[] Shuffled(int count, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }
}
