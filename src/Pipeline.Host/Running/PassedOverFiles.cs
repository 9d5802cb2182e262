namespace Pipeline.Host.Running;

/// <summary>
/// The files a run's folder walks passed over as not of an article type, counted by extension,
/// so that the run says once what it did not read and how to read it.
/// </summary>
internal sealed class PassedOverFiles
{
    private readonly SortedDictionary<string, int> _byExtension = new(StringComparer.Ordinal);
    private string? _first;

    public void Add(string path)
    {
        _first ??= path;
        var extension = Path.GetExtension(path).ToLowerInvariant();
        _byExtension[extension] = _byExtension.GetValueOrDefault(extension) + 1;
    }

    /// <summary>One line for the console, or null when nothing was passed over.</summary>
    public string? Describe()
    {
        if (_first is null) return null;
        int count = _byExtension.Values.Sum();
        var types = string.Join(", ", _byExtension.Select(e => $"{e.Value} {e.Key}"));
        var files = count == 1 ? $"1 file ({_first})" : $"{count} files ({types}; the first {_first})";
        return $"pipeline: folders: {files} not read, not being of an article type; name a file, or match it with a glob, to read it";
    }
}
