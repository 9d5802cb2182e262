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
        spans.RemoveAll(s => InsideCompound(doc, s));
        if (spans.Count == 0) return new HedgeAnalysis([], [], []);

        var holders = HolderResolver.For(doc);
        var reportingVerbs = WrittenSpeakersCues(doc);
        var doubted = new Dictionary<TextSpan, string>(); // doubt verbs of written speakers' quotes: the speaker
        var cues = ImmutableArray.CreateBuilder<HedgeCue>(spans.Count);
        foreach (var s in spans)
        {
            var span = TextSpan.FromBounds(doc.Tokens[s.First].Span.Start, doc.Tokens[s.End - 1].Span.End);
            var holder = holders.Resolve(span);
            if (holder.Kind == HolderKind.Author && s.Type is HedgeType.Doxastic or HedgeType.Epistemic
                && reportingVerbs.Find(r => r.Cue.OverlapsWith(span)) is { Holder: var speaker } verb && speaker.Name is { } name
                && IsSpeakersVerb(doc, verb.Cue, s.First))
            {
                // "Russia claims": the words are Russia's, the doubt the reporter's; "Kennedy believes": the belief is Kennedy's,
                // as "analysts believe" is the analysts' and "the report predicted" the report's.
                if (options.IsDoubtVerb(doc.GetString(span))) doubted[span] = name;
                else holder = speaker;
            }
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

        var speakers = doc.GetLayerOrEmpty(Layers.Attributions);
        var sentences = ImmutableArray.CreateBuilder<SentenceUncertainty>();
        var findings = ImmutableArray.CreateBuilder<Finding>();
        var headline = doc.HeadlineSpan;
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
            AddFindings(doc, sentence, inSentence, headline, doubted, speakers, findings);
        }
        return new HedgeAnalysis(cues.MoveToImmutable(), sentences.ToImmutable(), findings.ToImmutable());
    }

    private void AddFindings(Document doc, Sentence sentence, ImmutableArray<HedgeCue> cues, TextSpan? headline,
        Dictionary<TextSpan, string> doubted, ImmutableArray<Attribution> speakers, ImmutableArray<Finding>.Builder findings)
    {
        foreach (var cue in cues)
        {
            var text = doc.GetString(cue.Span);
            var type = cue.Type.ToString().ToLowerInvariant();
            if (cue.Type == HedgeType.Weasel)
            {
                if (!IsHeadcount(doc, cue.Span, speakers)) findings.Add(About(Finding.Create(HedgeRules.VagueSource, cue.Span, text), cue));
            }
            else if (cue.Holder == HolderKind.Author && options.ReporterHedgeTypes.Contains(cue.Type)
                     && !(headline is { } h && h.Contains(cue.Span)))
                findings.Add(doubted.TryGetValue(cue.Span, out var speaker)
                    ? About(Finding.Create(HedgeRules.DoubtingReportingVerb, cue.Span, text, speaker), cue)
                    : About(Finding.Create(HedgeRules.ReporterHedge, cue.Span, text, type), cue));
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

    /// <summary>
    /// A vague number of people that is no source: "many people finished work on Friday", "few
    /// people get excited". "Many people say", "some people believe" and a headcount that is a
    /// quote's written speaker are sources, and other weasels ("critics say", "unnamed sources")
    /// always are.
    /// </summary>
    private static bool IsHeadcount(Document doc, TextSpan cue, ImmutableArray<Attribution> speakers)
    {
        int last = doc.TokenAt(cue.End - 1);
        if (!doc.TokenText(last).Equals("people", StringComparison.OrdinalIgnoreCase)) return false;
        if (speakers.Any(a => a.SpeakerText is not null && a.Span.OverlapsWith(cue))) return false;
        int next = last + 1;
        while (next < doc.Tokens.Length && (HeadcountAdverbs.Contains(doc.TokenText(next).ToString())
            || doc.TokenText(next).EndsWith("ly", StringComparison.OrdinalIgnoreCase))) next++;
        return next >= doc.Tokens.Length || !SourceVerbs.Contains(doc.TokenText(next).ToString());
    }

    private static readonly HashSet<string> HeadcountAdverbs = new(StringComparer.OrdinalIgnoreCase) { "also", "still", "now", "long", "always", "never", "often", "have", "has", "had", "would", "will", "may", "might", "do", "did", "not" };
    private static readonly HashSet<string> SourceVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "say", "said", "says", "believe", "believed", "think", "thought", "feel", "felt", "fear", "feared", "claim", "claimed", "argue",
        "argued", "suggest", "suggested", "expect", "expected", "worry", "worried", "agree", "agreed", "insist", "insisted", "told", "tell",
        "reckon", "reckoned", "suspect", "suspected", "complain", "complained", "wonder", "wondered", "warn", "warned",
    };

    /// <summary>
    /// A cue that is only part of a hyphenated word says nothing uncertain: the head of a compound
    /// ("think-tank", "thought-out") or a comparison's end ("worse-than-expected", "larger-than-forecast").
    /// A cue that is the whole word ("so-called") stays. A think tank is a compound written open too.
    /// </summary>
    internal static bool InsideCompound(Document doc, CueSpan cue)
    {
        var text = doc.Text;
        int start = doc.Tokens[cue.First].Span.Start, end = doc.Tokens[cue.End - 1].Span.End;
        if (end + 1 < text.Length && text[end] == '-' && char.IsLetter(text[end + 1])) return true;
        if (cue.End < doc.Tokens.Length && doc.TokenText(cue.End - 1).Equals("think", StringComparison.OrdinalIgnoreCase)
            && doc.TokenText(cue.End) is var next && next.StartsWith("tank", StringComparison.OrdinalIgnoreCase) && next.Length <= 5) return true;
        return start >= 5 && text[start - 1] == '-' && text.AsSpan(start - 5, 4).Equals("than", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether the hedge at token <paramref name="hedge"/> is the verb the speaker does (the quote
    /// cue's head, after auxiliaries and adverbs only: "has predicted", "also believes"), not a
    /// passive or raising one whose subject holds nothing ("is expected to", "is said to", "seems
    /// to forget", "accused of"), nor a word the cue merely holds ("fuelled speculation"), nor the
    /// writer's modal or adverb in it ("might think", "reportedly said"). The speaker's too: the
    /// attitude they are in ("are worried", "is confident") and the doubts they voice ("expressed
    /// doubts").
    /// </summary>
    private static bool IsSpeakersVerb(Document doc, TextSpan quoteCue, int hedge)
    {
        var word = doc.TokenText(hedge);
        // "Many might think", "Kilgore reportedly said": the writer's guess or hedge about what they think or said.
        if (Modals.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) || word.EndsWith("ly", StringComparison.OrdinalIgnoreCase)) return false;
        if (IsBeForm(word) || word.StartsWith("seem", StringComparison.OrdinalIgnoreCase) || word.StartsWith("appear", StringComparison.OrdinalIgnoreCase)
            || word.StartsWith("look", StringComparison.OrdinalIgnoreCase)) return false; // raising verbs
        bool attitude = Attitudes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
        if (hedge > 0 && IsBeForm(doc.TokenText(hedge - 1)) && !attitude) return false;
        // A headline's passive: "Cherie accused of attacking Bush".
        if (hedge + 1 < doc.Tokens.Length && doc.TokenText(hedge + 1) is "of" or "by") return false;
        int first = doc.TokenAt(quoteCue.Start);
        for (int t = first; t < hedge; t++)
        {
            var before = doc.TokenText(t);
            if (Auxiliaries.GetAlternateLookup<ReadOnlySpan<char>>().Contains(before) || attitude && IsBeForm(before)) continue;
            if (t == hedge - 1 && Voicing.GetAlternateLookup<ReadOnlySpan<char>>().Contains(before)) continue;
            return false;
        }
        return true;
    }

    /// <summary>States of mind a subject is in: "investors are worried", "he is confident".</summary>
    private static readonly HashSet<string> Attitudes = new(StringComparer.OrdinalIgnoreCase)
    {
        "worried", "concerned", "convinced", "unconvinced", "confident", "sure", "unsure", "doubtful", "sceptical", "skeptical",
        "hopeful", "optimistic", "pessimistic", "afraid", "fearful", "uncertain",
    };

    /// <summary>Verbs by which a speaker voices a doubt or fear of their own: "expressed doubts", "raised fears".</summary>
    private static readonly HashSet<string> Voicing = new(StringComparer.OrdinalIgnoreCase)
    {
        "express", "expresses", "expressed", "expressing", "voice", "voices", "voiced", "voicing", "raise", "raises", "raised", "raising",
        "air", "airs", "aired", "airing", "share", "shares", "shared", "sharing",
    };

    private static bool IsBeForm(ReadOnlySpan<char> word) => BeForms.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    private static readonly HashSet<string> Modals = new(StringComparer.OrdinalIgnoreCase) { "may", "might", "could", "would", "should", "must", "can" };
    private static readonly HashSet<string> BeForms = new(StringComparer.OrdinalIgnoreCase) { "is", "are", "was", "were", "be", "been", "being", "'s", "’s", "'re", "’re" };
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "has", "have", "had", "'s", "’s", "'ve", "’ve", "will", "would", "'d", "’d", "also", "not", "never", "again", "later", "already",
        "previously", "repeatedly", "recently", "publicly", "privately", "often", "still", "even", "just", "since", "then",
    };

    /// <summary>
    /// The reporting cues of quotes whose speaker the text writes ("Russia claims ...", "he
    /// insisted", "analysts believe", "the report predicted"), with that speaker as a holder; not
    /// the writer's own "I" or "we" and their "you", nor an unresolved "it" or "that" ("That suggests
    /// ..." is the writer's inference), whose hedges are the author's.
    /// </summary>
    private static List<(TextSpan Cue, Holder Holder)> WrittenSpeakersCues(Document doc)
    {
        var speakers = doc.GetLayerOrEmpty(Layers.Attributions)
            .Where(a => a.SpeakerText is { } text && (a.ClusterId is not null || !IsWritersOwn(text)))
            .GroupBy(a => a.QuoteId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.Confidence)!);
        var cues = new List<(TextSpan, Holder)>();
        foreach (var quote in doc.GetLayerOrEmpty(Layers.Quotes))
            if (quote.Cue is { } cue && speakers.TryGetValue(quote.Id, out var a))
                cues.Add((cue, new Holder(HolderKind.Speaker, quote.Id, a.ClusterId, a.CanonicalName ?? a.SpeakerText)));
        return cues;
    }

    private static bool IsWritersOwn(string speaker) => WritersWords.Contains(speaker.Trim());

    private static readonly HashSet<string> WritersWords = new(StringComparer.OrdinalIgnoreCase)
        { "I", "we", "me", "us", "my", "our", "you", "it", "its", "this", "that", "which", "what" };

    private static Finding About(Finding finding, HedgeCue cue) => finding with
    {
        AnnotationIds = [cue.Id],
        Properties = ImmutableDictionary<string, string>.Empty
            .Add("type", cue.Type.ToString().ToLowerInvariant())
            .Add("holder", cue.HolderName ?? cue.Holder.ToString().ToLowerInvariant()),
    };
}
