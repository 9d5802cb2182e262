using System.Collections.Immutable;
using Pipeline.Sdk;
using Pipeline.Text.Records;

namespace Pipeline.Sdk.Testing;

/// <summary>
/// Upstream annotations written in markup (<c>{|entities.PER:Vladimir Putin|}</c>): the payload
/// of each well-known layer built from the label. Payloads that link to other annotations
/// (attributions, stance) are seeded with <c>Seed(layer, document => ...)</c> instead.
/// </summary>
internal static class LayerSeeds
{
    public static Annotation Create(LayerKey layer, string id, string? label, TextSpan span, string covered, Func<string, string> clusterOf) =>
        layer.ItemType.Name switch
        {
            nameof(EntityMention) => new EntityMention { Id = id, Span = span, Type = label ?? EntityTypes.Miscellaneous, ClusterId = clusterOf(covered), CanonicalName = covered },
            nameof(Quote) => new Quote { Id = id, Span = span, Kind = Parse(label, QuoteKind.Direct), Content = [span] },
            nameof(HedgeCue) => new HedgeCue { Id = id, Span = span, Type = Parse(label, HedgeType.Epistemic) },
            nameof(SentenceUncertainty) => new SentenceUncertainty { Id = id, Span = span, Uncertain = label != "certain" },
            nameof(LabeledSpan) => new LabeledSpan { Id = id, Span = span, Label = label ?? layer.Name },
            _ => throw new VerificationException(
                $"layer '{layer.Name}' ({layer.ItemType.Name}) cannot be seeded from markup; use Seed({layer.Name}, document => ...)"),
        };

    /// <summary>The label a marker compares with: a LabeledSpan's label, an entity's type, a hedge's type...</summary>
    public static string? LabelOf(Annotation a) => a switch
    {
        LabeledSpan l => l.Label,
        EntityMention e => e.Type,
        Quote q => AnnotationJson.Name(q.Kind),
        HedgeCue h => AnnotationJson.Name(h.Type),
        SentenceUncertainty u => u.Uncertain ? "uncertain" : "certain",
        Attribution at => AnnotationJson.Name(at.SpeakerKind),
        EntityStance s => AnnotationJson.Name(s.Label),
        ClaimStance c => AnnotationJson.Name(c.Label),
        _ => null,
    };

    private static TEnum Parse<TEnum>(string? label, TEnum fallback) where TEnum : struct, Enum =>
        label is null ? fallback
        : AnnotationJson.TryParseName(label, out TEnum value) ? value
        : throw new VerificationException($"'{label}' is not a {typeof(TEnum).Name} (one of {string.Join(", ", Enum.GetValues<TEnum>().Select(v => AnnotationJson.Name(v)))})");
}

/// <summary>The verifier found the analyzer wrong; the message says what was expected and what came.</summary>
public sealed class VerificationException(string message) : Exception(message);

/// <summary>Produces the seeded upstream layers (and empty ones for required layers not seeded; optional ones not seeded stay absent), so the analyzer under test runs without its producers.</summary>
[TextAnalyzer(SeedId)]
internal sealed class SeedAnalyzer(ImmutableArray<LayerKey> produces, IReadOnlyList<Action<DocumentContext>> writes) : TextAnalyzer
{
    public const string SeedId = "markup.seed";

    public override ImmutableArray<LayerKey> Requires => [];
    public override ImmutableArray<LayerKey> Produces => produces;

    public override void Initialize(AnalysisRegistration registration)
    {
        registration.EnableConcurrentExecution();
        registration.RegisterDocument(ctx => { foreach (var write in writes) write(ctx); });
    }

    /// <summary>Writes <paramref name="items"/> into <paramref name="layer"/> on every document.</summary>
    public static Action<DocumentContext> Writer<T>(LayerKey<T> layer, IReadOnlyList<T> items) where T : Annotation =>
        ctx => { foreach (var item in items) ctx.Add(layer, item); };
}
