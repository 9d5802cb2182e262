using System.Collections.Immutable;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Hedging;

/// <summary>What the analyzer writes for one document.</summary>
public sealed record HedgeAnalysis(
    ImmutableArray<HedgeCue> Cues,
    ImmutableArray<SentenceUncertainty> Sentences,
    ImmutableArray<Finding> Findings);

/// <summary>
/// Turns detected cues into annotations: each cue gets its holder, each sentence holding a cue an
/// uncertainty annotation, and the rules their findings.
/// </summary>
public sealed class HedgeAnnotator(ICueDetector detector, HedgingOptions options)
{
    public ICueDetector Detector { get; } = detector;

    /// <param name="newId">The next id of a layer (the host's DocumentContext.NewId).</param>
    /// <param name="provenance">Provenance for a method name (the host's DocumentContext.Provenance).</param>
    public HedgeAnalysis Annotate(Document doc, Func<LayerKey, string> newId, Func<string, Provenance> provenance)
    {
        var spans = new List<CueSpan>();
        Detector.Detect(doc, spans);
        if (!options.Weasels) spans.RemoveAll(s => s.Type == HedgeType.Weasel);
        if (spans.Count == 0) return new HedgeAnalysis([], [], []);

        var holders = HolderResolver.For(doc);
        var cues = ImmutableArray.CreateBuilder<HedgeCue>(spans.Count);
        foreach (var s in spans)
        {
            var span = TextSpan.FromBounds(doc.Tokens[s.First].Span.Start, doc.Tokens[s.End - 1].Span.End);
            var holder = holders.Resolve(span);
            cues.Add(new HedgeCue
            {
                Id = newId(Layers.HedgeCues),
                Span = span,
                Confidence = s.Confidence,
                Provenance = provenance(s.Method),
                Type = s.Type,
                Holder = holder.Kind,
                QuoteId = holder.QuoteId,
                HolderClusterId = holder.ClusterId,
                HolderName = holder.Name,
            });
        }

        var sentences = ImmutableArray.CreateBuilder<SentenceUncertainty>();
        var findings = ImmutableArray.CreateBuilder<Finding>();
        var headline = HeadlineSpan(doc);
        int c = 0;
        foreach (var sentence in doc.Sentences)
        {
            while (c < cues.Count && cues[c].Span.End <= sentence.Span.Start) c++;
            int first = c;
            while (c < cues.Count && cues[c].Span.Start < sentence.Span.End) c++;
            if (c == first) continue;
            var inSentence = cues.Skip(first).Take(c - first).ToImmutableArray();
            sentences.Add(new SentenceUncertainty
            {
                Id = newId(Layers.Uncertainty),
                Span = sentence.Span,
                Confidence = inSentence.Max(h => h.Confidence),
                Provenance = provenance(inSentence[0].Provenance?.Method ?? "cues"),
                Uncertain = true,
                CueIds = [.. inSentence.Select(h => h.Id)],
            });
            AddFindings(doc, sentence, inSentence, headline, findings);
        }
        return new HedgeAnalysis(cues.MoveToImmutable(), sentences.ToImmutable(), findings.ToImmutable());
    }

    private void AddFindings(Document doc, Sentence sentence, ImmutableArray<HedgeCue> cues, TextSpan? headline,
        ImmutableArray<Finding>.Builder findings)
    {
        foreach (var cue in cues)
        {
            var text = doc.GetString(cue.Span);
            var type = cue.Type.ToString().ToLowerInvariant();
            if (cue.Type == HedgeType.Weasel)
                findings.Add(About(Finding.Create(HedgeRules.VagueSource, cue.Span, text), cue));
            else if (cue.Holder == HolderKind.Author && options.ReporterHedgeTypes.Contains(cue.Type)
                     && !(headline is { } h && h.Contains(cue.Span)))
                findings.Add(About(Finding.Create(HedgeRules.ReporterHedge, cue.Span, text, type), cue));
            if (headline is { } hl && hl.Contains(cue.Span) && cue.Type != HedgeType.Weasel)
                findings.Add(About(Finding.Create(HedgeRules.HedgedHeadline, cue.Span, text, type), cue));
        }
        if (cues.Length >= options.StackThreshold)
        {
            var list = string.Join(", ", cues.Select(h => "'" + doc.GetString(h.Span) + "'"));
            findings.Add(Finding.Create(HedgeRules.StackedHedges, sentence.Span, cues.Length, list)
                with { AnnotationIds = [.. cues.Select(h => h.Id)] });
        }
    }

    private static Finding About(Finding finding, HedgeCue cue) => finding with
    {
        AnnotationIds = [cue.Id],
        Properties = ImmutableDictionary<string, string>.Empty
            .Add("type", cue.Type.ToString().ToLowerInvariant())
            .Add("holder", cue.HolderName ?? cue.Holder.ToString().ToLowerInvariant()),
    };

    /// <summary>The headline's span when the text starts with the headline the reader found.</summary>
    private static TextSpan? HeadlineSpan(Document doc) =>
        doc.Metadata.Headline is { Length: > 0 } h && doc.Text.StartsWith(h, StringComparison.Ordinal)
            ? new TextSpan(0, h.Length) : null;
}
