using System.Collections.Immutable;
using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Analyzers.Quotes.Learning;
using Pipeline.Analyzers.Quotes.Lexicon;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Quotes.Attribution;

/// <summary>A quote's speaker as decided, with the sieve that decided and its confidence.</summary>
/// <param name="Written">Whether the speaker is written at the quote (false for carry-over and the nearest-entity guess).</param>
internal sealed record AttributionResult(QuoteInfo Quote, ResolvedSpeaker Speaker, string Method, double Confidence, bool Written);

/// <summary>
/// Attributes quotes to speakers with ordered sieves, in the spirit of Stanford CoreNLP's
/// QuoteAttributionAnnotator: each sieve handles only what the earlier ones left open and
/// records its name on what it decided. Thread-safe; one instance serves a whole run.
/// </summary>
/// <param name="tunedSourceWeight">The share of the model's tuned source tagger in the source probabilities; NaN: the model's own; 0: none.</param>
internal sealed class QuoteAttributor(QuotesLexicon lexicon, QuoteModel model, float tunedSourceWeight = float.NaN)
{
    private delegate (SpeakerSpan Span, ResolvedSpeaker? Speaker)? Sieve(QuoteAttributor self, AttributionContext ctx, QuoteInfo q, FeatureBuffer buffer);

    /// <summary>
    /// The sieves in the order they run: the constructions that name the speaker unambiguously
    /// first, then the learned source tagger, then the looser patterns, then carry-over and the
    /// nearest entity as a low-confidence last resort.
    /// </summary>
    private static readonly Sieve[] Order =
    [
        (_, c, q, _) => Written(Sieves.DashTrailer(c, q)),
        (_, c, q, _) => Written(Sieves.ColonLead(c, q)),
        (_, c, q, _) => Written(Sieves.QuotedSubject(c, q)),
        (_, c, q, _) => Written(Sieves.PassiveAgentOf(c, q)),
        (self, c, q, b) => Written(self.ModelSource(c, q, b)),
        (_, c, q, _) => Written(Sieves.ParticipleSubject(c, q)),
        (_, c, q, _) => Written(Sieves.ConjoinedSubject(c, q)),
        (_, c, q, _) => Written(Sieves.SaidTrailer(c, q)),
        (_, c, q, _) => Written(Sieves.Appositive(c, q)),
        (_, c, q, _) => Written(Sieves.SaidLead(c, q)),
        (_, c, q, _) => !Sieves.HasAgentlessCue(c, q) && Sieves.ParagraphCarryOver(c, q) is { } s ? (new SpeakerSpan(q.Start, q.Start, "sieve:paragraph-carryover", 0.6), s) : null,
        (_, c, q, _) => !Sieves.HasAgentlessCue(c, q) && !Sieves.HasEvidentialCue(q, c.View.Doc) && Sieves.NearestEntity(c, q) is { } m
            ? (new SpeakerSpan(q.Start, q.Start, "sieve:nearest-entity", 0.3), new ResolvedSpeaker(SpeakerKind.Named, null, m, default))
            : null,
    ];

    public QuotesLexicon Lexicon { get; } = lexicon;
    public QuoteModel Model { get; } = model;

    private readonly TunedSpanTagger? _tunedSource = TunedSpanTagger.WithShare(model.TunedSource, tunedSourceWeight, "tunedSourceWeight");

    public List<AttributionResult> Attribute(Document doc, ImmutableArray<Quote> quotes, ImmutableArray<EntityMention> entities) =>
        Attribute(new TokenView(doc, Lexicon, Model.Clusters), quotes, entities);

    public List<AttributionResult> Attribute(TokenView view, ImmutableArray<Quote> quotes, ImmutableArray<EntityMention> entities)
    {
        var infos = quotes.Select(q => ToInfo(view.Doc, q)).OrderBy(q => q.Start).ToList();
        var ctx = new AttributionContext(view, new EntityIndex(view, EntityIndex.OutletsAsOrganizations(entities, Lexicon.Bodies)), infos,
            Lexicon.Speakers, Lexicon.Names, Lexicon.Bodies) { SourcePriors = _tunedSource?.For(view) };
        var buffer = Model.Source.CreateBuffer();
        var results = new List<AttributionResult>(infos.Count);
        foreach (var q in infos)
        {
            var (result, tokens) = Decide(ctx, q, buffer);
            q.Speaker = result.Speaker;
            q.SpeakerTokens = tokens;
            results.Add(result);
        }
        // A headline's quotation takes the lead's speaker, decided after it.
        for (int i = 0; i < infos.Count; i++)
        {
            if (results[i].Method != NoSpeaker || Sieves.HeadlineLead(ctx, infos[i]) is not { } lead) continue;
            var q = infos[i];
            q.Speaker = lead with { Span = q.Quote.Span, Text = null };
            results[i] = new AttributionResult(q, q.Speaker, "sieve:headline-lead", q.Quote.Confidence * 0.6, Written: false);
        }
        return results;
    }

