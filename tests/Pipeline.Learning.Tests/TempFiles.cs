namespace Pipeline.Learning.Tests;

/// <summary>A temporary folder for fixture files, deleted on dispose.</summary>
public sealed class TempFiles : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "pipeline-learning-tests", Guid.NewGuid().ToString("N"));

    public TempFiles() => Directory.CreateDirectory(Root);

    public string Write(string name, string content)
    {
        string path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string PathOf(string name) => Path.Combine(Root, name);

    public void Dispose()
    {
        try { Directory.Delete(Root, true); } catch (IOException) { }
    }
}
