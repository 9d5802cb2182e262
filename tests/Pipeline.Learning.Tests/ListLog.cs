using Pipeline.Sdk;

namespace Pipeline.Learning.Tests;

/// <summary>A run log that keeps its lines (warnings prefixed "warning: ") for assertions.</summary>
public sealed class ListLog(List<string>? lines = null) : IRunLog
{
    public List<string> Lines { get; } = lines ?? [];
    public void Info(string message) => Lines.Add(message);
    public void Warning(string message) => Lines.Add("warning: " + message);
}
