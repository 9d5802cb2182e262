using System.Collections.Immutable;

namespace Pipeline.Sdk;

/// <summary>
/// Names a layer of a document. Two keys are the same layer when their names are equal.
/// Segmentation layers (tokens, sentences...) are produced by the host; annotation layers
/// (<see cref="LayerKey{T}"/>) by analyzers.
/// </summary>
public class LayerKey : IEquatable<LayerKey>
{
    public LayerKey(string name, Type itemType)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A layer needs a name.", nameof(name));
        Name = name;
        ItemType = itemType;
    }

    public string Name { get; }
    public Type ItemType { get; }

    /// <summary>True for the layers the host's segmenter makes before any analyzer runs.</summary>
    public bool IsSegmentation => ItemType.IsValueType || ItemType == typeof(QuotationPair);

    public bool Equals(LayerKey? other) => other is not null && other.Name == Name;
    public override bool Equals(object? obj) => Equals(obj as LayerKey);
    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);
    public override string ToString() => Name;
    public static bool operator ==(LayerKey? a, LayerKey? b) => a is null ? b is null : a.Equals(b);
    public static bool operator !=(LayerKey? a, LayerKey? b) => !(a == b);
}

/// <summary>A layer of annotations of type <typeparamref name="T"/>.</summary>
public sealed class LayerKey<T> : LayerKey where T : Annotation
{
    /// <param name="name">Layer name as written in outputs, e.g. "entities".</param>
    /// <param name="idPrefix">Prefix of annotation ids in this layer, e.g. "e" gives e1, e2...</param>
    public LayerKey(string name, string idPrefix) : base(name, typeof(T))
    {
        IdPrefix = idPrefix;
    }

    public string IdPrefix { get; }
}

/// <summary>The well-known layers. Plugins exchange these payload types across load contexts.</summary>
public static class Layers
{
    public static readonly LayerKey Tokens = new("tokens", typeof(Token));
    public static readonly LayerKey Sentences = new("sentences", typeof(Sentence));
    public static readonly LayerKey Paragraphs = new("paragraphs", typeof(Paragraph));
    public static readonly LayerKey Quotations = new("quotations", typeof(QuotationPair));

    public static readonly LayerKey<EntityMention> Entities = new("entities", "e");
    public static readonly LayerKey<Quote> Quotes = new("quotes", "q");
    public static readonly LayerKey<Attribution> Attributions = new("attributions", "a");
    public static readonly LayerKey<HedgeCue> HedgeCues = new("hedges", "h");
    public static readonly LayerKey<SentenceUncertainty> Uncertainty = new("uncertainty", "u");
    public static readonly LayerKey<EntityStance> Stance = new("stance", "s");
    public static readonly LayerKey<ClaimStance> ClaimStance = new("claims", "c");

    /// <summary>Layers every document has before any analyzer runs.</summary>
    public static readonly ImmutableArray<LayerKey> Segmentation = [Tokens, Sentences, Paragraphs, Quotations];

    /// <summary>The annotation layers the SDK defines payloads for.</summary>
    public static readonly ImmutableArray<LayerKey> WellKnown =
        [Entities, Quotes, Attributions, HedgeCues, Uncertainty, Stance, ClaimStance];
}
