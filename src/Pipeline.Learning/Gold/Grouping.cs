namespace Pipeline.Learning.Gold;

internal static class Grouping
{
    public sealed record Group<T>(string? Key, List<T> Items);

    /// <summary>Runs of consecutive items with the same key; a null key puts each item in its own group.</summary>
    public static IEnumerable<Group<T>> Consecutive<T>(IEnumerable<T> items, Func<T, string?> key)
    {
        Group<T>? current = null;
        foreach (var item in items)
        {
            string? k = key(item);
            if (current is not null && k is not null && current.Key == k) { current.Items.Add(item); continue; }
            if (current is not null) yield return current;
            current = new Group<T>(k, [item]);
        }
        if (current is not null) yield return current;
    }
}
