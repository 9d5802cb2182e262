using System.Runtime.CompilerServices;

namespace Pipeline.Tests;

/// <summary>Where the repository and the shared corpora are, for tests.</summary>
public static class TestPaths
{
    /// <summary>The repository root (the folder holding Pipeline.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The shared corpora folder: $PIPELINE_SHARED, else ../shared next to the repository.</summary>
    public static string SharedRoot { get; } =
        Environment.GetEnvironmentVariable("PIPELINE_SHARED") is { Length: > 0 } env ? env
        : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string Corpora => Path.Combine(SharedRoot, "corpora");

    /// <summary>Skips the calling test, with the reason shown, when a shared file is absent.</summary>
    public static string RequireShared(params string[] relative)
    {
        var path = Path.Combine([SharedRoot, .. relative]);
        Skip.IfNot(File.Exists(path) || Directory.Exists(path), $"shared data not found: {path}");
        return path;
    }

    public static string Seeds => Path.Combine(RepoRoot, "seeds");

    private static string FindRepoRoot([CallerFilePath] string here = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(here) ?? "" })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        throw new InvalidOperationException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