    private const string NoSpeaker = "none";

    private (AttributionResult, (int, int)?) Decide(AttributionContext ctx, QuoteInfo q, FeatureBuffer buffer)
    {
        foreach (var sieve in Order)
        {
            if (sieve(this, ctx, q, buffer) is not { } found) continue;
            var (span, speaker) = found;
            if (span.IsWritten)
            {
                var (start, end) = SourceBounds.Trim(ctx.View, span.Start, span.End, q.Cue?.Start ?? -1, (ctx.Cues, ctx.Speakers));
                span = span with { Start = start, End = end };
            }
            var resolved = speaker is null
                ? SpeakerResolver.Resolve(ctx, q, span.Start, span.End)
                : speaker with { Span = q.Quote.Span, Text = null };
            var result = new AttributionResult(q, resolved, span.Method, q.Quote.Confidence * span.Confidence, speaker is null);
            return (result, speaker is null ? (span.Start, span.End) : null);
        }
        return (new AttributionResult(q, new ResolvedSpeaker(SpeakerKind.Unknown, null, null, q.Quote.Span), NoSpeaker, q.Quote.Confidence, false), null);
    }

    private static (SpeakerSpan, ResolvedSpeaker?)? Written(SpeakerSpan? span) => span is { } s ? (s, null) : null;

    /// <summary>The learned source tagger over the cue's sentence; the most probable span wins.</summary>
    private SpeakerSpan? ModelSource(AttributionContext ctx, QuoteInfo q, FeatureBuffer buffer)
    {
        if (q.Cue is not { } cue) return null;
        var v = ctx.View;
        var spans = new List<TaggedSpan>();
        FindSource(v, cue.Start, cue.End, q.InContent, buffer, spans, ctx.SourcePriors);
        TaggedSpan? best = null;
        foreach (var s in spans)
            if ((best is null || s.Probability > best.Value.Probability) && QuoteDetector.HasWord(v, s.Start, s.End)) best = s; // a lone comma names no one
        if (best is not { } b) return null;
        int end = b.Start + 1;
        while (end < b.End && v.Class[end] != TokenClass.QuoteMark) end++; // a quotation inside ends the speaker's words
        return new SpeakerSpan(b.Start, end, "model:source", b.Probability);
    }

    /// <summary>Source spans of one cue, tagged outward from the cue over its sentence (content tokens excluded).</summary>
    /// <param name="priors">The tuned source tagger's P(inside) for the document, mixed in when the model has one.</param>
    public void FindSource(TokenView v, int cueStart, int cueEnd, Func<int, bool> inContent,
        FeatureBuffer buffer, List<TaggedSpan> output, TunedSpanTagger.Priors? priors = null)
    {
        var sentence = v.SentenceOfToken(cueStart);
        int lemma = QuoteFeatures.CueLemma(v, cueStart, cueEnd);
        bool Features(int t, int previous, FeatureBuffer f)
        {
            if (inContent(t)) return false;
            QuoteFeatures.Source(v, t, cueStart, cueEnd, lemma, previous, f);
            return true;
        }
        GreedyTagger.Adjust? mix = priors is null ? null : priors.Mix;
        GreedyTagger.Decode(Model.Source, sentence.FirstToken, cueStart, backward: true, buffer, Features, output, adjust: mix);
        GreedyTagger.Decode(Model.Source, cueEnd, Math.Max(sentence.EndToken, cueEnd), backward: false, buffer, Features, output, adjust: mix);
    }

    private static QuoteInfo ToInfo(Document doc, Quote quote) => new()
    {
        Quote = quote,
        Cue = quote.Cue is { } c ? Tokens(doc, c) : null,
        Content = quote.Content.Select(s => Tokens(doc, s)).OrderBy(s => s.Start).ToList(),
    };

    private static (int Start, int End) Tokens(Document doc, TextSpan span)
    {
        int s = doc.TokenAt(span.Start), e = s;
        while (e < doc.Tokens.Length && doc.Tokens[e].Span.Start < span.End) e++;
        return (s, Math.Max(e, s + 1));
    }
}
