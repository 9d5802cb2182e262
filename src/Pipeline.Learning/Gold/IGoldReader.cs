using System.Collections.Immutable;
using Pipeline.Sdk;

namespace Pipeline.Learning.Gold;

/// <summary>Settings a gold reader may use.</summary>
public sealed record GoldReadOptions
{
    public static readonly GoldReadOptions Default = new();

    /// <summary>Keep only records whose "split" (or FNC-1's "baseline_split") field has this value; "!S" keeps those not in S.</summary>
    public string? Split { get; init; }
    /// <summary>FNC-1: the bodies file; by default found next to the stances file.</summary>
    public string? BodiesPath { get; init; }
    /// <summary>Labelled sentences: the name of the LabeledSpan layer the labels go into.</summary>
    public string? LabelLayer { get; init; }
}

/// <summary>
/// Reads a gold file into documents carrying gold layers. A malformed record is reported
/// through onError as "file:line: reason" and skipped; the rest is read.
/// </summary>
public interface IGoldReader
{
    /// <summary>The --format name, e.g. "conll".</summary>
    string Format { get; }
    /// <summary>One line for help texts.</summary>
    string Description { get; }
    /// <summary>Layers the documents carry.</summary>
    ImmutableArray<LayerKey> Layers { get; }
    /// <summary>Whether a file looks like this format, from its name and its first non-blank line.</summary>
    bool Recognizes(string path, string firstLine);
    IEnumerable<Document> Read(string path, GoldReadOptions options, Action<string> onError);
}

/// <summary>A gold file that cannot be read at all (missing, unknown format).</summary>
public sealed class GoldFormatException(string message) : Exception(message);
