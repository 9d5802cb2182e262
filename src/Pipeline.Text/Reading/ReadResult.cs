using Pipeline.Sdk;

namespace Pipeline.Text.Reading;

/// <summary>One article read from an input, or why it could not be read.</summary>
public abstract record ReadResult(string Path);

/// <summary>An article: its text (headline first when there is one) and metadata.</summary>
public sealed record ArticleRead(string Path, string Text, DocumentMetadata Metadata) : ReadResult(Path)
{
    /// <summary>A problem the reader worked around, in one line (a file that was not valid UTF-8); null when none.</summary>
    public string? Warning { get; init; }
}

/// <summary>An input that cannot be analysed; <paramref name="Reason"/> is one line.</summary>
public sealed record ReadFailure(string Path, string Reason) : ReadResult(Path);

/// <summary>Limits applied while reading.</summary>
public sealed record ReadLimits
{
    public static readonly ReadLimits Default = new();
    /// <summary>Longer articles are rejected with a reason.</summary>
    public long MaxCharacters { get; init; } = 5_000_000;
}
