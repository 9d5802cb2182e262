using System.Collections.Immutable;

namespace Pipeline.Host.Loading;

/// <summary>
/// The assemblies every plugin shares with the host: the SDK contract, the text and learning
/// libraries, ML.NET with ONNX Runtime, and the logging abstractions. Nothing else is shared,
/// so a plugin may bring its own version of any other library.
/// </summary>
public static class SharedAssemblies
{
    private static readonly string[] Exact =
        ["Pipeline.Sdk", "Pipeline.Text", "Pipeline.Learning", "Microsoft.Extensions.Logging.Abstractions"];

    /// <summary>Microsoft.ML and Microsoft.ML.* (which covers Microsoft.ML.OnnxRuntime*).</summary>
    private const string MlPrefix = "Microsoft.ML";

    public static bool IsShared(string assemblyName) =>
        Exact.Contains(assemblyName, StringComparer.OrdinalIgnoreCase)
        || assemblyName.Equals(MlPrefix, StringComparison.OrdinalIgnoreCase)
        || assemblyName.StartsWith(MlPrefix + ".", StringComparison.OrdinalIgnoreCase);

    /// <summary>The shared assemblies the host has (from its trusted platform assemblies), plus the exact names.</summary>
    public static ImmutableArray<string> Names { get; } = FindNames();

    private static ImmutableArray<string> FindNames()
    {
        var tpa = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(Path.GetFileNameWithoutExtension);
        return Exact.Concat(tpa.Where(n => n is not null && IsShared(n)).Select(n => n!))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToImmutableArray();
    }
}
