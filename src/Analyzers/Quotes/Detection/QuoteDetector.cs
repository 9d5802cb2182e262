using Pipeline.Analyzers.Quotes.Learning;
using Pipeline.Analyzers.Quotes.Lexicon;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Quotes.Detection;

/// <summary>
/// Finds quotes in a segmented document: cues, then the content of each cue (learned, after BBC
/// citron), then quotations introduced by a colon or followed by a dash and attribution, then
/// quotations with no cue that read as speech. Thread-safe; one instance serves a whole run.
/// </summary>
/// <param name="cueThreshold">P(B) from which a cue opens; NaN: the most probable label decides.</param>
/// <param name="lonelyCueThreshold">When the most probable label decides: in a sentence where no cue opened, its likeliest
/// cue start opens one from this P(B) (1: never).</param>
/// <param name="lonelyLexiconCueThreshold">The same for a likeliest start that is a lexicon cue word (1: never).</param>
/// <param name="encoder">The encoder of the model's cue tagger, when it reads word vectors (<see cref="QuoteModel.CueEncoder"/>).</param>
/// <param name="tunedCueWeight">The share of the model's tuned cue tagger in the cue probabilities; NaN: the model's own.</param>
/// <param name="tunedContentWeight">The share of the model's tuned content tagger in the content probabilities; NaN: the model's own; 0: none.</param>
internal sealed class QuoteDetector(QuotesLexicon lexicon, QuoteModel model, float cueThreshold = float.NaN, float lonelyCueThreshold = QuoteDetector.DefaultLonelyCueThreshold,
    float lonelyLexiconCueThreshold = QuoteDetector.DefaultLonelyLexiconCueThreshold, ITextEncoder? encoder = null, float tunedCueWeight = float.NaN,
    float tunedContentWeight = float.NaN)
{
    /// <summary>Largest number of tokens a content window reaches on each side of its cue.</summary>
    private const int MaxReach = 250;

    public QuotesLexicon Lexicon { get; } = lexicon;
    public QuoteModel Model { get; } = model;
    public float CueThreshold { get; } = float.IsNaN(cueThreshold) || cueThreshold is > 0 and <= 1 ? cueThreshold
        : throw new ArgumentOutOfRangeException(nameof(cueThreshold), cueThreshold, "the quotes option cueThreshold is a probability in (0, 1]");

    /// <summary>
    /// Chosen on PolNeAR dev (0.3 to 0.45 tried): a quarter of the sentences with no cue hold a gold one, and
    /// from this P(B) their likeliest start is a gold cue four times in ten (dev cue F1 +0.004, train +0.010).
    /// </summary>
    public const float DefaultLonelyCueThreshold = 0.4f;

    public float LonelyCueThreshold { get; } = lonelyCueThreshold is > 0 and <= 1 ? lonelyCueThreshold
        : throw new ArgumentOutOfRangeException(nameof(lonelyCueThreshold), lonelyCueThreshold, "the quotes option lonelyCueThreshold is a probability in (0, 1]");

    /// <summary>
    /// Chosen on PolNeAR dev (0.1 to 0.35 tried): a likeliest start that is a lexicon cue word ("found", "pledged") is a gold
    /// cue often enough from a lower P(B) to add to cue F1 (dev +0.004, train +0.001; test -0.001).
    /// </summary>
    public const float DefaultLonelyLexiconCueThreshold = 0.3f;

    public float LonelyLexiconCueThreshold { get; } = lonelyLexiconCueThreshold is > 0 and <= 1 ? lonelyLexiconCueThreshold
        : throw new ArgumentOutOfRangeException(nameof(lonelyLexiconCueThreshold), lonelyLexiconCueThreshold,
            "the quotes option lonelyLexiconCueThreshold is a probability in (0, 1]");

    /// <summary>The P(B) from which a lexicon cue word opens a lonely cue: never above the bar for any word.</summary>
    private float LonelyLexiconBar => Math.Min(LonelyCueThreshold, LonelyLexiconCueThreshold);

    private readonly ITextEncoder? _encoder = model.CueEncoder is null ? null
        : encoder is null ? throw new ArgumentException($"the quote model {model.Id} reads word vectors of {model.CueEncoder}, and no encoder was given", nameof(encoder))
        : encoder.ModelId == model.CueEncoder ? encoder
        : throw new ArgumentException($"the quote model {model.Id} reads word vectors of {model.CueEncoder}, not of {encoder.ModelId}", nameof(encoder));

    private readonly TunedCueTagger? _tunedCue = float.IsNaN(tunedCueWeight) ? model.TunedCue
        : tunedCueWeight is > 0 and <= 1 ? model.TunedCue?.WithWeight(tunedCueWeight)
        : throw new ArgumentOutOfRangeException(nameof(tunedCueWeight), tunedCueWeight, "the quotes option tunedCueWeight is above 0 and at most 1");

    private readonly TunedSpanTagger? _tunedContent = TunedSpanTagger.WithShare(model.TunedContent, tunedContentWeight, "tunedContentWeight");

    public List<DetectedQuote> Detect(Document doc) => Detect(View(doc));

    /// <summary>The token view the model reads: with the encoder's word vectors when its cue tagger reads them.</summary>
    public TokenView View(Document doc) => new(doc, Lexicon, Model.Clusters, _encoder is null ? null : WordVectors(_encoder, doc));

    /// <summary>One encoder vector per token of the document.</summary>
    public static float[][] WordVectors(ITextEncoder encoder, Document doc)
    {
        var spans = new TextSpan[doc.Tokens.Length];
        for (int i = 0; i < spans.Length; i++) spans[i] = doc.Tokens[i].Span;
        return encoder.EncodeWords(doc.Text, spans);
    }

    public List<DetectedQuote> Detect(TokenView v)
    {
        var trailers = new Dictionary<(int, int), TrailerClauseOf>();
        var quotedAsSaying = new HashSet<(int, int)>();
        var cues = FindCues(v, Model.Cue.CreateBuffer(), trailers, quotedAsSaying);
        var cueTokens = new CueMarks(v.Count, cues.Select(c => (c.Start, c.End)));

        var quotes = new List<DetectedQuote>();
        var spans = new List<TaggedSpan>();
        var buffer = Model.Content.CreateBuffer();
        var priors = _tunedContent?.For(v);
        foreach (var cue in cues)
        {
            if (IsLabelColon(v, cue.Start, cue.End) || IsDiscourseMarker(v, cue.Start, cue.End)) continue;
            if (quotedAsSaying.Contains((cue.Start, cue.End)))
            {
                if (QuotedContent(v, cue.Start, cue.End, cueTokens) is { } quoted)
                    quotes.Add(new DetectedQuote { Content = [quoted], Cue = (cue.Start, cue.End), Confidence = cue.Probability, Method = QuotedAsSayingMethod });
                continue;
            }
            spans.Clear();
            FindContent(v, cue.Start, cue.End, cueTokens, buffer, spans, priors);
            // The tagger's spans give way to the clause a construction points to, in turn.
            if (spans.Count > 0) ReplaceWithClause(spans, InvertedTrailerContent(v, cue.Start, cue.End, spans[0].Start, spans[^1].End, cueTokens));
            // A trailer cue reports the clause before its source; when the tagger found the cue itself, that clause
            // replaces content it put in the source's place ("..., | the Libyan central bank | has said.").
            if (trailers.TryGetValue((cue.Start, cue.End), out var trailer)
                && (!trailer.Tagged || spans.Count > 0 && spans.TrueForAll(s => s.Start > trailer.Comma && s.End <= cue.Start)))
                ReplaceWithClause(spans, trailer.Clause, TrailerCueProbability);
            if (ParentheticalContent(v, cue.Start, cue.End, cueTokens) is var (head, tail))
            {
                double p0 = spans.Count > 0 ? spans.Min(s => s.Probability) : 0.5;
                spans.Clear();
                spans.Add(new TaggedSpan(head.Start, head.End, p0));
                spans.Add(new TaggedSpan(tail.Start, tail.End, p0));
            }
            if (ContentEndBefore(spans, cue.Start) is int endBefore and >= 0)
            {
                ReplaceWithClause(spans, ClauseAfterConjoinedCue(v, cue.Start, cue.End, endBefore, cueTokens));
                ReplaceWithClause(spans, ClauseAfterParticipleCue(v, cue.Start, cue.End, cueTokens));
            }
            // The tagger's stray spans inside that quotation do not keep it from being the content, unless what it took
            // after the cue is quoted too: "\"...,\" he adds with a wry chuckle, \"People are ...\"" is one quote in two segments.
            if (spans.Count > 0 && spans[^1].Start >= cue.End
                && (spans[0].Start >= cue.End || !spans.Exists(s => s.Start >= cue.End && AnyQuoted(v, s.Start, s.End)))
                && QuotationInsteadOf(v, cue.Start, cue.End, spans.Find(s => s.Start >= cue.End).Start, cueTokens) is var (qs, qe)
                && spans.TrueForAll(s => s.Start >= cue.End || s.Start >= qs && s.End <= qe))
                ReplaceWithClause(spans, (qs, qe));
            // A colon introduces what the cue reports: the words before it are the speaker's ("Mr. Butterfield, noting
            // that the party's \"...,\" added: \"...\""), but for a quotation closed right before the speaker ("\"...,\" the
            // Find James Foley Facebook wrote: \"...\"").
            if (EndsWithColon(v, cue.End) && spans.Exists(s => s.Start >= cue.End))
            {
                var quotation = QuotationBeforeSource(v, cue.Start, cueTokens);
                spans.RemoveAll(s => s.End <= cue.Start && !(quotation is var (qs, qe) && s.Start < qe && qs < s.End));
            }
            // A colon that ends the paragraph introduces the quotation opening the next one ("Breitbart News responded:"):
            // the words before the cue are no content of it, and ClauseContent gives it the quotation.
            if (QuotationOpensNextParagraph(v, cue.End) is not null) spans.RemoveAll(s => s.End <= cue.Start);
            if (spans.Count > 0 && spans[0].Start == cue.End) ReplaceWithClause(spans, ClauseAfterSourcingCue(v, cue.Start, cue.End, spans[^1].End));
            if (spans.Count > 0 && spans[0].Start == cue.End && AfterHearer(v, cue.Start, cue.End, spans[0].End) is int said)
                spans[0] = spans[0] with { Start = said };
            if (v.CueAt[cue.Start] is { Lemma: "according to" } && !OpensSentence(v, cue.Start)) AfterClosingAccordingTo(v, spans, cue.Start, cue.End);
            bool before = spans.Exists(s => s.End <= cue.Start && HasWord(v, s.Start, s.End) && v.Class[s.End - 1] is TokenClass.QuoteMark or TokenClass.Comma);
            var content = new List<(int, int)>();
            double p = 1;
            foreach (var s in spans)
                if (HasWord(v, s.Start, s.End) && !(before && IsTrailerTail(v, cue.End, s.Start)))
                {
                    content.Add((s.Start, s.End));
                    p = Math.Min(p, s.Probability);
                }
            if (content.Count > 0)
                quotes.Add(new DetectedQuote { Content = content, Cue = (cue.Start, cue.End), Confidence = cue.Probability * p, Method = "model:cue-content" });
            else if (ClauseContent(v, cue.Start, cue.End, cueTokens, nestsCues: cue.Probability >= NestingCueProbability) is { } clause)
                quotes.Add(new DetectedQuote { Content = [clause], Cue = (cue.Start, cue.End), Confidence = cue.Probability * 0.5, Method = "rule:clause-content" });
        }

        RemoveOverlaps(quotes);
        ExtendOverPartialQuotations(v, quotes, cueTokens);
        foreach (var q in quotes) StartAfterEarlierCue(v, q, cueTokens);
        quotes.RemoveAll(q => q.Content.Count == 0);
        var trailingCues = TrailingCues(v, quotes, cueTokens);
        foreach (var q in quotes)
        {
            DropDanglingConjunction(v, q);
            StartAtComplementizer(v, q);
            StartAfterInvertedSource(v, q);
            AroundParentheticalCue(v, q);
            FinishClause(v, q, trailingCues);
            RunPastAsideAfterThat(v, q);
            AddFrontedPart(v, q, cueTokens);
            TrailingSource.Cut(v, q, cueTokens);
            TrimLooseEdges(v, q);
            PassiveAgentContent(v, q);
        }
        DropCuesInsideReportedClauses(v, quotes);
        var covered = Covered(v, quotes);
        // Speaker lines first: a transcript quoted whole after "as follows:" is one line per speaker, not one quote.
        AddSpeakerLines(v, quotes, covered);
        AddColonLeads(v, quotes, covered);
        AddDashTrailers(v, quotes, covered);
        quotes.Sort((a, b) => a.Start.CompareTo(b.Start));
        AddUncuedQuotations(v, quotes, covered, cueTokens);
        foreach (var q in quotes) q.Kind = KindOf(v, q);
        return quotes;
    }

    /// <summary>
    /// "That said, ...", "Having said that, ...": "said" in a phrase that opens its sentence (maybe
    /// after a bracket or quotation mark) and means "even so" reports no one.
    /// </summary>
    internal static bool IsDiscourseMarker(TokenView v, int cueStart, int cueEnd)
    {
        if (cueEnd != cueStart + 1 || v.WordHash[cueStart] != SaidHash) return false;
        // After an opening bracket or quotation mark: "(Having said that, ...".
        int first = v.SentenceOfToken(cueStart).FirstToken;
        while (first < cueStart && v.Class[first] is TokenClass.OtherPunct or TokenClass.QuoteMark) first++;
        bool thatSaid = cueStart == first + 1 && v.WordHash[first] == ThatHash && cueEnd < v.Count && v.Class[cueEnd] == TokenClass.Comma;
        bool havingSaidThat = cueStart == first + 1 && v.WordHash[first] == HavingHash && cueEnd + 1 < v.Count && v.WordHash[cueEnd] == ThatHash
            && v.Class[cueEnd + 1] == TokenClass.Comma;
        return thatSaid || havingSaidThat;
    }

    private static readonly int SaidHash = Hashing.Lower("said"), HavingHash = Hashing.Lower("having");

    /// <summary>Cue spans, sentence by sentence.</summary>
    /// <param name="trailers">Receives the cues that close their sentence as trailers, with the clause each reports (<see cref="AddTrailerCue"/>).</param>
    private List<TaggedSpan> FindCues(TokenView v, FeatureBuffer buffer, Dictionary<(int, int), TrailerClauseOf> trailers,
        HashSet<(int, int)> quotedAsSaying)
    {
        var cues = new List<TaggedSpan>();
        var skip = Model.CueSkipWords;
        foreach (var sentence in v.Doc.Sentences)
        {
            int start = sentence.FirstToken, end = sentence.EndToken;
            bool Features(int t, int previous, FeatureBuffer f)
            {
                // A cue almost never opens inside a quotation (one gold cue in 800 in PolNeAR), and a
                // fifth of news text is quoted: those tokens, like the skipped words, are not scored.
                if (previous == Bio.O && (v.InQuote(t) || skip.Contains(v.WordHash[t]))) return false;
                QuoteFeatures.Cue(v, t, start, end, previous, f);
                return true;
            }
            GreedyTagger.Adjust? mix = null;
            if (_tunedCue is { } tuned)
            {
                var probabilities = tuned.Probabilities(v, sentence, skip);
                mix = (t, _, p) => tuned.Mix(probabilities.AsSpan((t - start) * Bio.Count, Bio.Count), p);
            }
            int found = cues.Count;
            var (best, p) = GreedyTagger.Decode(Model.Cue, start, end, backward: false, buffer, Features, cues, CueThreshold, mix,
                bestFrom: float.IsNaN(CueThreshold) ? LonelyLexiconBar : 1);
            // The most probable label left this sentence without a cue; PolNeAR attributes something in a
            // quarter of such sentences, so a likely enough start still opens one, a lexicon cue word sooner.
            if (cues.Count == found && best >= 0 && p >= (v.CueAt[best] is null ? LonelyCueThreshold : LonelyLexiconBar) && float.IsNaN(CueThreshold))
                GreedyTagger.DecodeFrom(Model.Cue, best, p, end, buffer, Features, cues, mix);
            for (int i = cues.Count - 1; i >= found; i--)
                if (IsOtherSense(v, cues[i].Start, cues[i].End)) cues.RemoveAt(i);
                else cues[i] = cues[i] with { Start = ContractionBefore(v, start, AdverbsBefore(v, start, cues[i].Start)) };
            // A belief cue counts as a start of P(B) 0.5: a higher cueThreshold keeps it out.
            if (float.IsNaN(CueThreshold) || CueThreshold <= BeliefCueProbability)
            {
                AddBeliefCues(v, start, end, found, cues);
                AddEvidenceCues(v, start, end, found, cues);
            }
            if (float.IsNaN(CueThreshold) || CueThreshold <= TrailerCueProbability) AddTrailerCue(v, start, end, found, cues, trailers);
            AddQuotedAsSaying(v, start, end, found, cues, quotedAsSaying);
            if (float.IsNaN(CueThreshold) || CueThreshold <= TrailerCueProbability) AddQuotationTrailerCue(v, start, end, found, cues);
        }
        return cues;
    }

    /// <summary>
    /// Where a cue starts once the adverbs right before its verb are in it: "also contended", "often
    /// said", "almost immediately disclosed" (PolNeAR writes such an adverb into the cue 510 times in
    /// train and leaves it out 49, most of those names and nouns in -ly: "Kelly", "rally"). An adverb
    /// is one of a few time and manner words or a lower-case word in -ly that is no noun.
    /// </summary>
    internal static int AdverbsBefore(TokenView v, int sentenceStart, int cueStart)
    {
        if (v.CueAt[cueStart] is { Category: CueCategory.Sourcing }) return cueStart; // "according to" takes none
        int s = cueStart;
        while (s > sentenceStart && v.Class[s - 1] == TokenClass.Word && !v.InQuote(s - 1) && IsAdverb(v, s - 1)) s--;
        if (s == cueStart) return s;
        // And the auxiliary before them, maybe with its negation: "had aggressively defended", "doesn't automatically suggest".
        int a = s > sentenceStart && Negations.Contains(v.WordHash[s - 1]) ? s - 1 : s;
        if (a > sentenceStart && v.Class[a - 1] == TokenClass.Word && AdverbAuxiliaries.Contains(v.WordHash[a - 1])) s = a - 1;
        return s;
    }

    /// <summary>
    /// Where a cue starts once the contracted auxiliary of a subject pronoun right before it is in
    /// it: "He’s | comparing", "they’re | claiming", "I’ve | said" (PolNeAR writes it into the cue
    /// 124 times in train and dev and leaves it out 13, most of those "there’s" or "it’s" before a
    /// noun, "There’s little agreement").
    /// </summary>
    internal static int ContractionBefore(TokenView v, int sentenceStart, int cueStart)
    {
        if (cueStart - 2 < sentenceStart || v.InQuote(cueStart - 1)) return cueStart;
        var clitic = v.Doc.Tokens[cueStart - 1];
        bool auxiliary = clitic.Kind == TokenKind.Clitic && AuxiliaryClitics.Contains(Hashing.Lower(v.Doc.TokenText(cueStart - 1)[1..]));
        return auxiliary && ContractingPronouns.Contains(v.WordHash[cueStart - 2]) ? cueStart - 1 : cueStart;
    }

    private static readonly HashSet32 AuxiliaryClitics = new("s re ve d ll".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly HashSet32 ContractingPronouns = new("he she it i we you they who that".Split(' ').Select(w => Hashing.Lower(w)));

    private static bool IsAdverb(TokenView v, int t) =>
        CueAdverbs.Contains(v.WordHash[t])
        || v.Doc.TokenText(t) is { Length: > 4 } text && text.EndsWith("ly", StringComparison.Ordinal) && !LyNouns.Contains(v.WordHash[t]);

    private static readonly HashSet32 CueAdverbs = new(
        "also often further again once never still even already just first later".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly HashSet32 AdverbAuxiliaries = new(
        "has have had is was were are will would could should can may might did does do".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly HashSet32 LyNouns = new(
        ("rally rallies family supply reply belly bully jelly ally holy early friendly daily weekly monthly yearly only monopoly anomaly assembly "
            + "apply comply rely imply multiply lily jolly ugly lonely lovely costly deadly elderly").Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly HashSet32 Negations = new("not n't".Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>
    /// A cue word in a sense that reports no one, which the tagger, reading two words around, takes
    /// for a cue in business copy: "means" ("The wide difference in price also means that ...":
    /// PolNeAR makes it a cue once in 102 uses); "declined" of an amount ("exports declined
    /// in the second half", "have declined by 40%", not "declined further comment"); an expectation with no one to hold it ("faster
    /// than expected", "as forecast"; not "as predicted by NASA"); a name given to a noun phrase ("a
    /// company called Akamai").
    /// </summary>
    internal static bool IsOtherSense(TokenView v, int start, int end)
    {
        // The verb with its auxiliaries and adverbs: "have declined", "also means".
        while (start < end - 1 && (ClauseVerbs.Contains(v.WordHash[start]) || SenseAdverbs.Contains(v.WordHash[start]))) start++;
        if (end - start != 1) return false;
        int w = v.WordHash[start];
        if (w == MeansHash) return true;
        int next = end < v.Count ? v.WordHash[end] : 0;
        if (DeclineForms.Contains(w))
            return end < v.Count && (v.Class[end] == TokenClass.Number || AmountWords.Contains(next))
                || next == ToHash && end + 1 < v.Count && v.Class[end + 1] == TokenClass.Number;
        if (NamingForms.Contains(w)) return IsNaming(v, start);
        // "as predicted by NASA" names its holder.
        return start > 0 && ExpectationForms.Contains(w) && (v.WordHash[start - 1] == ThanHash || v.WordHash[start - 1] == AsHash) && next != ByHash;
    }

    /// <summary>
    /// "a company called Akamai", "a man named Greg Mills", "a web-based tool called EdgeScape", "a
    /// resistance movement called the Ethiopian People's Revolutionary Party": a name given to an
    /// indefinite noun phrase, not words someone said (PolNeAR marks 2 such cues in 23).
    /// </summary>
    private static bool IsNaming(TokenView v, int t)
    {
        int name = t + 1 < v.Count && v.WordHash[t + 1] == TheHash ? t + 2 : t + 1;
        // Not after a pronoun or a conjunction, whose verb it is: "he called", "cast Bale ... and called the Dark Knight star".
        if (name >= v.Count || v.Class[name] != TokenClass.Capitalized || t == 0 || v.Class[t - 1] != TokenClass.Word
            || v.SpeakerClass[t - 1] is SpeakerWordClass.PronounPerson or SpeakerWordClass.PronounGroup or SpeakerWordClass.PronounSelf
            || ClauseOpeners.Contains(v.WordHash[t - 1])) return false;
        for (int k = t - 1; k >= 0 && t - k <= 5; k--)
        {
            if (v.WordHash[k] == AHash || v.WordHash[k] == AnHash) return true;
            if (v.Class[k] is not (TokenClass.Word or TokenClass.Capitalized)) return false;
        }
        return false;
    }

    private static readonly HashSet32 NamingForms = new("called named dubbed".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly int AHash = Hashing.Lower("a"), AnHash = Hashing.Lower("an");

    private static readonly int MeansHash = Hashing.Lower("means"), ThanHash = Hashing.Lower("than");
    private static readonly HashSet32 SenseAdverbs = new("also often still now always usually simply therefore thus".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly HashSet32 DeclineForms = new("declined declines declining decline".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly HashSet32 AmountWords = new(
        "by in from since after over during sharply slightly steadily significantly substantially last this rapidly markedly"
            .Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly HashSet32 ExpectationForms = new(
        "expected forecast predicted anticipated feared hoped thought estimated planned promised".Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>
    /// A lexicon verb of speech or writing that ends its sentence after a short subject and a
    /// quotation closed by its own punctuation ("\"Thank YOU for making it possible!!\" Mook
    /// responded.", "\"...,\" Ms Jones quipped."): the tagger, reading two words around, often
    /// leaves such rarer verbs out. Only in a sentence the tagger gave no cue; the content is the
    /// quotation (<see cref="QuotationInsteadOf"/>).
    /// </summary>
    internal static void AddQuotationTrailerCue(TokenView v, int start, int end, int found, List<TaggedSpan> cues)
    {
        if (cues.Count > found) return;
        int last = end;
        while (last > start && v.Class[last - 1] is TokenClass.Period or TokenClass.OtherPunct) last--;
        for (int t = Math.Max(start, last - 3); t < last; t++)
        {
            if (v.CueAt[t] is not { Category: CueCategory.Speech or CueCategory.Writing, IsSourcing: false } || v.Class[t] != TokenClass.Word
                || t + v.CueLength[t] != last || v.InQuote(t)) continue;
            // The verb group: "has said", "will say".
            int cueStart = t;
            while (cueStart > start && ClauseVerbs.Contains(v.WordHash[cueStart - 1])) cueStart--;
            if (QuotationBeforeSource(v, cueStart, cues: null, sameSentence: false) is { } quotation && IsTrailerSubject(v, quotation.End, cueStart))
                cues.Add(new TaggedSpan(cueStart, last, TrailerCueProbability));
            return;
        }
    }

    /// <summary>
    /// Whether the words between a quotation and a trailing verb can be its subject: a name, a
    /// pronoun or a noun phrase with its determiner, with no verb of its own ("Sounds like something
    /// a robot manufacturer would say", "he was due to say") and not a noun's modifiers ("were
    /// unavailable for comment", "outside of Beijing's communist rule").
    /// </summary>
    private static bool IsTrailerSubject(TokenView v, int start, int end)
    {
        if (end - start is < 1 or > MaxQuotationTrailerSubject) return false;
        bool opens = v.Class[start] == TokenClass.Capitalized || Determiners.Contains(v.WordHash[start]) || SubjectPronouns.Contains(v.WordHash[start]);
        if (!opens || Prepositions.Contains(v.WordHash[end - 1]) || Determiners.Contains(v.WordHash[end - 1])) return false;
        for (int t = start; t < end; t++)
            if (ClauseVerbs.Contains(v.WordHash[t]) || v.WordHash[t] == ToHash || v.CueAt[t] is not null && v.Class[t] == TokenClass.Word) return false;
        return true;
    }

    private const int MaxQuotationTrailerSubject = 8;

    /// <summary>
    /// "X was quoted as saying", "X is quoted by Interfax (in the Free Beacon) as saying", "X was
    /// quoted saying", "X is quoted telling the Daily News": one cue from the auxiliary to "saying"
    /// or "telling" (PolNeAR's "is quoted as saying"), whose subject is the speaker; it replaces the
    /// tagger's cues inside it ("quoted", "as saying"). The active "Interfax quoted him as saying" is
    /// left to the tagger: its source is the one who quotes.
    /// </summary>
    internal static void AddQuotedAsSaying(TokenView v, int start, int end, int found, List<TaggedSpan> cues, HashSet<(int, int)> added)
    {
        for (int t = start + 1; t < end - 1; t++)
        {
            if (v.WordHash[t] != QuotedHash || v.InQuote(t) || !PassiveAuxiliaries.Contains(v.WordHash[t - 1])) continue;
            int s = t + 1;
            if (v.WordHash[s] == ByHash || v.WordHash[s] == InHash)
                while (s < end && s - t <= MaxQuotingAgent && v.WordHash[s] != AsHash && v.WordHash[s] != SayingHash
                       && v.Class[s] is not (TokenClass.Comma or TokenClass.Period or TokenClass.Colon or TokenClass.QuoteMark)) s++;
            if (s < end && v.WordHash[s] == AsHash) s++;
            if (s >= end || v.WordHash[s] != SayingHash && v.WordHash[s] != TellingHash) continue;
            int cueStart = t - 1, cueEnd = s + 1;
            // "have been quoted", "will be quoted": the whole verb group.
            if (cueStart - 1 >= start && v.WordHash[cueStart] is var aux && (aux == BeenHash && PerfectAuxiliaries.Contains(v.WordHash[cueStart - 1])
                || aux == BeHash && ClauseVerbs.Contains(v.WordHash[cueStart - 1]))) cueStart--;
            for (int i = cues.Count - 1; i >= found; i--)
                if (cues[i].Start < cueEnd && cues[i].End > cueStart) cues.RemoveAt(i);
            cues.Add(new TaggedSpan(cueStart, cueEnd, QuotedAsSayingProbability));
            added.Add((cueStart, cueEnd));
            cues.Sort(found, cues.Count - found, ByStart);
            t = cueEnd;
        }
    }

    /// <summary>
    /// What "was quoted as saying" reports: closing its sentence, the quotation or clause before its
    /// subject ("\"...,\" Jorge Santamaria, a resident, was quoted by the AP as saying."); else the
    /// clause after it.
    /// </summary>
    private static (int Start, int End)? QuotedContent(TokenView v, int cueStart, int cueEnd, CueMarks cues) =>
        Words(v, cueEnd, v.SentenceOfToken(cueStart).EndToken) == 0
            ? QuotationBeforeSource(v, cueStart, cues, MaxQuotedSource, sameSentence: false) ?? ClauseBeforeSource(v, cueStart, closesSentence: true, cues)
            : ClauseContent(v, cueStart, cueEnd, cues);

    private const double QuotedAsSayingProbability = 0.9;
    private static readonly Comparer<TaggedSpan> ByStart = Comparer<TaggedSpan>.Create((a, b) => a.Start.CompareTo(b.Start));

    private const string QuotedAsSayingMethod = "rule:quoted-as-saying";

    /// <summary>Whether a cue is "... quoted ... saying" or "... quoted ... telling", as <see cref="AddQuotedAsSaying"/> makes them.</summary>
    internal static bool IsQuotedAsSaying(TokenView v, int cueStart, int cueEnd)
    {
        if (cueEnd - cueStart < 3 || v.WordHash[cueEnd - 1] != SayingHash && v.WordHash[cueEnd - 1] != TellingHash) return false;
        for (int t = cueStart; t < cueEnd - 1; t++)
            if (v.WordHash[t] == QuotedHash) return true;
        return false;
    }

    /// <summary>A subject before "was quoted as saying" may be a long description ("Saudi Airlines' assistant manager for marketing, Abdul Rahman Al Fahd,").</summary>
    private const int MaxQuotedSource = 20;
    private const int MaxQuotingAgent = 8;
    private static readonly int QuotedHash = Hashing.Lower("quoted"), ByHash = Hashing.Lower("by"), AsHash = Hashing.Lower("as"),
        SayingHash = Hashing.Lower("saying"), TellingHash = Hashing.Lower("telling");
    private static readonly HashSet32 PassiveAuxiliaries = new("is are was were been being be".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly HashSet32 PerfectAuxiliaries = new("has have had".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly int BeenHash = Hashing.Lower("been"), BeHash = Hashing.Lower("be");

    /// <summary>
    /// A reporting verb that closes its sentence after a comma and a short source, with or without
    /// "has" or "have" ("..., a committee of MPs has warned.", "..., lenders have said.", "..., a
    /// survey has found."): the British news lead, which the tagger, trained on US political news,
    /// often leaves out. When a cue of the tagger already holds the verb, no cue is added, and the
    /// clause is kept for that cue in case the tagger put its content in the source's place.
    /// </summary>
    internal static void AddTrailerCue(TokenView v, int start, int end, int found, List<TaggedSpan> cues, Dictionary<(int, int), TrailerClauseOf> trailers)
    {
        if (TrailerCue(v, start, end) is not var (cue, cueEnd, comma)) return;
        var clause = TrailerClause(v, start, comma);
        for (int c = found; c < cues.Count; c++)
            if (cues[c].End >= cueEnd)
            {
                // The tagger's own cue for the verb, after the source's comma: its clause can repair the tagger's content.
                if (cues[c].Start > comma && clause is { } tagged) trailers[(cues[c].Start, cues[c].End)] = new(tagged, comma, Tagged: true);
                return;
            }
        cues.Add(new TaggedSpan(cue, cueEnd, TrailerCueProbability));
        if (clause is { } added) trailers[(cue, cueEnd)] = new(added, comma, Tagged: false);
    }

    /// <summary>The clause a trailer cue reports, the comma before its source, and whether the tagger found the cue.</summary>
    internal readonly record struct TrailerClauseOf((int Start, int End) Clause, int Comma, bool Tagged);

    /// <summary>
    /// The clause a trailer cue reports: the sentence from <paramref name="start"/> up to the comma
    /// before its source ("Anglers could find themselves prosecuted ... | , a committee of MPs has
    /// warned."), or before a name set off ahead of the source's description ("..., Rabbi Marvin
    /// Hier, founder of ..., has said."); null under three words.
    /// </summary>
    private static (int Start, int End)? TrailerClause(TokenView v, int start, int comma)
    {
        int name = comma - 1;
        while (name > start && comma - name <= 4 && v.Class[name] == TokenClass.Capitalized) name--;
        if (name < comma - 1 && name > start && v.Class[name] == TokenClass.Comma) comma = name;
        return Words(v, start, comma) >= 3 ? (start, comma) : null;
    }

    /// <summary>
    /// The cue [Start, End) that closes sentence [start, end) as a trailer, and the comma before its
    /// source; null when the sentence does not end so. The verb, of the lexicon and not a participle,
    /// is inflected ("reports", "said", not a noun such as "plan") unless "has" or "have" comes
    /// before it; an -s form ("calls") only after a name or a noun for a person, body or document ("the report says"). The source is a noun
    /// phrase of one to <see cref="MaxTrailerSource"/> words ("a committee of MPs", "lenders") with
    /// no comma, quotation mark, cue, verb form, participle, list ("ads, mailers and phone calls") or
    /// comparison ("a bigger fall than expected") in it, and not a clause of its own ("but he has
    /// denied", "which the minister has denied", "I guess").
    /// </summary>
    private static (int Start, int End, int Comma)? TrailerCue(TokenView v, int start, int end)
    {
        int verb = end - 1;
        while (verb > start && v.Class[verb] is TokenClass.Period or TokenClass.QuoteMark) verb--;
        if (verb <= start + 2 || v.Class[verb] != TokenClass.Word || v.InQuote(verb) || v.CueLength[verb] != 1
            || v.CueAt[verb] is not { Category: not CueCategory.Sourcing } entry || v.Doc.TokenText(verb).EndsWith("ing", StringComparison.Ordinal))
            return null;
        int cue = verb;
        while (cue - 1 > start && TrailerAuxiliaries.Contains(v.WordHash[cue - 1])) cue--;
        int before = v.WordHash[verb - 1];
        bool auxiliary = before == HasHash || before == HaveHash || before == HadHash;
        if (!auxiliary && v.Doc.TokenText(verb).Equals(entry.Lemma, StringComparison.OrdinalIgnoreCase)) return null;
        int head = cue - 1, comma = head;
        if (v.Class[head] is not (TokenClass.Word or TokenClass.Capitalized)) return null;
        if (!auxiliary && v.Doc.TokenText(verb).EndsWith('s') && !(v.Class[head] == TokenClass.Capitalized
            || v.SpeakerClass[head] is SpeakerWordClass.PersonNoun or SpeakerWordClass.OrgNoun or SpeakerWordClass.Document))
            return null;
        while (comma > start && cue - comma <= MaxTrailerSource + 1 && v.Class[comma] is TokenClass.Word or TokenClass.Capitalized or TokenClass.Number
               && v.CueAt[comma] is null && !NotInSource(v, comma))
            comma--;
        if (comma == head || v.Class[comma] != TokenClass.Comma || comma <= start + 1 || ClauseOpeners.Contains(v.WordHash[comma + 1])
            || TrailerSourceOpeners.Contains(v.WordHash[comma + 1]))
            return null;
        return (cue, verb + 1, comma);
    }

    private static bool NotInSource(TokenView v, int t) =>
        TrailerNonSourceWords.Contains(v.WordHash[t]) || v.Class[t] == TokenClass.Word && v.Doc.TokenText(t).EndsWith("ing", StringComparison.Ordinal)
        || (v.WordHash[t] == AndHash || v.WordHash[t] == OrHash) && t + 1 < v.Count && v.Class[t + 1] != TokenClass.Capitalized;

    private static readonly int HasHash = Hashing.Lower("has"), HaveHash = Hashing.Lower("have"), HadHash = Hashing.Lower("had"),
        AndHash = Hashing.Lower("and"), OrHash = Hashing.Lower("or");
    // Verb forms, relative and comparative words: a source holds none ("the minister has", "which", "a bigger fall than").
    private static readonly HashSet32 TrailerNonSourceWords = new(
        ("is are was were be been being am may might can could will would shall should must do does did has have had " +
         "which who whom whose what where when than as").Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>The cue probability from which a clause the content tagger left out may report other cues (<see cref="ClauseContent"/>).</summary>
    private const double NestingCueProbability = 0.9;

    /// <summary>The confidence a trailer cue found by <see cref="AddTrailerCue"/> carries.</summary>
    private const double TrailerCueProbability = 0.5;

    private static readonly HashSet32 TrailerAuxiliaries = new("has have had also now".Split(' ').Select(w => Hashing.Lower(w)));
    // Words that open no source: a preposition, a pronoun standing for a thing, the writer or reader ("..., for the same reason.", "..., I guess.").
    private static readonly HashSet32 TrailerSourceOpeners = new(
        "it this that there i we you for in on at to of by with from".Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>
    /// A verb of belief between its subject and the clause believed ("A Plaid Cymru MP believes UK
    /// security services were involved", "The ADB fears that ...", "they thought they were getting")
    /// is a cue, as PolNeAR annotates it, where the tagger, trained on US political news, left it
    /// out. Not a passive ("is believed to"), a noun ("the thought", "fears of"), a quoted word, or
    /// a verb after another cue of the sentence.
    /// </summary>
    internal static void AddBeliefCues(TokenView v, int start, int end, int found, List<TaggedSpan> cues)
    {
        int added = cues.Count;
        for (int t = start + 1; t + 1 < end; t++)
        {
            // Not a headline in capitals ("EVEN OZ'S BOSS THINKS ...").
            if (!BeliefVerbs.Contains(v.WordHash[t]) || v.InQuote(t) || v.CueAt[t] is not { Category: CueCategory.Thought } || char.IsUpper(v.Doc.TokenText(t)[0])) continue;
            int subject = t - 1;
            while (subject > start && (BeliefAdverbs.Contains(v.WordHash[subject]) || v.Doc.TokenText(subject).EndsWith("ly", StringComparison.Ordinal))) subject--;
            if (!IsSubjectWord(v, subject) || !OpensBelief(v, t + 1, thatOnly: ThatOnlyVerbs.Contains(v.WordHash[t]))) continue;
            // Nor a belief inside what an earlier cue reports ("He said he was not worried because he doubted ..."):
            // that cue's content runs on over it.
            bool taken = false;
            for (int c = found; c < added && !taken; c++) taken = cues[c].Start <= t;
            // The adverbs and auxiliary are the cue's, as PolNeAR writes it: "actually believe", "does believe".
            if (!taken) cues.Add(new TaggedSpan(subject + 1, t + 1, BeliefCueProbability));
        }
        if (cues.Count > added) cues.Sort(found, cues.Count - found, ByStart);
    }

    /// <summary>
    /// A finding verb ("shows", "found", "suggests") whose subject is a document ("A 2014 study by
    /// ... found 31 incidents", "A USA TODAY analysis of super PACs that have raised ... shows
    /// Democratic groups outpacing ...", "leaked documents from his 1995 tax return show he took
    /// ...") is a cue when the tagger left it out: the subject's head, with its determiner or
    /// modifiers, may stand a long way before the verb, past a prepositional phrase or a relative
    /// clause, where the tagger's two words of context do not reach. The head is the nearest
    /// document noun before the verb in its sentence, with no cue, quotation or semicolon between,
    /// and the verb is followed by what it reports ("that", a determiner, a name, a number, a pronoun).
    /// </summary>
    internal static void AddEvidenceCues(TokenView v, int start, int end, int found, List<TaggedSpan> cues)
    {
        int added = cues.Count;
        for (int t = start + 1; t + 1 < end; t++)
        {
            if (!EvidenceVerbs.Contains(v.WordHash[t]) || v.InQuote(t) || v.Class[t] != TokenClass.Word || !OpensBelief(v, t + 1, thatOnly: false)) continue;
            // Not where the tagger found a cue on the verb or between it and its subject.
            bool taken = false;
            for (int c = found; c < added && !taken; c++) taken = cues[c].Start <= t && cues[c].End > t - MaxEvidenceSubject;
            if (taken) continue;
            for (int h = t - 1; h >= start && t - h <= MaxEvidenceSubject; h--)
            {
                if (v.InQuote(h) || v.CueAt[h] is not null && v.SpeakerClass[h] != SpeakerWordClass.Document || v.Class[h] is TokenClass.Colon or TokenClass.Period) break;
                // Not the object of "of" ("an analysis of campaign-finance reports"): the head is before it.
                if (v.SpeakerClass[h] != SpeakerWordClass.Document || h > start && v.WordHash[h - 1] == OfHash) continue;
                // Its auxiliaries and adverbs are the cue's: "could show", "also found".
                int cueStart = t;
                while (cueStart > h + 1 && (ClauseVerbs.Contains(v.WordHash[cueStart - 1]) || BeliefAdverbs.Contains(v.WordHash[cueStart - 1]))) cueStart--;
                cues.Add(new TaggedSpan(cueStart, t + 1, BeliefCueProbability));
                break;
            }
        }
        if (cues.Count > added) cues.Sort(found, cues.Count - found, ByStart);
    }

    private const int MaxEvidenceSubject = 16;

    private static readonly HashSet32 EvidenceVerbs = new(
        "shows show showed found finds suggests suggested indicates indicated reveals revealed concludes concluded".Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>The confidence a belief cue found by <see cref="AddBeliefCues"/> carries.</summary>
    private const double BeliefCueProbability = 0.5;

    private static readonly HashSet32 BeliefVerbs = new(
        "believe believes believed think thinks thought fear fears feared suspect suspects suspected doubt doubts doubted reckon reckons reckoned"
            .Split(' ').Select(w => Hashing.Lower(w)));
    // Verbs whose object is as often a noun phrase ("fear the worst", "doubt it"): only "that" opens their clause here.
    private static readonly HashSet32 ThatOnlyVerbs = new("fear fears feared doubt doubts doubted".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly HashSet32 BeliefAdverbs = new("also still now not n't do does did clearly".Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>
    /// A word that can end a belief's subject: a third-person subject pronoun, a name, a share
    /// ("43%", "per cent"), or a noun for people or a body. Not the writer's "I" or "we", the
    /// reader's "you", nor a number ("25 suspected militants").
    /// </summary>
    private static bool IsSubjectWord(TokenView v, int t) =>
        ThirdPersonSubjects.Contains(v.WordHash[t])
        || v.Class[t] == TokenClass.Capitalized && t != v.SentenceOfToken(t).FirstToken && v.WordHash[t] != IHash
        || v.Doc.TokenText(t) is "%" or "cent"
        || v.SpeakerClass[t] is SpeakerWordClass.PersonNoun or SpeakerWordClass.OrgNoun or SpeakerWordClass.GroupHead or SpeakerWordClass.VagueHead;

    private static readonly HashSet32 ThirdPersonSubjects = new("he she they who".Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>Whether a clause believed opens at token t: "that", else (unless only "that" will do) a subject pronoun, a determiner, a name or a number.</summary>
    private static bool OpensBelief(TokenView v, int t, bool thatOnly) =>
        v.WordHash[t] == ThatHash
        || !thatOnly && (SubjectPronouns.Contains(v.WordHash[t]) && v.WordHash[t] != YouHash || BeliefDeterminers.Contains(v.WordHash[t])
            || v.Class[t] is TokenClass.Capitalized or TokenClass.Number);

    private static readonly HashSet32 BeliefDeterminers = new("the a an this these those his her their its our some many most no any every all such".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly int YouHash = Hashing.Lower("you"), IHash = Hashing.Lower("i");

    /// <summary>Content spans of one cue, tagged outward from the cue over its window, in text order.</summary>
    /// <param name="priors">The tuned content tagger's P(inside) for the document, mixed in when the model has one.</param>
    public void FindContent(TokenView v, int cueStart, int cueEnd, CueMarks cueTokens, FeatureBuffer buffer, List<TaggedSpan> output,
        TunedSpanTagger.Priors? priors = null)
    {
        var (start, end) = ContentWindow(v, cueStart, cueEnd, cueTokens);
        int lemma = QuoteFeatures.CueLemma(v, cueStart, cueEnd);
        bool Features(int t, int previous, FeatureBuffer f)
        {
            QuoteFeatures.Content(v, cueTokens, t, cueStart, cueEnd, lemma, previous, f);
            return true;
        }
        GreedyTagger.Adjust? mix = priors is null ? null : priors.Mix;
        GreedyTagger.Decode(Model.Content, start, cueStart, backward: true, buffer, Features, output, adjust: mix, run: AcrossQuotation);
        output.Reverse();
        GreedyTagger.Decode(Model.Content, cueEnd, end, backward: false, buffer, Features, output, adjust: mix, run: AcrossQuotation);

        // Content that enters a quotation runs on to its last word inside the marks, where the tagger decides again:
        // a quotation is one person's words, so its middle is never where reported content stops. Not across a
        // quotation left unclosed: its extent is a guess (a mark missing in the text).
        int AcrossQuotation(int t, bool backward)
        {
            if (v.QuoteOf[t] < 0 || v.Doc.Quotations[v.QuoteOf[t]] is not { IsClosed: true } pair) return t;
            var (qs, qe) = QuotationTokens(v.Doc, pair);
            if (t <= qs || t >= qe - 1) return t;
            return backward ? qs + 1 : qe - 2;
        }
    }

    /// <summary>
    /// Content for a cue the content tagger found none for: the next paragraph when a colon after
    /// the cue ends its paragraph ("Limbaugh added:"; not a quotation, which the colon-lead rule
    /// takes whole); for a cue opening its sentence (a sourcing cue maybe after "However,"), the clause after the comma that ends its
    /// source ("According to police, | officers saw ..."); else the clause after the cue to the end
    /// of the sentence ("said that ..."); else the clause before the comma that precedes a short
    /// source ("..., sources said."), which may itself report other cues when the source and cue
    /// close the sentence. Null when none holds three words.
    /// </summary>
    /// <param name="nestsCues">The cue is certain enough that the clause after it may hold other cues, which it then
    /// reports ("Michael Howard said Mr Blair would be running scared if he refused calls ..."); else such a clause is none.</param>
    internal static (int Start, int End)? ClauseContent(TokenView v, int cueStart, int cueEnd, CueMarks cues, bool nestsCues = false)
    {
        if (ParagraphAfterColon(v, cueEnd) is { } paragraph) return paragraph;
        if (QuotationOpensNextParagraph(v, cueEnd) is { } nextQuotation) return nextQuotation;
        var sentence = v.SentenceOfToken(cueStart);
        int end = sentence.EndToken;
        while (end > cueEnd && v.Class[end - 1] is TokenClass.Period or TokenClass.Comma or TokenClass.Colon) end--;
        if ((cueStart == sentence.FirstToken || v.CueAt[cueStart] is { IsSourcing: true } && OpensSentence(v, cueStart))
            && ClauseAfterComma(v, cueEnd, end) is { } clause) return clause;
        // "Shares rose 5% in early trading according to the exchange.": with no comma before it, a closing "according to"
        // reports the sentence before it.
        if (v.CueAt[cueStart] is { Lemma: "according to" } && !OpensSentence(v, cueStart) && v.Class[cueStart - 1] != TokenClass.Comma
            && Words(v, sentence.FirstToken, cueStart) >= 3 && !cues.Any(sentence.FirstToken, cueStart) && !v.InQuote(cueStart))
            return (sentence.FirstToken, cueStart);
        // What follows the cue ends where a cue of the same speaker goes on after a conjunction or comma ("... and added
        // that", "..., saying:", "told GMTV's Sunday programme, adding that").
        end = BeforeConjoinedCue(v, cueEnd, end, cues);
        bool addressee = IsAddressee(v, cueStart, cueEnd, end);
        var before = ClauseBeforeSource(v, cueStart, closesSentence: Words(v, cueEnd, end) <= 2 || addressee, cues);
        // A clause may hold other cues only after a cue with its subject before it, and when the clause opens right
        // after the cue: not ", adding that ..." after "..., he said", nor the source after "..., said Mr Stanley, but ...".
        bool nests = nestsCues && cueStart > sentence.FirstToken && v.Class[cueStart - 1] is TokenClass.Word or TokenClass.Capitalized
            && cueEnd < v.Count && v.Class[cueEnd] is TokenClass.Word or TokenClass.Capitalized or TokenClass.Number
            && v.WordHash[cueStart] != ToHash && !v.Doc.TokenText(cueEnd - 1).EndsWith("ing", StringComparison.Ordinal); // a finite verb, not "to tell" or "saying"
        if (Words(v, cueEnd, end) >= 3 && (nests || !cues.Any(cueEnd, end)) && !v.InQuote(cueEnd))
        {
            // "..., Ms Hewitt told GMTV's Sunday programme.": whom she told, not what (a source stands between comma and cue).
            // Else a quotation right before the source ("\"...,\" Kirsten Pfeifer ..., told the BBC News website."), or nothing.
            if (OpeningQuotationBeforeSource(v, cueStart, cueEnd, cues) is { } opening) return opening;
            if (addressee) return before is { } clause0 && Words(v, clause0.End + 1, cueStart) > 0 ? clause0 : QuotationBeforeSource(v, cueStart, cues);
            return InvertedTrailerContent(v, cueStart, cueEnd, cueEnd, end, cues) ?? (AfterHearer(v, cueStart, cueEnd, end) ?? cueEnd, end);
        }
        // "\"...?\" Graham asked.": the quotation ends the sentence before the source and cue. And a quotation that closes
        // before a source set off by its own commas is the content, not the clause up to the last comma: "\"...,\" Quina Jones, 25, said."
        var quotation = QuotationBeforeSource(v, cueStart, cues, sameSentence: false);
        return before is { } b && quotation is { } q && b.Start <= q.Start && b.End > q.End ? q : before ?? quotation;
    }

    /// <summary>The first "and", "but" or comma right before a cue in [start, end), or end.</summary>
    private static int BeforeConjoinedCue(TokenView v, int start, int end, CueMarks cues)
    {
        for (int t = start + 1; t < end; t++)
            if (cues.IsCue(t) && !cues.IsCue(t - 1) && (v.Class[t - 1] == TokenClass.Comma || Conjunctions.Contains(v.WordHash[t - 1]))) return t - 1;
        return end;
    }

    /// <summary>
    /// The clause from the sentence's start to the comma before a short source ("..., sources
    /// said"), which may report other cues only when the source and cue close the sentence.
    /// </summary>
    private static (int Start, int End)? ClauseBeforeSource(TokenView v, int cueStart, bool closesSentence, CueMarks cues)
    {
        var sentence = v.SentenceOfToken(cueStart);
        int comma = -1;
        for (int t = cueStart - 1; t >= sentence.FirstToken && cueStart - t <= 8; t--)
        {
            if (v.Class[t] == TokenClass.Comma) { comma = t; break; }
            if (v.Class[t] is TokenClass.QuoteMark or TokenClass.Period or TokenClass.Colon) break;
        }
        if (comma < 0 || !closesSentence && cues.Any(sentence.FirstToken, comma) || Words(v, sentence.FirstToken, comma) < 3) return null;
        // A relative clause reports nothing of the clause it hangs on: "..., where Mrs. Clinton also spoke."
        if (v.Class[comma + 1] == TokenClass.Word && RelativeOpeners.Contains(v.WordHash[comma + 1])) return null;
        return (sentence.FirstToken, comma);
    }

    /// <summary>Whether the cue's last token, or the one after it, is a colon.</summary>
    private static bool EndsWithColon(TokenView v, int cueEnd) =>
        v.Class[cueEnd - 1] == TokenClass.Colon || cueEnd < v.Count && v.Class[cueEnd] == TokenClass.Colon;

    /// <summary>
    /// The quotation before the source that a cue reports instead of the words the tagger found
    /// after it: when the cue ends its sentence but for where or to whom it was said ("...?\" Graham
    /// asked. | \"Neither do I.\"", "...\" Trump said to cheers. | \"But ...\""), or when the
    /// quotation opens the sentence and the words after the cue are not quoted.
    /// </summary>
    private static (int Start, int End)? QuotationInsteadOf(TokenView v, int cueStart, int cueEnd, int contentStart, CueMarks cues)
    {
        int end = v.SentenceOfToken(cueStart).EndToken;
        while (end > cueEnd && v.Class[end - 1] is TokenClass.Period or TokenClass.Comma or TokenClass.Colon) end--;
        // Nothing after the cue but where or to whom it was said: "Trump said to cheers.", "told CNN's Dana Bash.".
        if (Words(v, cueEnd, end) == 0 || IsAddressee(v, cueStart, cueEnd, end))
        {
            var quotation = QuotationBeforeSource(v, cueStart, cues, sameSentence: false);
            // From the sentence before, only for a subject and a cue of speech: not "... .\" He declined to comment further."
            bool before = quotation is var (_, qe) && qe <= v.SentenceOfToken(cueStart).FirstToken;
            return before && (!IsTrailerSubject(v, quotation!.Value.End, cueStart) || IsRefusal(v, cueStart, cueEnd)) ? null : quotation;
        }
        return v.InQuote(contentStart) ? null : OpeningQuotationBeforeSource(v, cueStart, cueEnd, cues);
    }

    /// <summary>
    /// The quotation that opens a sentence and is closed by its punctuation right before the
    /// source and cue, in the cue's sentence or, closed by its own stop, the one before when a comma
    /// follows the cue ("\"Subpoenas are not optional,\" panel Chairman Rep. Jason Chaffetz (R-Utah)
    /// said after Pagliano failed to show up"): what the cue reports, whatever follows it.
    /// </summary>
    private static (int Start, int End)? OpeningQuotationBeforeSource(TokenView v, int cueStart, int cueEnd, CueMarks cues)
    {
        // From the sentence before only when a comma sets off what follows the cue: "...?\" Mr. Clyburn said, | echoing ...",
        // not "...\" | Harriet Harman told researchers of the sheer hostility: \"...\"", which reports its own words.
        bool setOff = cueEnd < v.Count && v.Class[cueEnd] == TokenClass.Comma;
        if (QuotationBeforeSource(v, cueStart, cues, sameSentence: !setOff) is not { } quotation) return null;
        // The quotation opens its own sentence, which may end inside it ("\"...?\" Mr. Clyburn said, echoing ...").
        int first = v.SentenceOfToken(quotation.Start).FirstToken;
        while (first < quotation.Start && v.Class[first] is TokenClass.OtherPunct or TokenClass.Dash) first++;
        return quotation.Start == first ? quotation : null;
    }

    /// <summary>
    /// The quotation that ends right before a short source and its cue, in the cue's sentence
    /// ("\"Everything is going digital,\" Kirsten Pfeifer from the Consumer Electronics Association,
    /// told ..."), closing on its punctuation. Null when a cue or no word stands between, or the source
    /// is longer than a trailer's.
    /// </summary>
    /// <param name="maxSource">The most tokens between the quotation and the cue.</param>
    /// <param name="sameSentence">Whether the quotation must open in the cue's sentence (else it may run over several).</param>
    private static (int Start, int End)? QuotationBeforeSource(TokenView v, int cueStart, CueMarks? cues, int maxSource = MaxTrailerSource,
        bool sameSentence = true)
    {
        var sentence = v.SentenceOfToken(cueStart);
        // A quotation closed by its own full stop, question or exclamation mark may end the sentence before: "...?\" | Graham asked.".
        int lowest = sameSentence ? sentence.FirstToken : Math.Max(0, sentence.FirstToken - 1);
        int t = cueStart - 1;
        while (t >= lowest && cueStart - t <= maxSource && !v.InQuote(t))
        {
            if (cues?.IsCue(t) == true || v.Class[t] is TokenClass.Period or TokenClass.Colon) return null;
            t--;
        }
        if (t < lowest || !v.InQuote(t) || Words(v, t + 1, cueStart) == 0) return null;
        // A source opens there, not a clause joined to the quotation's ("...,\" and pledged to ...", "...,\" but pledged to ...").
        if (ClauseConjunctions.Contains(v.WordHash[t + 1])) return null;
        // Not over a paragraph break: "...\" | As the Metro stated, Nash informed ..." is another paragraph's.
        var tokens = v.Doc.Tokens;
        if (v.Doc.Text.AsSpan(tokens[t].Span.End, tokens[t + 1].Span.Start - tokens[t].Span.End).Contains('\n')) return null;
        var (start, end) = QuotationTokens(v.Doc, v.Doc.Quotations[v.QuoteOf[t]]);
        // Speech closes on its punctuation ("...,\"", "...?\""); a title does not ("performing \"Like a Virgin\"").
        // The punctuation may stand inside a quotation nested at the end ("... where can we steal it?'\"").
        int last = end - 2;
        while (last > start && v.Class[last] == TokenClass.QuoteMark) last--;
        bool speech = last > start && (v.Class[last] is TokenClass.Comma or TokenClass.Period || IsQuestionOrExclamation(v.Doc.TokenText(last)));
        return speech && end == t + 1 && (start >= sentence.FirstToken || !sameSentence) ? (start, end) : null;
    }

    /// <summary>A cue that says nothing was said: "declined to comment", "did not respond", "reached out to".</summary>
    private static bool IsRefusal(TokenView v, int cueStart, int cueEnd)
    {
        for (int t = cueStart; t < cueEnd; t++)
            if (RefusalWords.Contains(v.WordHash[t])) return true;
        return false;
    }

    private static readonly HashSet32 RefusalWords = new(
        "decline declined declines declining refuse refused refuses refusing reached not n't never no".Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>"?", "!", "!!", "?!": a quotation closed by them is speech.</summary>
    private static bool IsQuestionOrExclamation(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExcept('?', '!');

    /// <summary>
    /// Whether the words after a cue, to the sentence's end, only say where or to whom it was said:
    /// a short phrase with no comma, quotation, verb form of a clause or subject pronoun that
    /// opens with a preposition ("in a statement", "during a visit to Britain"; not "by", a passive's agent) or, after "told",
    /// with a name, a determiner or an audience ("GMTV's Sunday programme", "a news conference",
    /// "reporters in London"; not "reporters the plan failed", nor "other donors to contribute"
    /// after another verb).
    /// </summary>
    private static bool IsAddressee(TokenView v, int cueStart, int cueEnd, int end)
    {
        if (end - cueEnd > 6 || end <= cueEnd) return false;
        for (int t = cueEnd; t < end; t++)
            if (v.Class[t] is TokenClass.Comma or TokenClass.QuoteMark or TokenClass.Colon || v.InQuote(t)
                || ClauseVerbs.Contains(v.WordHash[t]) || SubjectPronouns.Contains(v.WordHash[t]) || v.WordHash[t] == ThatHash) return false;
        if (Prepositions.Contains(v.WordHash[cueEnd])) return true;
        if (v.CueAt[cueStart]?.Lemma != "tell" || !(v.Class[cueEnd] == TokenClass.Capitalized || Determiners.Contains(v.WordHash[cueEnd])
            || Audiences.Contains(v.WordHash[cueEnd]))) return false;
        for (int t = cueEnd + 1; t < end; t++) if (v.WordHash[t] == ToHash) return false;
        return true;
    }

    private static readonly HashSet32 SubjectPronouns = new("i we you he she it they there".Split(' ').Select(w => Hashing.Lower(w)));
    /// <summary>Whom a speaker tells, written without a determiner: "told reporters", "told shareholders".</summary>
    private static readonly HashSet32 Audiences = new(
        "reporters journalists newsmen lawmakers legislators delegates investors analysts shareholders supporters".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly int ThatHash = Hashing.Lower("that"), ToHash = Hashing.Lower("to");
    private static readonly HashSet32 Prepositions = new("in on at during to from after before for with about".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly HashSet32 Determiners = new("the a an his her their its our".Split(' ').Select(w => Hashing.Lower(w)));


    /// <summary>
    /// The clause before ", said NAME, TITLE." when the tagger took the name for the content
    /// ("..., and as much as 200 mln dlrs if Brazil pays no interest, said Joseph Arsenio, analyst
    /// with Birr, Wilson and Co."): the cue, one verb of speech, writing or thought, follows a comma; its
    /// content is what follows it to the sentence's end, opens with a name of two capitalised words
    /// or more, and holds no verb form that a clause would (<see cref="ClauseVerbs"/>, a cue) and no
    /// quotation (the tagger may have split it in spans). Null when that is not the case.
    /// </summary>
    internal static (int Start, int End)? InvertedTrailerContent(TokenView v, int cueStart, int cueEnd, int start, int end, CueMarks cues)
    {
        var sentence = v.SentenceOfToken(cueStart);
        int comma = cueStart - 1;
        if (comma <= sentence.FirstToken || v.Class[comma] != TokenClass.Comma) return null;
        int sentenceEnd = sentence.EndToken;
        while (sentenceEnd > start && v.Class[sentenceEnd - 1] is TokenClass.Period) sentenceEnd--;
        while (end > start && v.Class[end - 1] is TokenClass.Period) end--;
        if (start != cueEnd || end != sentenceEnd || end - start > 2 * MaxTrailerSource) return null;
        // A verb of speech, writing or thought alone ("said", "noted", "wrote", "thinks"), not "described" or "have expressed misgivings about".
        // Not "told": the name after it is the hearer ("..., the boy's father, Jason Steward, told the New York Daily News").
        // Nor a participle: "..., threatening small claims court" has its subject before.
        if (cueEnd != cueStart + 1 || v.CueAt[cueStart] is not { Category: CueCategory.Speech or CueCategory.Writing or CueCategory.Thought } || v.CueAt[cueStart]!.Lemma == "tell"
            || v.Doc.TokenText(cueStart).EndsWith("ing", StringComparison.OrdinalIgnoreCase)) return null;
        // A name of two capitalised words or more, alone or before a comma: "Joseph Arsenio, analyst with ...", "NBC's Dante Chinni";
        // after a description with no preposition or conjunction: "cardiologist Gordon Tomaselli", "MIT asteroid expert Richard Binzel".
        // A name of one word after a determiner or a speaker noun: "the Tories", "the EPA", "market analysts Chart-Track".
        // A preposition only inside a name or between a speaker noun and a name: "the Office for National Statistics",
        // "researchers at BDO Stoy Hayward"; an acronym in brackets may close the name: "the Office for National Statistics (ONS)".
        // Or a description that ends on a speaker noun: "a senior U.S. official", "the company", "a World Bank report".
        int nameEnd = end;
        if (end - start >= 4 && v.Doc.TokenText(end - 1) is ")" && v.Doc.TokenText(end - 3) is "(" && v.Class[end - 2] == TokenClass.Capitalized) nameEnd = end - 3;
        int name = 0, nameStart = start, t0 = start;
        bool modified = false;
        for (; t0 < nameEnd && v.Class[t0] != TokenClass.Comma; t0++)
        {
            // A speaker noun with words after it that make it a source: "a person familiar with the project", "doctors writing in ...".
            // Not any participle: "his organisation contacted police", "the group planned to ..." are clauses.
            if (name == 0 && t0 > start && v.Class[t0] == TokenClass.Word && IsSpeakerNoun(v.SpeakerClass[t0 - 1]) && PostModifiers.Contains(v.WordHash[t0]))
            {
                modified = true;
                break;
            }
            if (v.Class[t0] == TokenClass.Capitalized)
            {
                if (name++ == 0) nameStart = t0;
            }
            else if (v.Class[t0] == TokenClass.Word && !NameBreakers.Contains(v.WordHash[t0])) name = 0;
            else if (v.Class[t0] == TokenClass.Word && t0 > start && t0 + 1 < nameEnd && v.Class[t0 + 1] == TokenClass.Capitalized
                     && (NameLinks.Contains(v.WordHash[t0]) && (name > 0 || IsSpeakerNoun(v.SpeakerClass[t0 - 1]))
                         || v.WordHash[t0] == InHash && name >= 2)) continue; // "the BBC's Louisa Lim in Beijing"
            else if (v.Class[t0] == TokenClass.Dash && name > 0 && t0 + 1 < nameEnd && v.Class[t0 + 1] == TokenClass.Capitalized
                     && v.Doc.Tokens[t0].Span.Start == v.Doc.Tokens[t0 - 1].Span.End) t0++; // "Chart-Track": one word
            else if (v.Doc.Tokens[t0].Kind != TokenKind.Clitic) return null;
        }
        // ... then its name, a participle or a relative ("the attorney general, Jesús Murillo Karam"; not "the GAO source, depends on").
        bool describes = modified || t0 > start && IsSpeakerNoun(v.SpeakerClass[t0 - 1])
            && (t0 + 1 >= end || v.Class[t0 + 1] == TokenClass.Capitalized || DescriptionGoesOn(v.Doc.TokenText(t0 + 1)));
        bool introduced = name == 1 && t0 == nameEnd && nameStart > start
            && (Determiners.Contains(v.WordHash[nameStart - 1]) || IsSpeakerNoun(v.SpeakerClass[nameStart - 1]));
        if (name < 2 && !describes && !introduced || t0 - start > MaxTrailerSource) return null;
        for (int t = start; t < end; t++)
            if (v.InQuote(t) || cues.IsCue(t) || ClauseVerbs.Contains(v.WordHash[t])) return null;
        // A quotation that is the whole clause is a direct quote's ("\"...,\" said X"); one inside it makes a mixed quote.
        bool unquoted = false;
        for (int t = sentence.FirstToken; t < comma; t++)
            unquoted |= !v.InQuote(t) && v.Class[t] is TokenClass.Word or TokenClass.Capitalized or TokenClass.Number;
        return unquoted && Words(v, sentence.FirstToken, comma) >= 3 ? (sentence.FirstToken, comma) : null;
    }

    /// <summary>
    /// The sentence around a cue set off by commas inside it with its source: "As a result, says
    /// the committee, | the government may need to ...", "The tone of the campaign, | Mr Milburn
    /// said, | would be ...". The cue is one verb of speech, writing or thought (not "told", not a
    /// participle nor a verb of naming, "called", "dubbed"). The source, on either side of it, is at
    /// most <see cref="MaxParentheticalSource"/> tokens with no verb, preposition, quotation or other
    /// cue: a subject pronoun, a name, a short phrase opening on a determiner, or one ending on a
    /// speaker noun. Before the commas the sentence holds two words or more and no comma (else they
    /// set off the cue's own subject's apposition); after them it goes on with a clause, not an
    /// apposition of the source. No other cue is in the sentence, and no quotation borders the
    /// commas (that is a direct quote's interruption). Null otherwise.
    /// </summary>
    internal static ((int Start, int End) Head, (int Start, int End) Tail)? ParentheticalContent(TokenView v, int cueStart, int cueEnd, CueMarks cues)
    {
        if (cueEnd != cueStart + 1 || v.CueAt[cueStart] is not { Category: CueCategory.Speech or CueCategory.Writing or CueCategory.Thought } entry
            || entry.Lemma is "tell" or "call" or "dub" or "brand" or "label" or "term"
            || v.Doc.TokenText(cueStart).EndsWith("ing", StringComparison.OrdinalIgnoreCase)) return null;
        var sentence = v.SentenceOfToken(cueStart);
        int open, close, sourceStart, sourceEnd;
        if (cueStart - 1 > sentence.FirstToken && v.Class[cueStart - 1] == TokenClass.Comma)
        {
            // ", says the committee,"
            open = cueStart - 1;
            close = cueEnd;
            while (close < sentence.EndToken && v.Class[close] != TokenClass.Comma && close - cueEnd < MaxParentheticalSource) close++;
            (sourceStart, sourceEnd) = (cueEnd, close);
        }
        else if (cueEnd < sentence.EndToken && v.Class[cueEnd] == TokenClass.Comma)
        {
            // ", Mr Milburn said,"
            close = cueEnd;
            open = cueStart - 1;
            while (open > sentence.FirstToken && v.Class[open] != TokenClass.Comma && cueStart - open <= MaxParentheticalSource) open--;
            (sourceStart, sourceEnd) = (open + 1, cueStart);
        }
        else return null;
        if (open <= sentence.FirstToken || close >= sentence.EndToken || v.Class[open] != TokenClass.Comma || v.Class[close] != TokenClass.Comma
            || sourceEnd <= sourceStart) return null;
        for (int t = sourceStart; t < sourceEnd; t++)
            if (v.InQuote(t) || ClauseVerbs.Contains(v.WordHash[t]) || IsSourceBreaker(v.WordHash[t]) || t != cueStart && cues.IsCue(t)) return null;
        bool names = sourceEnd - sourceStart == 1 && ThirdPersonSubjects.Contains(v.WordHash[sourceStart])
            || v.Class[sourceEnd - 1] == TokenClass.Capitalized
            || sourceEnd - sourceStart <= 4 && Determiners.Contains(v.WordHash[sourceStart]) // "the report", "its chief economist"
            || v.SpeakerClass[sourceEnd - 1] is SpeakerWordClass.PersonNoun or SpeakerWordClass.OrgNoun or SpeakerWordClass.GroupHead or SpeakerWordClass.VagueHead;
        if (!names) return null;
        int end = sentence.EndToken;
        while (end > close + 1 && v.Class[end - 1] is TokenClass.Period) end--;
        int start = sentence.FirstToken;
        if (Words(v, start, open) < 2 || Words(v, close + 1, end) < 2 || RelativePronouns.Contains(v.WordHash[open - 1])) return null;
        // A comma before it sets off an apposition or clause of the cue's own subject:
        // "David T. Mizrahi, editor of Mideast reports, expects OPEC to meet ...".
        for (int t = start; t < open; t++) if (v.Class[t] == TokenClass.Comma) return null;
        // What follows goes on with the sentence ("the government may need ...", "but only for ...") rather
        // than describing the source ("said Brian Baker, a longtime political adviser to ...").
        if (!GoesOn(v, close + 1, end)) return null;
        if (v.Class[open - 1] == TokenClass.QuoteMark || v.Class[close + 1] == TokenClass.QuoteMark || v.InQuote(open - 1) || v.InQuote(close + 1)) return null;
        if (cues.Any(start, open) || cues.Any(close + 1, end)) return null;
        return ((start, open), (close + 1, end));
    }

    /// <summary>Whether the words from t go on with a clause: a conjunction first, or a verb form among the first few words before any relative pronoun.</summary>
    private static bool GoesOn(TokenView v, int t, int end)
    {
        if (ClauseConjunctions.Contains(v.WordHash[t])) return true;
        for (int u = t; u < end && u - t < MaxParentheticalSource; u++)
        {
            if (RelativePronouns.Contains(v.WordHash[u])) return false;
            if (ClauseVerbs.Contains(v.WordHash[u])) return true;
        }
        return false;
    }

    /// <summary>
    /// Words no parenthetical source holds: "expects OPEC to meet before June", "agreed in January".
    /// The name breakers but "of": "says the head of the committee".
    /// </summary>
    private static bool IsSourceBreaker(int word) => word != OfHash && NameBreakers.Contains(word);

    private static readonly int OfHash = Hashing.Lower("of");

    private static readonly HashSet32 ClauseConjunctions = new("but and because since until although though while so or yet".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly HashSet32 RelativePronouns = new("who which that whose whom where".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly HashSet32 RelativeOpeners = new("who which whose whom where when".Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>The longest source a parenthetical cue stands with: "says the Constitutional Affairs Committee".</summary>
    private const int MaxParentheticalSource = 6;

    private static bool DescriptionGoesOn(ReadOnlySpan<char> word) =>
        word.EndsWith("ing", StringComparison.OrdinalIgnoreCase) || word.EndsWith("ed", StringComparison.OrdinalIgnoreCase)
        || word is "who" or "which" or "a" or "an" or "the";

    /// <summary>
    /// Where what was told starts, when the words after "told" open with the hearer: a name
    /// ("BBC News", "BBC Radio 4's Today programme") followed by a subject pronoun, "there" or
    /// "that" ("told BBC News there were ..."), or ending on a word for a programme or paper ("told
    /// BBC Radio 4's Today programme Mr Blair had ..."). Null when the words do not open so, or
    /// fewer than three words would be left before <paramref name="end"/>.
    /// </summary>
    internal static int? AfterHearer(TokenView v, int cueStart, int cueEnd, int end)
    {
        if (v.CueAt[cueStart]?.Lemma != "tell" && v.CueAt[cueEnd - 1]?.Lemma != "tell") return null;
        int t = cueEnd;
        // An audience without a determiner, maybe a time, then the clause: "told reporters (yesterday) the plan would fail".
        if (t < end && Audiences.Contains(v.WordHash[t]))
        {
            t = AfterTime(v, t + 1, end);
            return t < end && Words(v, t, end) >= 3 && (SubjectPronouns.Contains(v.WordHash[t]) || v.WordHash[t] == ThatHash
                || Determiners.Contains(v.WordHash[t]) || v.Class[t] == TokenClass.Capitalized) ? t : null;
        }
        if (t < end && v.WordHash[t] == TheHash) t++;
        int nameStart = t;
        bool programme = false;
        for (; t < end; t++)
        {
            if (v.Class[t] is TokenClass.Capitalized or TokenClass.Number || v.Doc.Tokens[t].Kind == TokenKind.Clitic) continue;
            if (t > nameStart && HearerNouns.Contains(v.WordHash[t])) { programme = true; t++; }
            break;
        }
        if (t == nameStart || t >= end || Words(v, t, end) < 3) return null;
        // The hearer's name ends where its clause's subject starts.
        if (SubjectPronouns.Contains(v.WordHash[t]) || v.WordHash[t] == ThatHash) return t;
        return programme && v.Class[t] == TokenClass.Capitalized ? t : null;
    }

    /// <summary>The token after a time phrase starting at <paramref name="t"/> ("yesterday", "on Tuesday", "last week"), or <paramref name="t"/>.</summary>
    private static int AfterTime(TokenView v, int t, int end)
    {
        if (t < end && TimeWords.Contains(v.WordHash[t])) return t + 1;
        if (t + 1 < end && (v.WordHash[t] == OnHash && TimeWords.Contains(v.WordHash[t + 1]) || TimeDeterminers.Contains(v.WordHash[t]) && TimeNouns.Contains(v.WordHash[t + 1])))
            return t + 2;
        return t;
    }

    private static readonly HashSet32 TimeWords = new(
        "yesterday today tonight monday tuesday wednesday thursday friday saturday sunday".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly HashSet32 TimeDeterminers = new("last this next".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly HashSet32 TimeNouns = new("week month year night weekend".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly int OnHash = Hashing.Lower("on");

    /// <summary>Words that end the name of whom something was told: "BBC Radio 4's Today programme".</summary>
    private static readonly HashSet32 HearerNouns = new(
        "programme program show newspaper paper magazine channel station website radio agency".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly int TheHash = Hashing.Lower("the");

    /// <summary>Words that join a phrase to more than a name's description ("the economy in New York").</summary>
    private static bool IsSpeakerNoun(SpeakerWordClass cls) => cls is SpeakerWordClass.PersonNoun or SpeakerWordClass.OrgNoun
        or SpeakerWordClass.VagueHead or SpeakerWordClass.GroupHead or SpeakerWordClass.Document;

    // Words after a speaker noun that make it a source ("a person familiar with", "a source close to", "an official who", "speaking on condition").
    private static readonly HashSet32 PostModifiers = new("familiar close briefed who speaking writing".Split(' ').Select(w => Hashing.Lower(w)));

    // Prepositions that may join a name's words or a speaker noun to a name ("Office for National Statistics", "researchers at BDO").
    private static readonly HashSet32 NameLinks = new("of for at from".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly int InHash = Hashing.Lower("in");

    private static readonly HashSet32 NameBreakers = new(
        "in on at during to from after before for with about of by and or than as that which who whom where when".Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>
    /// The clause after a cue joined to the sentence by a conjunction, when the tagger took the
    /// clause before it ("The Tories dismissed the plan as \"desperate\", while the Liberal
    /// Democrats said it was misdirected"; "... torture and said there was no evidence"): "and",
    /// "but", "while" or "whereas" stands between the content before the cue and the cue, with at
    /// most a short source after it, and the rest of the sentence holds three words, no other cue,
    /// and says more than where or to whom (<see cref="IsAddressee"/>). Null when that is not the case.
    /// </summary>
    internal static (int Start, int End)? ClauseAfterConjoinedCue(TokenView v, int cueStart, int cueEnd, int contentEnd, CueMarks cues)
    {
        if (v.CueAt[cueStart] is { IsSourcing: true }) return null; // "and now according to a report, ...": the source follows
        int conjunction = -1;
        for (int t = cueStart - 1; t >= contentEnd && cueStart - t <= MaxTrailerSource; t--)
        {
            if (Conjunctions.Contains(v.WordHash[t]))
            {
                // "Mary and Joel Rich wrote": a conjunction inside a name joins the source's names.
                if (t > 0 && v.Class[t - 1] == TokenClass.Capitalized && v.Class[t + 1] == TokenClass.Capitalized) return null;
                conjunction = t;
                break;
            }
            if (v.Class[t] is TokenClass.Comma or TokenClass.QuoteMark or TokenClass.Period or TokenClass.Colon || cues.IsCue(t)) return null;
        }
        if (conjunction < 0) return null;
        var (start, end) = RestOfSentence(v, cueEnd);
        return Words(v, start, end) >= 3 && !cues.Any(start, end) && !IsAddressee(v, cueStart, cueEnd, end) ? (start, end) : null;
    }

    /// <summary>
    /// The clause after a participle of speech set off by a comma, when the tagger took the words
    /// before it (", adding that the steel industry \"hasn't seen an increase of this magnitude\"";
    /// ", saying it was wrong"): its subject is before it, what it says after. The rest of the
    /// sentence holds three words and no other cue. Null when that is not the case.
    /// </summary>
    internal static (int Start, int End)? ClauseAfterParticipleCue(TokenView v, int cueStart, int cueEnd, CueMarks cues)
    {
        if (cueEnd != cueStart + 1 || cueStart == 0 || v.Class[cueStart - 1] != TokenClass.Comma
            || v.CueAt[cueStart] is not { Category: CueCategory.Speech or CueCategory.Writing or CueCategory.Thought } || v.CueAt[cueStart]!.Lemma == "tell" // "telling them to stop": the hearer first
            || !v.Doc.TokenText(cueStart).EndsWith("ing", StringComparison.OrdinalIgnoreCase)) return null;
        var (start, end) = RestOfSentence(v, cueEnd);
        return Words(v, start, end) >= 3 && !cues.Any(start, end) ? (start, end) : null;
    }

    /// <summary>The words from <paramref name="from"/> to its sentence's end, without the punctuation at either end.</summary>
    private static (int Start, int End) RestOfSentence(TokenView v, int from)
    {
        int start = from, end = v.SentenceOfToken(from - 1).EndToken;
        while (start < end && v.Class[start] is TokenClass.Comma or TokenClass.Colon) start++;
        while (end > start && v.Class[end - 1] is TokenClass.Period or TokenClass.Comma or TokenClass.Colon) end--;
        return (start, end);
    }

    /// <summary>
    /// "According to a complaint filed by the SEC, | the two men used ...": the tagger ran the
    /// content of a sourcing cue from right after it, over its source; it starts after the comma
    /// that closes the source (at most <see cref="MaxFrontedSource"/> tokens on; not one that opens
    /// a relative clause of the source, "According to the WSJ, which cites ..., | the directors
    /// ..."), and runs to <paramref name="contentEnd"/>. When the tagger took only the source, for
    /// a cue that opens its sentence ("According to the paper, | he was rushed to hospital ..."),
    /// the clause runs to the sentence's end. Null when no such comma comes before the clause.
    /// </summary>
    internal static (int Start, int End)? ClauseAfterSourcingCue(TokenView v, int cueStart, int cueEnd, int contentEnd)
    {
        if (v.CueAt[cueStart] is not { IsSourcing: true, Lemma: "according to" }) return null;
        var sentence = v.SentenceOfToken(cueStart);
        int sentenceEnd = sentence.EndToken;
        while (sentenceEnd > cueEnd && v.Class[sentenceEnd - 1] is TokenClass.Period or TokenClass.Comma or TokenClass.Colon) sentenceEnd--;
        int last = OpensSentence(v, cueStart) ? Math.Max(contentEnd, sentenceEnd) : contentEnd;
        for (int t = cueEnd; t < last && t - cueEnd <= MaxFrontedSource + 6; t++)
        {
            if (v.Class[t] is TokenClass.QuoteMark or TokenClass.Colon or TokenClass.Period) return null;
            if (v.Class[t] != TokenClass.Comma || t + 1 < v.Count && Relatives.Contains(v.WordHash[t + 1])) continue;
            int end = t + 1 >= contentEnd ? sentenceEnd : contentEnd;
            return Words(v, t + 1, end) >= 3 ? (t + 1, end) : null;
        }
        return null;
    }

    private static readonly HashSet32 Relatives = new("which who whose".Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>Whether the cue opens its sentence, maybe after a conjunction ("But according to") or a sentence adverb and a comma ("However, according to").</summary>
    private static bool OpensSentence(TokenView v, int cueStart)
    {
        int first = v.SentenceOfToken(cueStart).FirstToken;
        return cueStart == first
            || cueStart == first + 1 && Conjunctions.Contains(v.WordHash[first])
            || cueStart == first + 2 && v.Class[first + 1] == TokenClass.Comma && (Conjunctions.Contains(v.WordHash[first]) || SentenceAdverbs.Contains(v.WordHash[first]));
    }

    /// <summary>
    /// Sentence adverbs: before a comma at a sentence's start they leave the sentence to the clause
    /// after ("However, according to police, ..."; not a name: "Nazer, quoted by SPA, said"), and
    /// between commas they are an aside, not an apposition ("Rosneft, meanwhile, said").
    /// </summary>
    internal static readonly HashSet32 SentenceAdverbs = new(
        ("however meanwhile meantime yet so still separately now instead also too though indeed moreover furthermore nonetheless " +
         "nevertheless likewise similarly additionally besides then thus therefore overall ultimately earlier later previously " +
         "currently originally finally again today yesterday").Split(' ').Select(w => Hashing.Lower(w)));

    private static readonly HashSet32 Conjunctions = new("and but while whereas".Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>Replaces the tagged spans with one clause, at their lowest probability (<paramref name="whenNone"/> when there are none); nothing when there is no clause.</summary>
    private static void ReplaceWithClause(List<TaggedSpan> spans, (int Start, int End)? clause, double whenNone = 0.5)
    {
        if (clause is not { } c) return;
        double p = spans.Count > 0 ? spans.Min(s => s.Probability) : whenNone;
        spans.Clear();
        spans.Add(new TaggedSpan(c.Start, c.End, p));
    }

    /// <summary>The end of the last tagged span that ends before the cue, or -1.</summary>
    private static int ContentEndBefore(List<TaggedSpan> spans, int cueStart)
    {
        int end = -1;
        foreach (var s in spans) if (s.End <= cueStart) end = Math.Max(end, s.End);
        return end;
    }

    /// <summary>Verb forms that make a clause of the words after a cue ("said Robert Stearns has joined ...").</summary>
    internal static readonly HashSet32 ClauseVerbs = new(
        "is are was were has have had will would can could may might should must did does do be been"
            .Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>The next paragraph's tokens, when a colon (the cue's last token or the one after it) ends the cue's paragraph ("Limbaugh added:").</summary>
    private static (int Start, int End)? NextParagraphAfterColon(TokenView v, int cueEnd)
    {
        var doc = v.Doc;
        int colon = v.Class[cueEnd - 1] == TokenClass.Colon ? cueEnd - 1 : cueEnd;
        if (colon >= v.Count || v.Class[colon] != TokenClass.Colon) return null;
        int paragraph = v.SentenceOfToken(colon).Paragraph;
        if (paragraph + 1 >= doc.Paragraphs.Length || doc.Sentences[doc.Paragraphs[paragraph].EndSentence - 1].EndToken != colon + 1) return null;
        var next = doc.Paragraphs[paragraph + 1];
        if (next.SentenceCount == 0) return null;
        return (doc.Sentences[next.FirstSentence].FirstToken, doc.Sentences[next.EndSentence - 1].EndToken);
    }

    /// <summary>That next paragraph when it holds three words and opens outside quotation marks (a quotation is the colon lead's).</summary>
    private static (int Start, int End)? ParagraphAfterColon(TokenView v, int cueEnd) =>
        NextParagraphAfterColon(v, cueEnd) is var (start, end) && Words(v, start, end) >= 3 && !v.InQuote(start) ? (start, end) : null;

    /// <summary>
    /// The closed quotation that opens that next paragraph ("Breitbart News responded:" | "“The NRA
    /// has never ...”"), else null; not a transcript's, whose speaker lines are quotes of their own
    /// ("WALLACE: Let's start ...").
    /// </summary>
    private static (int Start, int End)? QuotationOpensNextParagraph(TokenView v, int cueEnd)
    {
        if (NextParagraphAfterColon(v, cueEnd) is not var (first, _) || v.Class[first] != TokenClass.QuoteMark || first + 2 >= v.Count
            || v.QuoteOf[first + 1] < 0 || v.Doc.Quotations[v.QuoteOf[first + 1]] is not { IsClosed: true } pair) return null;
        if (v.Class[first + 1] == TokenClass.Capitalized && v.Class[first + 2] == TokenClass.Colon) return null;
        return QuotationTokens(v.Doc, pair);
    }

    /// <summary>The words after the first comma following the cue, to <paramref name="end"/> ("According to police, | officers saw ...").</summary>
    private static (int Start, int End)? ClauseAfterComma(TokenView v, int cueEnd, int end)
    {
        for (int t = cueEnd; t < end && t - cueEnd <= MaxFrontedSource; t++)
        {
            if (v.Class[t] is TokenClass.QuoteMark or TokenClass.Colon) return null;
            if (v.Class[t] == TokenClass.Comma) return Words(v, t + 1, end) >= 3 ? (t + 1, end) : null;
        }
        return null;
    }

    /// <summary>Words, names and numbers among tokens [start, end).</summary>
    internal static int Words(TokenView v, int start, int end)
    {
        int n = 0;
        for (int t = start; t < end; t++) if (v.Class[t] is TokenClass.Word or TokenClass.Capitalized or TokenClass.Number) n++;
        return n;
    }

    /// <summary>
    /// The tokens a cue's content may lie in: the cue's sentence, widened to whole quotations it
    /// touches, plus quotations with no cue of their own (in them or after them in their sentence)
    /// that open the sentences right after it in the same paragraph ("...," Sivitsky wrote. "This is because...").
    /// </summary>
    public static (int Start, int End) ContentWindow(TokenView v, int cueStart, int cueEnd, CueMarks cueTokens)
    {
        var doc = v.Doc;
        var sentence = v.SentenceOfToken(cueStart);
        int start = sentence.FirstToken, end = Math.Max(sentence.EndToken, cueEnd);
        int lo = Math.Max(0, cueStart - MaxReach), hi = Math.Min(v.Count, cueEnd + MaxReach);
        for (int t = start; t < end; t++)
        {
            int q = v.QuoteOf[t];
            if (q < 0) continue;
            var (qs, qe) = QuotationTokens(doc, doc.Quotations[q]);
            start = Math.Min(start, qs);
            end = Math.Max(end, qe);
            t = Math.Max(t, qe - 1);
        }
        while (end < hi && v.QuoteOf[end] >= 0 && v.SentenceOf[end] != v.SentenceOf[end - 1]
               && v.SentenceOfToken(end).Paragraph == sentence.Paragraph)
        {
            var (qs, qe) = QuotationTokens(doc, doc.Quotations[v.QuoteOf[end]]);
            // Not one whose sentence has a cue of its own, in it or after it ("\"You cannot sue them,\" said Eric Kraus").
            if (qs != end || cueTokens.Any(qs, Math.Max(qe, v.SentenceOfToken(qe - 1).EndToken))) break;
            end = qe;
        }
        return (Math.Max(start, lo), Math.Min(end, hi));
    }

    /// <summary>Token range of a quotation, marks included.</summary>
    public static (int Start, int End) QuotationTokens(Document doc, QuotationPair pair)
    {
        var span = pair.Span;
        int s = doc.TokenAt(span.Start), e = s;
        while (e < doc.Tokens.Length && doc.Tokens[e].Span.Start < span.End) e++;
        return (s, e);
    }

    /// <summary>Quotes are indexed by the tokens they cover in buckets of 64 tokens.</summary>
    private const int TokenBucketShift = 6;

    /// <summary>
    /// Two cues claiming the same words: the more confident keeps them, unless one quote is
    /// reported inside the other (its cue lies in the other's content: "X said Y claimed Z").
    /// </summary>
    private static void RemoveOverlaps(List<DetectedQuote> quotes)
    {
        quotes.Sort((a, b) => b.Confidence.CompareTo(a.Confidence));
        // Each quote meets only the more confident ones near it, in confidence order.
        var kept = new RangeIndex(quotes.Where(q => q.Content.Count > 0).Select(q => Extent(q).End).DefaultIfEmpty(0).Max(), TokenBucketShift);
        var near = new List<int>();
        for (int i = 0; i < quotes.Count; i++)
        {
            var q = quotes[i];
            if (q.Content.Count == 0) continue;
            var (start, end) = Extent(q);
            kept.Near(start, end, near);
            foreach (int j in near)
            {
                if (q.Content.Count == 0) break;
                var keep = quotes[j];
                if (Nested(q, keep) || Nested(keep, q)) continue;
                foreach (var (ks, ke) in keep.Content)
                    q.Content.RemoveAll(c => c.Start < ke && ks < c.End);
            }
            if (q.Content.Count > 0 && Extent(q) is var (keptStart, keptEnd)) kept.Add(i, keptStart, keptEnd);
        }
        quotes.RemoveAll(q => q.Content.Count == 0);
    }

    /// <summary>
    /// A reported clause that goes on past where the content tagger stopped, to a partial
    /// quotation later in the sentence ("adding that “it will be serious” and he would “formalize”
    /// the decision soon"): with no cue and no other quote's content in between, the content runs
    /// on to the end of the sentence, the partial quotation included.
    /// </summary>
    private static void ExtendOverPartialQuotations(TokenView v, List<DetectedQuote> quotes, CueMarks cueTokens)
    {
        var taken = new bool[v.Count];
        foreach (var q in quotes)
            foreach (var (s, e) in q.Content) Array.Fill(taken, true, s, e - s);
        foreach (var q in quotes)
        {
            if (q.Cue is not { } cue || q.End <= cue.End) continue;
            int end = q.End, sentenceEnd = v.SentenceOfToken(end - 1).EndToken;
            if (end >= sentenceEnd || v.SentenceOf[cue.Start] != v.SentenceOf[end - 1]) continue;
            int stop = sentenceEnd;
            while (stop > end && v.Class[stop - 1] == TokenClass.Period) stop--;
            int quotation = end;
            while (quotation < stop && !(v.InQuote(quotation) && v.QuoteOf[quotation] != v.QuoteOf[end - 1])) quotation++;
            if (quotation == stop || cueTokens.Any(end, stop) || Any(taken, end, stop)) continue;
            q.Content[^1] = (q.Content[^1].Start, stop);
            Array.Fill(taken, true, end, stop - end);
        }
    }

    /// <summary>
    /// Content after its cue that stops inside a clause, right before a word ("said that Hillary
    /// Clinton | called ..."): the tagger lost the clause, which runs on to the next punctuation
    /// or the end of the sentence. Not when the next word (or the last one taken) starts a phrase
    /// that may lie outside the content ("attacked Machado | in early-morning tweets", "and"),
    /// nor for quoted content, whose quotation marks bound it.
    /// </summary>
    internal static void FinishClause(TokenView v, DetectedQuote q, CueMarks trailingCues)
    {
        if (q.Cue is not { } cue) return;
        var (start, end) = q.Content[^1];
        if (start < cue.End || end >= v.Count || v.SentenceOf[end] != v.SentenceOf[start]) return;
        if (v.Class[end] is not (TokenClass.Word or TokenClass.Capitalized or TokenClass.Number) || StopsClause(v, end) || StopsClause(v, end - 1)) return;
        if (v.QuoteMarksBefore[end] != v.QuoteMarksBefore[start] || v.InQuote(start) || LineBreakBefore(v, end)) return;
        int sentenceEnd = v.SentenceOfToken(start).EndToken, stop = end;
        while (stop < sentenceEnd && !EndsClause(v, stop) && !LineBreakBefore(v, stop) && !trailingCues.IsCue(stop)) stop++;
        // A cue that reports the words before it ends them, and its source is not among them:
        // "to improve, Finance Minister Edouard Balladur said" ends at the comma.
        if (stop < sentenceEnd && trailingCues.IsCue(stop))
            for (int t = stop - 1; t > start; t--)
                if (v.Class[t] == TokenClass.Comma) { stop = t; break; }
        q.Content[^1] = (start, stop);
    }

    /// <summary>
    /// Content after its cue that ends on "that" before a comma ("The IMF said that, | according to
    /// data provided by the Liberians, the country's GDP rose ..."): the tagger stopped at the aside,
    /// and the clause runs on past it to the end of the sentence, as PolNeAR writes it.
    /// </summary>
    internal static void RunPastAsideAfterThat(TokenView v, DetectedQuote q)
    {
        if (q.Cue is not { } cue) return;
        var (start, end) = q.Content[^1];
        if (start < cue.End || end >= v.Count || v.WordHash[end - 1] != ThatHash || v.Class[end] != TokenClass.Comma || v.InQuote(end - 1)) return;
        int stop = v.SentenceOfToken(end - 1).EndToken;
        while (stop > end && v.Class[stop - 1] == TokenClass.Period) stop--;
        if (HasWord(v, end, stop)) q.Content[^1] = (start, stop);
    }

    /// <summary>
    /// A segment does not end on a dash or a bracket it did not open, nor start on a dash or a
    /// bracket it does not close: "... would be more intense — and he noted", "(her campaign later
    /// disclosed that she has pneumonia)" report the words between them.
    /// </summary>
    internal static void TrimLooseEdges(TokenView v, DetectedQuote q)
    {
        for (int i = 0; i < q.Content.Count; i++)
        {
            var (start, end) = q.Content[i];
            int s = start, e = end;
            while (e > s && (v.Class[e - 1] == TokenClass.Dash || IsBracket(v, e - 1, ')') && Balance(v, s, e - 1) <= 0)) e--;
            while (s < e && (v.Class[s] == TokenClass.Dash || IsBracket(v, s, '(') && Balance(v, s + 1, e) >= 0)) s++;
            if ((s, e) != (start, end) && HasWord(v, s, e)) q.Content[i] = (s, e);
        }
    }

    private static bool IsBracket(TokenView v, int t, char bracket) => v.Doc.TokenText(t) is [var c] && c == bracket;

    /// <summary>Opening minus closing round brackets in [start, end).</summary>
    private static int Balance(TokenView v, int start, int end)
    {
        int depth = 0;
        for (int t = start; t < end; t++)
            if (IsBracket(v, t, '(')) depth++;
            else if (IsBracket(v, t, ')')) depth--;
        return depth;
    }

    /// <summary>
    /// The cues that close a sentence's attribution after their content: "..., the minister said",
    /// "..., as the Daily Mail notes", "..., reported Buzzfeed News". The content ends at a comma
    /// (a quotation mark may stand by it); at most <see cref="MaxTrailerSource"/> tokens, no comma
    /// and no other cue come between the comma and the cue, and they do not open a clause ("but
    /// the actor balked"); with none, a word follows the cue.
    /// </summary>
    internal static CueMarks TrailingCues(TokenView v, List<DetectedQuote> quotes, CueMarks cueTokens)
    {
        var trailing = new List<(int, int)>();
        foreach (var q in quotes)
        {
            if (q.Cue is not { } cue || q.Content.Count == 0 || !q.Content.TrueForAll(s => s.End <= cue.Start)) continue;
            int t = q.Content[^1].End;
            if (t < cue.Start && v.Class[t] == TokenClass.QuoteMark) t++;
            if (t >= cue.Start || v.Class[t] != TokenClass.Comma) continue;
            t++;
            if (t < cue.Start && v.Class[t] == TokenClass.QuoteMark) t++;
            int source = t;
            if (source < cue.Start && ClauseOpeners.Contains(v.WordHash[source])) continue;
            while (t < cue.Start && v.Class[t] != TokenClass.Comma && !cueTokens.IsCue(t)) t++;
            if (t < cue.Start || cue.Start - source > MaxTrailerSource) continue;
            if (source == cue.Start && (cue.End >= v.Count || v.Class[cue.End] is not (TokenClass.Word or TokenClass.Capitalized))) continue;
            trailing.Add(cue);
        }
        return new CueMarks(v.Count, trailing);
    }

    /// <summary>Words that open a clause of its own after a comma ("..., but the actor balked"), where "as" opens a trailing source ("as the Daily Mail notes").</summary>
    private static readonly HashSet32 ClauseOpeners = new(
        "and but or yet so while though although because when after before if until since".Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>The longest source between a trailing cue's comma and the cue, in tokens ("a statement from a Food and Agriculture Organization meeting here").</summary>
    private const int MaxTrailerSource = 12;

    private static bool StopsClause(TokenView v, int t) => ClauseStops.Contains(v.WordHash[t]);

    /// <summary>
    /// A reported clause with its source and cue set inside it between commas ("Climate change,
    /// Mr. Obama often says, is the greatest threat"; "Hawaii, as one adviser pointed out, normally
    /// does not ..."): when the content starts right after "cue ," and is not a quotation, the
    /// sentence's words before the comma that opens the source are its first segment.
    /// </summary>
    internal static void AddFrontedPart(TokenView v, DetectedQuote q, CueMarks cueTokens)
    {
        if (q.Cue is not { } cue || q.Content.Count != 1) return;
        int start = q.Content[0].Start;
        if (start != cue.End + 1 || v.Class[cue.End] != TokenClass.Comma || v.Class[start] == TokenClass.QuoteMark) return;
        int first = v.SentenceOfToken(cue.Start).FirstToken, comma = cue.Start - 1;
        while (comma > first && cue.Start - comma <= MaxFrontedSource && InSource(v, comma)) comma--;
        if (comma <= first || comma == cue.Start - 1 || v.Class[comma] != TokenClass.Comma || !HasWord(v, first, comma) || cueTokens.Any(first, comma)) return;
        q.Content.Insert(0, (first, comma));
    }

    /// <summary>Longest source, in tokens, between the comma that ends a fronted part and its cue.</summary>
    private const int MaxFrontedSource = 10;

    private static bool InSource(TokenView v, int t) =>
        v.Class[t] is TokenClass.Word or TokenClass.Capitalized or TokenClass.Number or TokenClass.Period
        || v.Class[t] == TokenClass.OtherPunct && v.Doc.TokenText(t) is not ("(" or ")");

    /// <summary>
    /// Content after its cue that ends on a conjunction, maybe with the next clause's pronoun
    /// subject ("... his cybersecurity plan and", "..., and he"): the tagger ran one or two words
    /// into the next clause, which is not part of what was reported.
    /// </summary>
    internal static void DropDanglingConjunction(TokenView v, DetectedQuote q)
    {
        if (q.Cue is not { } cue) return;
        var (start, end) = q.Content[^1];
        if (start < cue.End) return;
        int e = end;
        if (e - start > 2 && v.SpeakerClass[e - 1] is SpeakerWordClass.PronounPerson or SpeakerWordClass.PronounGroup or SpeakerWordClass.PronounSelf
            && DanglingConjunctions.Contains(v.WordHash[e - 2])) e -= 2;
        else if (DanglingConjunctions.Contains(v.WordHash[e - 1])) e--;
        else return;
        while (e > start && v.Class[e - 1] is TokenClass.Comma or TokenClass.Colon or TokenClass.QuoteMark) e--;
        if (HasWord(v, start, e)) q.Content[^1] = (start, e);
    }

    /// <summary>
    /// Content of an "according to" that closes its clause: what follows the cue is its source, not content ("... rose
    /// in December, according to | new data."), up to a comma after which the content may go on. Not after "that,",
    /// where the cue opens an aside inside another cue's content ("The Post reported that, according to his parents, ...").
    /// </summary>
    private static void AfterClosingAccordingTo(TokenView v, List<TaggedSpan> spans, int cueStart, int cueEnd)
    {
        if (cueStart >= 2 && v.Class[cueStart - 1] == TokenClass.Comma && v.WordHash[cueStart - 2] == That) return;
        int i = spans.FindIndex(s => s.Start == cueEnd);
        if (i < 0) return;
        int comma = cueEnd;
        while (comma < spans[i].End && v.Class[comma] != TokenClass.Comma) comma++;
        if (comma + 1 < spans[i].End && HasWord(v, comma + 1, spans[i].End)) spans[i] = spans[i] with { Start = comma + 1 };
        else spans.RemoveAt(i);
    }

    /// <summary>
    /// Content right before its cue, the cue's subject, that runs back over another cue ("The
    /// Indonesian government said | crude palm oil output is expected to rise"): that cue's words
    /// and what comes before them are another attribution, so the content starts after it (and
    /// after its "that"); a segment left without a word is dropped. Not for content set off from
    /// its cue by a source or a comma ("Clinton said she would win, according to the campaign",
    /// "... wished him a 'Merry Christmas,' according to the Post"), nor over quoted words.
    /// </summary>
    internal static void StartAfterEarlierCue(TokenView v, DetectedQuote q, CueMarks cueTokens)
    {
        if (q.Cue is not { } cue) return;
        for (int i = q.Content.Count - 1; i >= 0; i--)
        {
            var (start, end) = q.Content[i];
            if (end != cue.Start || v.InQuote(start) || v.Class[end - 1] is not (TokenClass.Word or TokenClass.Capitalized or TokenClass.Number)) continue;
            int t = end - 1;
            while (t >= start && !(cueTokens.IsCue(t) && !v.InQuote(t))) t--;
            if (t < start) continue;
            int first = t + 1;
            if (first < end && v.WordHash[first] == That) first++;
            if (HasWord(v, first, end)) q.Content[i] = (first, end);
            else q.Content.RemoveAt(i);
        }
    }

    /// <summary>
    /// Reported content after its cue that opens with a circumstance or the hearer before "that"
    /// ("said | in a statement this month | that he had reached a settlement", "told | an invited
    /// crowd | that he wants ..."): PolNeAR's content starts at "that". Only for a circumstance
    /// opened by one of <see cref="CircumstanceOpeners"/>, or the hearer of a telling cue with no
    /// comma before "that"; not when a quotation comes first.
    /// </summary>
    internal static void StartAtComplementizer(TokenView v, DetectedQuote q)
    {
        if (q.Cue is not { } cue) return;
        int i = q.Content.FindIndex(s => s.Start >= cue.End);
        if (i < 0) return;
        var (start, end) = q.Content[i];
        if (v.WordHash[start] == That || v.InQuote(start)) return;
        bool circumstance = CircumstanceOpeners.Contains(v.WordHash[start]), telling = TellingCues.Contains(v.WordHash[cue.End - 1]);
        if (!circumstance && !telling) return;
        for (int t = start + 1; t < end && t - start < MaxBeforeComplementizer; t++)
        {
            if (v.Class[t] == TokenClass.QuoteMark || v.Class[t] == TokenClass.Comma && !circumstance) return;
            if (v.WordHash[t] != That) continue;
            q.Content[i] = (t, end);
            return;
        }
    }

    /// <summary>
    /// A cue that opens its sentence with its source after it and a colon ("Said the Pew report: \"...\"",
    /// "Added one official: ..."): the content is what follows the colon, not the source before it.
    /// </summary>
    internal static void StartAfterInvertedSource(TokenView v, DetectedQuote q)
    {
        if (q.Cue is not { } cue || cue.End - cue.Start != 1 || v.Class[cue.Start] != TokenClass.Capitalized) return;
        int first = v.SentenceOfToken(cue.Start).FirstToken;
        while (first < cue.Start && v.Class[first] == TokenClass.QuoteMark) first++;
        if (first != cue.Start) return;
        var (start, end) = q.Content[0];
        if (start != cue.End) return;
        for (int t = start; t < end && t - start <= MaxInvertedSource; t++)
        {
            if (v.Class[t] is TokenClass.Comma or TokenClass.Period or TokenClass.QuoteMark || v.InQuote(t)) return;
            if (v.Class[t] != TokenClass.Colon) continue;
            if (t == start || t + 1 >= end) return;
            q.Content[0] = (t + 1, end);
            return;
        }
    }

    /// <summary>
    /// A cue set off by commas inside its sentence with its source after it ("Instead, said Mr Doctorow, DRM systems
    /// were intended ...", "Instead, says the report, the money should go ..."), where the tagger took the source for
    /// content: the content is the sentence around them, the words before the cue and those after the source's comma.
    /// </summary>
    internal static void AroundParentheticalCue(TokenView v, DetectedQuote q)
    {
        if (q.Cue is not { } cue || cue.End - cue.Start != 1 || v.Class[cue.Start] != TokenClass.Word || cue.Start < 2
            || v.Class[cue.Start - 1] != TokenClass.Comma || q.Content.Count != 1) return;
        var (start, end) = q.Content[0];
        int first = v.SentenceOfToken(cue.Start).FirstToken;
        if (start != cue.End || !HasWord(v, first, cue.Start - 1) || v.InQuote(cue.Start)) return;
        if (!ParentheticalVerbs.Contains(v.WordHash[cue.Start])) return;
        // The words before are one fronted piece of content ("Instead", "What this means"): not a subject with its
        // own apposition or relative clause ("The official, who declined to be identified, said Orion ..."), nor a quotation.
        for (int t = first; t < cue.Start - 1; t++) if (v.Class[t] is TokenClass.Comma or TokenClass.QuoteMark) return;
        if (cue.Start - 1 - first >= 2 && LooksLikeSource(v, first, cue.Start - 1)) return; // "Mr Smith, said ..."
        for (int t = start; t < end && t - start <= MaxInvertedSource; t++)
        {
            if (v.Class[t] is TokenClass.Period or TokenClass.QuoteMark or TokenClass.Colon || v.InQuote(t)) return;
            if (v.Class[t] != TokenClass.Comma) continue;
            if (t == start || !HasWord(v, t + 1, end) || !LooksLikeSource(v, start, t)) return;
            int after = AfterApposition(v, t + 1, end);
            if (!HasWord(v, after, end)) return;
            q.Content.Clear();
            q.Content.Add((first, cue.Start - 1));
            q.Content.Add((after, end));
            return;
        }
    }

    /// <summary>
    /// After the apposition that may follow a source's name and its comma ("said Stacey Jolna, | senior vice president
    /// of TV Guide TV group, | is that ..."): a lower-case phrase holding a speaker's noun, closed by a comma.
    /// </summary>
    private static int AfterApposition(TokenView v, int start, int end)
    {
        // Not a clause opened by a definite subject ("the money should go ..."): "a" or a title's first word opens it.
        if (v.Class[start] != TokenClass.Word || Determiners.Contains(v.WordHash[start]) && v.Doc.TokenText(start) is not ("a" or "an")) return start;
        bool noun = false;
        for (int t = start; t < end && t - start <= MaxInvertedSource; t++)
        {
            if (v.Class[t] is TokenClass.Period or TokenClass.QuoteMark or TokenClass.Colon) return start;
            noun |= v.SpeakerClass[t] == SpeakerWordClass.PersonNoun || v.Doc.TokenText(t) is "head"; // "head of MMS firm Adamind"
            if (v.Class[t] == TokenClass.Comma) return noun ? t + 1 : start;
        }
        return start;
    }

    /// <summary>A name ("Mr Doctorow") or a short description ending on a speaker's noun ("the report", "a spokesman").</summary>
    private static bool LooksLikeSource(TokenView v, int start, int end)
    {
        bool name = true;
        for (int t = start; t < end; t++) name &= v.Class[t] == TokenClass.Capitalized;
        return name || Determiners.Contains(v.WordHash[start]) && end - start <= 4
            && v.SpeakerClass[end - 1] is SpeakerWordClass.PersonNoun or SpeakerWordClass.OrgNoun or SpeakerWordClass.Document
                or SpeakerWordClass.VagueHead or SpeakerWordClass.GroupHead;
    }

    private static readonly HashSet32 ParentheticalVerbs = new(
        "said says added adds wrote writes argued argues explained explains noted notes insisted insists".Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>The longest source between an inverted cue and its colon, in tokens ("the Pew Research Center's latest report").</summary>
    private const int MaxInvertedSource = 8;

    /// <summary>
    /// A passive reporting verb with its agent ("The $499 Macintosh was described by Jobs as the \"most
    /// important Mac\"") reports its subject, and the complement after the agent, not the agent's words
    /// the tagger took after the cue; after a verb of asking or telling ("was asked by journalists about
    /// ..."), what follows the agent (<see cref="PassiveAgent"/>).
    /// </summary>
    internal static void PassiveAgentContent(TokenView v, DetectedQuote q)
    {
        if (q.Cue is not { } cue || q.Content[0].Start < cue.End || PassiveAgent.Of(v, cue.Start, cue.End) is not var (_, agentEnd)) return;
        var (start, end) = q.Content[^1];
        int after = agentEnd < v.Count && v.Class[agentEnd] == TokenClass.Comma ? agentEnd + 1 : agentEnd;
        if (PassiveAgent.TellsHearer(v, cue.Start, cue.End))
        {
            if (q.Content.Count == 1 && start < after && after < end) q.Content[0] = (after, end);
            return;
        }
        if (PassiveAgent.Subject(v, cue.Start, cue.End) is not { } subject) return;
        q.Content.Clear();
        q.Content.Add(subject);
        // The complement after the agent is part of what is said: "described by Jobs | as the ...", "is reported by Reuters | to have won ...".
        if (agentEnd < end && (v.WordHash[agentEnd] == AsHash || v.WordHash[agentEnd] == ToHash) && start <= agentEnd) q.Content.Add((agentEnd, end));
    }

    /// <summary>Most tokens between the start of content and the "that" it moves to.</summary>
    private const int MaxBeforeComplementizer = 16;

    private static readonly int That = Hashing.Lower("that");

    /// <summary>Words that open a circumstance of the speech event (chosen on PolNeAR train and dev).</summary>
    private static readonly HashSet32 CircumstanceOpeners = new(
        "in during at on via through last earlier this as monday tuesday wednesday thursday friday saturday sunday yesterday today"
            .Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>Cues whose object is the hearer, before what was told.</summary>
    private static readonly HashSet32 TellingCues = new(
        "told tell tells telling reminded remind reminding warned warn warning assured assuring informed notified convinced persuaded promised advised"
            .Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>Words that open a new clause when a content span ends on them (chosen on PolNeAR dev).</summary>
    private static readonly HashSet32 DanglingConjunctions = new(
        "and but or before though while as so because when after if".Split(' ').Select(w => Hashing.Lower(w)));

    // A hyphen inside a word ("three-for-two") ends no clause.
    private static bool EndsClause(TokenView v, int t) =>
        v.Class[t] is TokenClass.Comma or TokenClass.Period or TokenClass.Colon or TokenClass.QuoteMark
        || v.Class[t] == TokenClass.Dash && !InsideWord(v, t)
        || v.Doc.TokenText(t) is "(" or ")";

    private static bool InsideWord(TokenView v, int t)
    {
        var tokens = v.Doc.Tokens;
        return t > 0 && t + 1 < tokens.Length && tokens[t - 1].Span.End == tokens[t].Span.Start && tokens[t].Span.End == tokens[t + 1].Span.Start
            && v.Class[t - 1] is TokenClass.Word or TokenClass.Capitalized or TokenClass.Number
            && v.Class[t + 1] is TokenClass.Word or TokenClass.Capitalized or TokenClass.Number;
    }

    /// <summary>
    /// A line break before token <paramref name="t"/> that may end a title or a paragraph joined
    /// to the sentence. One before a lower-case word, a number or punctuation only wraps the line
    /// (hard-wrapped text: "said if the board / accepts the member's petition").
    /// </summary>
    private static bool LineBreakBefore(TokenView v, int t)
    {
        var tokens = v.Doc.Tokens;
        return t > 0 && v.Class[t] is TokenClass.Capitalized or TokenClass.QuoteMark or TokenClass.Dash
            && v.Doc.Text.AsSpan(tokens[t - 1].Span.End, tokens[t].Span.Start - tokens[t - 1].Span.End).Contains('\n');
    }

    /// <summary>Conjunctions and prepositions after which the words that follow a content span are usually not content (chosen on PolNeAR dev).</summary>
    private static readonly HashSet32 ClauseStops = new(
        "and but or since in on at during as after before when while because with for from by than amid".Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>
    /// A quote whose cue lies in the unquoted content of a more confident quote, and whose own
    /// content holds no quotation, is dropped: the verbs inside a reported clause ("Secret Service
    /// protocol called for ..., sources said") are seldom attributions of their own in PolNeAR
    /// (one in five on dev, three in ten on train), while quotations keep their own speaker.
    /// </summary>
    internal static void DropCuesInsideReportedClauses(TokenView v, List<DetectedQuote> quotes)
    {
        var byContent = new RangeIndex(v.Count, TokenBucketShift);
        for (int i = 0; i < quotes.Count; i++)
            if (quotes[i].Content.Count > 0) byContent.Add(i, quotes[i].Start, quotes[i].End);
        var near = new List<int>();
        HashSet<DetectedQuote>? drop = null;
        foreach (var q in quotes)
        {
            if (q.Cue is not { } c) continue;
            byContent.Near(c.Start, c.End, near);
            foreach (int o in near)
            {
                var outer = quotes[o];
                if (outer == q || outer.Confidence <= q.Confidence || drop?.Contains(outer) == true) continue;
                if (!outer.Content.Exists(s => s.Start <= c.Start && c.End <= s.End && !v.InQuote(s.Start))) continue;
                if (!q.Content.Exists(s => AnyQuoted(v, s.Start, s.End))) (drop ??= []).Add(q);
                break;
            }
        }
        if (drop is not null) quotes.RemoveAll(drop.Contains);
    }

    private static bool AnyQuoted(TokenView v, int start, int end)
    {
        for (int t = start; t < end; t++) if (v.InQuote(t)) return true;
        return false;
    }

    /// <summary>The token range from the first to the last token of a quote's content and cue.</summary>
    private static (int Start, int End) Extent(DetectedQuote q) => q.Cue is { } c
        ? (Math.Min(q.Start, c.Start), Math.Max(q.End, c.End))
        : (q.Start, q.End);

    private static bool Nested(DetectedQuote inner, DetectedQuote outer) =>
        inner.Cue is { } c && outer.Content.Exists(s => s.Start <= c.Start && c.End <= s.End);

    private static bool[] Covered(TokenView v, List<DetectedQuote> quotes)
    {
        var covered = new bool[v.Count];
        foreach (var q in quotes)
        {
            foreach (var (s, e) in q.Content) Array.Fill(covered, true, s, e - s);
            if (q.Cue is { } c) Array.Fill(covered, true, c.Start, c.End - c.Start);
        }
        return covered;
    }

    /// <summary>
    /// A quotation opened right after a colon that no cue explains: "And from Chairwoman Y:" then
    /// the quotation, in the same or the next paragraph. The colon is the cue, with the reporting
    /// verb right before it when there is one ("The Times reports:").
    /// </summary>
    private static void AddColonLeads(TokenView v, List<DetectedQuote> quotes, bool[] covered)
    {
        var doc = v.Doc;
        foreach (var pair in doc.Quotations)
        {
            if (pair.Depth != 0) continue;
            var (qs, qe) = QuotationTokens(doc, pair);
            int colon = qs - 1;
            if (colon < 0 || v.Class[colon] != TokenClass.Colon || doc.TokenText(colon) is not ":" || v.InQuote(colon)) continue;
            if (Any(covered, qs, qe) || covered[colon] || !IsSpeech(v, qs, qe)) continue;
            int leadStart = v.SentenceOfToken(colon).FirstToken;
            if (colon - leadStart is 0 or > 12) continue;
            int cueStart = colon;
            for (int t = Math.Max(leadStart, colon - 3); t < colon; t++)
                if (v.CueAt[t] is not null && t + v.CueLength[t] == colon) { cueStart = t; break; }
            quotes.Add(new DetectedQuote { Content = [(qs, qe)], Cue = (cueStart, colon + 1), Confidence = 0.8, Method = "rule:colon-lead" });
            Array.Fill(covered, true, colon, qe - colon);
        }
    }

    /// <summary>
    /// A paragraph opened by a short capitalised name and a colon, as in transcripts and headlines
    /// ("TAPPER: And obviously ...", "Rubio: I Still Believe ...", also after the quotation mark that
    /// opens each paragraph of a transcript quoted whole): the rest of the paragraph is
    /// what the name said, the colon is the cue. Editorial labels ("Correction:") are not names.
    /// </summary>
    private static void AddSpeakerLines(TokenView v, List<DetectedQuote> quotes, bool[] covered)
    {
        var doc = v.Doc;
        foreach (var paragraph in doc.Paragraphs)
        {
            if (paragraph.SentenceCount == 0) continue;
            int first = doc.Sentences[paragraph.FirstSentence].FirstToken, end = doc.Sentences[paragraph.EndSentence - 1].EndToken;
            // A transcript quoted whole opens each of its paragraphs with a quotation mark ("PENCE: Well, ...).
            if (first < end && v.Class[first] == TokenClass.QuoteMark) first++;
            int colon = first;
            while (colon < end && colon - first <= MaxSpeakerLineName && v.Class[colon] == TokenClass.Capitalized) colon++;
            if (colon == first || colon >= end || colon - first > MaxSpeakerLineName || doc.TokenText(colon) is not ":"
                || EditorialLabels.Contains(doc.TokenText(first).ToString()) || EditorialLabels.Contains(doc.TokenText(colon - 1).ToString())
                || Any(covered, first, end) || Words(v, colon + 1, end) < 3 || IsNameList(v, colon + 1, end)) continue;
            quotes.Add(new DetectedQuote { Content = [(colon + 1, end)], Cue = (colon, colon + 1), Confidence = 0.7, Method = "rule:speaker-line" });
            Array.Fill(covered, true, colon, end - colon);
        }
    }

    /// <summary>A colon after an editorial label alone at the start of its sentence ("Image: Meetings between ..."): a caption, not speech.</summary>
    private static bool IsLabelColon(TokenView v, int cueStart, int cueEnd) =>
        cueEnd == cueStart + 1 && v.Doc.TokenText(cueStart) is ":" && cueStart - 1 == v.SentenceOfToken(cueStart).FirstToken
        && EditorialLabels.Contains(v.Doc.TokenText(cueStart - 1).ToString());

    /// <summary>Names in a row ("Iowa: Tim Albrecht, Brad Anderson, Rob Barron, ..."): three commas or more, and most words capitalised.</summary>
    private static bool IsNameList(TokenView v, int start, int end)
    {
        int commas = 0, words = 0, capitalized = 0;
        for (int t = start; t < end; t++)
        {
            if (v.Class[t] == TokenClass.Comma) commas++;
            else if (v.Class[t] is TokenClass.Word or TokenClass.Capitalized)
            {
                words++;
                if (v.Class[t] == TokenClass.Capitalized) capitalized++;
            }
        }
        return commas >= 3 && capitalized * 3 >= words * 2;
    }

    /// <summary>Longest name, in words, that opens a speaker line.</summary>
    private const int MaxSpeakerLineName = 3;

    /// <summary>
    /// First or last words of the labels that open a paragraph with a colon but name no speaker ("Editor's note:", "The Latest:",
    /// "BREAKING:", "Claim:" before a fact-check's claim, "Delegate Update:", "Contributing:" before the reporters' names,
    /// "Revealed:" and "Bombshell:" before a headline, "MORE:" and "SEE ALSO:" before links to other stories, "Result:" and "Referee:" in a match report; not "Poll:",
    /// which PolNeAR reads as the poll's finding).
    /// </summary>
    private static readonly HashSet<string> EditorialLabels = new(StringComparer.OrdinalIgnoreCase)
        {
            "Correction", "Corrections", "Clarification", "Update", "Updated", "Note", "Editor", "Editors", "The", "Related", "Read", "Watch",
            "Video", "Photo", "Photos", "Image", "Picture", "Pictured", "Caption", "Credit", "Abstract", "Disclosure",
            "Breaking", "Developing", "Exclusive", "Live", "Claim", "Claims", "Rumour", "Rumor", "Verdict", "Analysis", "Opinion", "Q&A",
            "Contributing", "Contributors", "Notice", "Revealed", "Leaked", "Bombshell", "Wow", "Look", "Listen", "Alert", "Warning",
            "More", "See", "Also", "Recommended", "Sponsored", "Advertisement", "Trending", // a web page's links to other stories ("MORE:", "SEE ALSO:")
            "Result", "Results", "Score", "Scores", "Scorers", "Teams", "Referee", "Venue", "Attendance", "Replacements", "Subs", // a match report's
        };

    /// <summary>
    /// A quotation followed by a dash and a name that end the line: "..." — Commissioner X.
    /// The dash is the cue.
    /// </summary>
    private static void AddDashTrailers(TokenView v, List<DetectedQuote> quotes, bool[] covered)
    {
        var doc = v.Doc;
        foreach (var pair in doc.Quotations)
        {
            if (pair.Depth != 0 || !pair.IsClosed) continue;
            var (qs, qe) = QuotationTokens(doc, pair);
            int dash = qe;
            if (dash + 1 >= v.Count || v.Class[dash] != TokenClass.Dash || v.Class[dash + 1] != TokenClass.Capitalized) continue;
            if (Any(covered, qs, qe) || !IsSpeech(v, qs, qe)) continue;
            int end = TrailerEnd(v, dash + 1);
            if (end - dash - 1 is < 1 or > 8) continue;
            quotes.Add(new DetectedQuote { Content = [(qs, qe)], Cue = (dash, dash + 1), Confidence = 0.8, Method = "rule:dash-trailer" });
            Array.Fill(covered, true, qs, dash + 1 - qs);
        }
    }

    /// <summary>
    /// End of a trailer starting at token <paramref name="first"/>: the end of its line or sentence,
    /// whichever comes first, a final period excluded; a quotation mark also ends it.
    /// </summary>
    public static int TrailerEnd(TokenView v, int first)
    {
        var doc = v.Doc;
        int sentenceEnd = v.SentenceOfToken(first).EndToken;
        int t = first;
        while (t < sentenceEnd)
        {
            if (t > first && doc.Text.AsSpan(doc.Tokens[t - 1].Span.End, doc.Tokens[t].Span.Start - doc.Tokens[t - 1].Span.End).Contains('\n')) break;
            if (v.Class[t] == TokenClass.QuoteMark || v.Class[t] == TokenClass.Period && (t + 1 == sentenceEnd || v.Class[t + 1] == TokenClass.QuoteMark)) break;
            t++;
        }
        return t;
    }

    /// <summary>
    /// Quotations no cue claimed. One that reads as speech and opens a paragraph or sentence
    /// right after a direct quote continues that quote (news style: the speaker goes on); other
    /// speech-like quotations become quotes with no cue. Short quoted phrases (scare quotes,
    /// nicknames, titles) are not speech.
    /// </summary>
    private static void AddUncuedQuotations(TokenView v, List<DetectedQuote> quotes, bool[] covered, CueMarks cueTokens)
    {
        var doc = v.Doc;
        foreach (var pair in doc.Quotations)
        {
            if (pair.Depth != 0) continue;
            var (qs, qe) = QuotationTokens(doc, pair);
            if (Any(covered, qs, qe) || !IsSpeech(v, qs, qe)) continue;
            int index = quotes.FindLastIndex(q => q.End <= qs);
            if (index >= 0 && Continues(v, quotes[index], qs, cueTokens))
                quotes[index].Content.Add((qs, qe));
            else
            {
                quotes.Insert(index + 1, new DetectedQuote { Content = [(qs, qe)], Confidence = 0.6, Method = "rule:uncued-quotation" });
            }
            Array.Fill(covered, true, qs, qe - qs);
        }
    }

    /// <summary>
    /// Whether a quotation at <paramref name="start"/> continues <paramref name="previous"/>: it opens
    /// its sentence, lies in the same or the next paragraph, the previous quote holds quoted words,
    /// and no cue stands between them.
    /// </summary>
    private static bool Continues(TokenView v, DetectedQuote previous, int start, CueMarks cueTokens)
    {
        if (!previous.Content.Exists(s => v.InQuote(s.Start) || v.InQuote(s.End - 1))) return false;
        if (v.SentenceOfToken(start).FirstToken != start) return false;
        int paragraph = v.SentenceOfToken(start).Paragraph, previousParagraph = v.SentenceOfToken(previous.End - 1).Paragraph;
        if (paragraph - previousParagraph > 1) return false;
        int from = Math.Max(previous.End, previous.Cue is { } c ? c.End : 0);
        return !cueTokens.Any(from, start);
    }

    /// <summary>
    /// Whether a quotation reads as speech rather than a scare quote, nickname or title: at least
    /// eight words, or at least three when it opens a sentence or follows a colon or comma.
    /// </summary>
    public static bool IsSpeech(TokenView v, int start, int end)
    {
        int words = 0;
        for (int t = start; t < end; t++)
            if (v.Class[t] is TokenClass.Word or TokenClass.Capitalized or TokenClass.Number) words++;
        if (words >= 8) return true;
        if (words < 3) return false;
        bool opensSentence = v.SentenceOfToken(start).FirstToken == start;
        bool afterBreak = start > 0 && v.Class[start - 1] is TokenClass.Colon or TokenClass.Comma or TokenClass.Period;
        return opensSentence || afterBreak;
    }

    /// <summary>Direct when every content word is quoted, mixed when some are, indirect when none.</summary>
    private static QuoteKind KindOf(TokenView v, DetectedQuote q)
    {
        int quoted = 0, plain = 0;
        foreach (var (s, e) in q.Content)
            for (int t = s; t < e; t++)
            {
                if (v.Class[t] is not (TokenClass.Word or TokenClass.Capitalized or TokenClass.Number)) continue;
                if (v.InQuote(t)) quoted++; else plain++;
            }
        return quoted == 0 ? QuoteKind.Indirect : plain == 0 ? QuoteKind.Direct : QuoteKind.Mixed;
    }

    /// <summary>
    /// After "...," said X (content ending with a quotation mark or comma before the cue) the words
    /// following the cue are the speaker's, not more content;
    /// content resumes only after a comma ("The museum, he said, celebrated ...") or with a
    /// quotation ("...," he said, "...").
    /// </summary>
    private static bool IsTrailerTail(TokenView v, int cueEnd, int start) =>
        start >= cueEnd && v.SentenceOf[start] == v.SentenceOf[cueEnd - 1] && !v.InQuote(start)
        && v.CommasBefore[start] == v.CommasBefore[cueEnd];

    /// <summary>Whether [start, end) holds a word or number, not only punctuation.</summary>
    internal static bool HasWord(TokenView v, int start, int end)
    {
        for (int t = start; t < end; t++)
            if (v.Class[t] is TokenClass.Word or TokenClass.Capitalized or TokenClass.Number) return true;
        return false;
    }

    private static bool Any(bool[] flags, int start, int end)
    {
        for (int t = Math.Max(0, start); t < end && t < flags.Length; t++) if (flags[t]) return true;
        return false;
    }
}
