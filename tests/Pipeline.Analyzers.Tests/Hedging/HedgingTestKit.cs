using System.Collections.Immutable;
using Pipeline.Analyzers.Hedging;
using Pipeline.Analyzers.Hedging.Lexicon;
using Pipeline.Analyzers.Hedging.Ml;
using Pipeline.Sdk;
using Pipeline.Tests;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Hedging;

/// <summary>The shipped lexicon and model, loaded once, and helpers to run the annotator on a text.</summary>
internal static class HedgingTestKit
{
    public static string LexiconFolder => Path.Combine(TestPaths.RepoRoot, "models", HedgingOptions.DefaultLexicon);
    public static string ModelFolder => Path.Combine(TestPaths.RepoRoot, "models", HedgingOptions.DefaultModel);

    private static readonly Lazy<LexiconCueDetector> LexiconDetector = new(() => HedgeDetectors.LoadLexicon(LexiconFolder));
    private static readonly Lazy<ICueDetector> ModelDetector = new(() => CueTaggerModel.Load(ModelFolder).CreateDetector());

    public static ICueDetector Detector(HedgingTier tier) => tier == HedgingTier.Lexicon ? LexiconDetector.Value : ModelDetector.Value;

    public static HedgeAnalysis Annotate(Document doc, HedgingTier tier = HedgingTier.Lexicon, HedgingOptions? options = null)
    {
        var counters = new Dictionary<string, int>();
        string NewId(LayerKey layer)
        {
            var prefix = layer == Layers.HedgeCues ? "h" : "u";
            counters[prefix] = counters.GetValueOrDefault(prefix) + 1;
            return prefix + counters[prefix];
        }
        var annotator = new HedgeAnnotator(Detector(tier), options ?? new HedgingOptions { Tier = tier });
        return annotator.Annotate(doc, NewId, method => new Provenance("hedging", "test") { Method = method });
    }

    public static HedgeAnalysis Annotate(string text, HedgingTier tier = HedgingTier.Lexicon, HedgingOptions? options = null) =>
        Annotate(DocumentFactory.Create(text), tier, options);

    /// <summary>The texts of the cues a detector finds in <paramref name="text"/>, in order.</summary>
    public static string[] Found(ICueDetector detector, string text)
    {
        var doc = DocumentFactory.Create(text);
        var cues = new List<CueSpan>();
        detector.Detect(doc, cues);
        return [.. cues.Select(c => text[doc.Tokens[c.First].Span.Start..doc.Tokens[c.End - 1].Span.End])];
    }

    /// <summary>The cues' texts in order.</summary>
    public static string[] CueTexts(string text, HedgingTier tier = HedgingTier.Lexicon) =>
        Texts(text, Annotate(text, tier).Cues);

    public static string[] Texts(string text, ImmutableArray<HedgeCue> cues) =>
        [.. cues.Select(c => text.Substring(c.Span.Start, c.Span.Length))];

    /// <summary>A direct quote of <paramref name="content"/> attributed to a speaker, named (with an entity cluster) unless told otherwise.</summary>
    public static Document WithQuote(Document doc, string content, string speaker, string quoteId = "q1", string? cue = null,
        SpeakerKind kind = SpeakerKind.Named)
    {
        int start = doc.Text.IndexOf(content, StringComparison.Ordinal);
        Assert.True(start >= 0, $"quote text not found: {content}");
        int cueStart = cue is null ? -1 : doc.Text.IndexOf(cue, StringComparison.Ordinal);
        Assert.True(cue is null || cueStart >= 0, $"cue text not found: {cue}");
        var quote = new Quote
        {
            Id = quoteId, Span = new TextSpan(start, content.Length), Kind = QuoteKind.Direct, Content = [new TextSpan(start, content.Length)],
            Cue = cue is null ? null : new TextSpan(cueStart, cue.Length),
        };
        var attribution = new Attribution
        {
            Id = "a" + quoteId, Span = new TextSpan(start, content.Length), QuoteId = quoteId,
            SpeakerKind = kind, SpeakerText = speaker,
            ClusterId = kind == SpeakerKind.Named ? "c-" + speaker.ToLowerInvariant().Replace(' ', '-') : null,
            CanonicalName = kind == SpeakerKind.Named ? speaker : null,
        };
        return doc.WithLayer(Layers.Quotes, doc.GetLayerOrEmpty(Layers.Quotes).Add(quote))
                  .WithLayer(Layers.Attributions, doc.GetLayerOrEmpty(Layers.Attributions).Add(attribution));
    }
}
