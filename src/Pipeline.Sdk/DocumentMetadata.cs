using System.Collections.Immutable;

namespace Pipeline.Sdk;

/// <summary>What the reader learned about an article besides its text.</summary>
public sealed record DocumentMetadata
{
    public static readonly DocumentMetadata Empty = new();

    /// <summary>Path of the input file (plus "#n" for the n-th record of a JSON Lines file).</summary>
    public string? SourcePath { get; init; }
    public string? Headline { get; init; }
    public string? Byline { get; init; }
    public string? Url { get; init; }
    /// <summary>Publication date as ISO 8601 when it could be parsed, else as given.</summary>
    public string? Date { get; init; }
    /// <summary>An identifier the input itself carried (a JSON record's "id"), if any.</summary>
    public string? ExternalId { get; init; }
    /// <summary>Claims to judge this article against (besides the run's claims).</summary>
    public ImmutableArray<string> Claims { get; init; } = [];
    /// <summary>Any other fields the reader kept, by name.</summary>
    public ImmutableDictionary<string, string> Extra { get; init; } = ImmutableDictionary<string, string>.Empty;
}
