namespace Pipeline.Learning;

/// <summary>A model file that is missing, truncated, of another format or otherwise unusable.</summary>
public sealed class InvalidModelException(string file, string reason, Exception? inner = null)
    : IOException($"{file}: {reason}", inner)
{
    public string File { get; } = file;
    public string Reason { get; } = reason;
}
