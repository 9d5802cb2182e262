namespace Pipeline.Benchmarks;

/// <summary>A benchmark command; Program finds every implementation by reflection.</summary>
public interface IBenchCommand
{
    string Name { get; }
    /// <summary>One line: what it measures and its options.</summary>
    string Usage { get; }
    int Run(BenchArgs args);
}

/// <summary>"--key value" and "--flag" arguments.</summary>
public sealed class BenchArgs(IReadOnlyList<string> args)
{
    public string? Get(string key)
    {
        int i = IndexOf(key);
        return i >= 0 && i + 1 < args.Count ? args[i + 1] : null;
    }

    public string Require(string key) => Get(key) ?? throw new ArgumentException($"--{key} is required");
    public int GetInt(string key, int fallback) => Get(key) is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
    public bool Has(string key) => IndexOf(key) >= 0;
    private int IndexOf(string key) => args.ToList().IndexOf("--" + key);
}
