using Pipeline.Analyzers.Quotes.Detection;

namespace Pipeline.Analyzers.Quotes.Learning;

/// <summary>
/// Feature templates of the three taggers (cue, content given a cue, source given a cue).
/// Training and detection call the same methods, so a model always sees the features it was trained on.
/// </summary>
internal static class QuoteFeatures
{
    // Template ids: stable, stored implicitly in every trained model. Append, never renumber.
    private const int Bias = 1, Word = 2, Prev1 = 3, Prev2 = 4, Next1 = 5, Next2 = 6, PrevWord = 7, WordNext = 8,
        Suffix3 = 9, Shape = 10, LexStart = 11, LexCategory = 12, LexInside = 13, Label = 14, LabelWord = 15,
        LabelLex = 16, InQuote = 17, QuoteContext = 18, SentenceStart = 19, ShapePrev = 20, ShapeNext = 21,
        Side = 40, SideDistance = 41, SideLabel = 42, SideLabelClass = 43, SideWord = 44, SidePrevWord = 45,
        SideNextWord = 46, SideCue = 47, SideCueLabel = 48, SideInQuote = 49, SideLabelInQuote = 50,
        SideSentence = 51, SideFinalLabel = 52, SideCommas = 53, SideQuoteMarks = 54, SideNearWord = 55,
        SideSpeakerClass = 56, SideShapeLabel = 58, SideLabelWord = 59, SideSameQuote = 60,
        SideCueSentenceStart = 61, SideOtherCues = 62, SideInOtherCue = 63,
        Suffix2 = 22, ShapePrevSuffix = 23, SuffixNext = 24, LabelNext = 25, Cluster4 = 26, Cluster8 = 27, Cluster12 = 28,
        ClusterFull = 29, ClusterPrev = 30, ClusterNext = 31, SideCluster = 64, SideClusterLabel = 65,
        QuoteAround = 32, LabelCluster = 33, SubjectComplement = 34, SuffixComplement = 35, LexSubject = 36, ClusterComplement = 37, SideDistanceCommas = 66, SideDistanceToward = 67, SideTowardWord = 68;

    private const int Boundary = 0x5EED;

    /// <summary>Features of token <paramref name="t"/> for the cue tagger; the sentence is [start, end).</summary>
    public static void Cue(TokenView v, int t, int start, int end, int previousLabel, FeatureBuffer f)
    {
        f.Clear();
        var h = v.WordHash;
        int w = h[t];
        int p1 = t - 1 >= start ? h[t - 1] : Boundary, p2 = t - 2 >= start ? h[t - 2] : Boundary;
        int n1 = t + 1 < end ? h[t + 1] : Boundary, n2 = t + 2 < end ? h[t + 2] : Boundary;
        f.Add(CueForms, v, t);
        f.Add(Prev1, p1);
        f.Add(Prev2, p2);
        f.Add(Next1, n1);
        f.Add(Next2, n2);
        f.Add(PrevWord, p1, w);
        f.Add(WordNext, w, n1);
        int previousClass = t - 1 >= start ? (int)v.Class[t - 1] : -1, nextClass = t + 1 < end ? (int)v.Class[t + 1] : -1;
        f.Add(CueShapes, ((((int)v.Class[t] * 10 + previousClass + 1) * 10) + nextClass + 1) * Bio.Count + previousLabel);
        int lex = -1, inside = -1;
        if (v.CueAt[t] is { } entry)
        {
            lex = (int)entry.Category;
            f.Add(LexStart, Hashing.Lower(entry.Lemma));
        }
        else if (InsideLexiconCue(v, t, start, out var category)) inside = (int)category;
        f.Add(LabelWord, previousLabel, w);
        int context = (t - 1 >= start && v.InQuote(t - 1) ? 1 : 0) | (t + 1 < end && v.InQuote(t + 1) ? 2 : 0) | (v.InQuote(t) ? 4 : 0);
        f.Add(CueQuotes, (context * 2 + (t == start ? 1 : 0)) * 16 + QuoteMarkPattern(v, t, start, end));
        var c = v.Cluster[t];
        int suffix2 = Hashing.Suffix(v.Doc.TokenText(t), 2);
        f.Add(ShapePrevSuffix, previousClass, suffix2);
        f.Add(SuffixNext, suffix2, n1);
        f.Add(LabelNext, previousLabel, n1);
        if (c.Length > 0) f.Add(LabelCluster, previousLabel, Key(c, 8));
        int subject = SubjectBefore(v, t, start), complement = ComplementAfter(v, t, end);
        f.Add(CueLexicon, ((((lex + 1) * CueCategories + inside + 1) * Bio.Count + previousLabel) * SubjectValues + SubjectIndex(subject)) * ComplementValues + complement);
        f.Add(SuffixComplement, suffix2, complement);
        if (c.Length > 0) f.Add(ClusterComplement, Key(c, 8), complement);
        if (t - 1 >= start && v.Cluster[t - 1].Length > 0) f.Add(ClusterPrev, Key(v.Cluster[t - 1], 6));
        if (t + 1 < end && v.Cluster[t + 1].Length > 0) f.Add(ClusterNext, Key(v.Cluster[t + 1], 6));
        f.SetDense(v.WordVectors?[t]);
    }

    /// <summary>
    /// Tells apart the forms whose word, suffix and cluster features differ: the hash of the lower
    /// case (which fixes the suffixes) with the cluster, the length and the last character (two
    /// forms share a key only if they also share a 32-bit hash). Quotation marks and dashes hash as
    /// one word but differ in their suffix, so the last character is taken as written.
    /// </summary>
    private static long FormKey(TokenView v, int t)
    {
        var text = v.Doc.TokenText(t);
        uint detail = (uint)Key(v.Cluster[t], 64) ^ (uint)text.Length * 0x9E3779B1u ^ (text.IsEmpty ? 0u : text[^1] * 0x85EBCA77u);
        return (long)v.WordHash[t] << 32 | detail;
    }

    /// <summary>The cue tagger's features of the token's form alone: its word, suffixes and cluster.</summary>
    public static readonly FormFeatureSet CueForms = new(FormKey, (v, t, f) =>
    {
        f.Add(Word, v.WordHash[t]);
        f.Add(Suffix3, Hashing.Suffix(v.Doc.TokenText(t), 3));
        f.Add(Suffix2, Hashing.Suffix(v.Doc.TokenText(t), 2));
        var c = v.Cluster[t];
        if (c.Length > 0)
        {
            f.Add(Cluster4, Key(c, 4));
            f.Add(Cluster8, Key(c, 8));
            f.Add(Cluster12, Key(c, 12));
            f.Add(ClusterFull, Key(c, 64));
        }
    });

    // The cue tagger's closed feature sets. Each value packs the variables its features read;
    // the key writers unpack it and add the features as they were always added.
    // Value counts of the enumerations the sets pack (a test checks them): token classes, cue categories and "none", speaker-word classes.
    internal const int TokenClasses = 9, CueCategories = 6, SpeakerClasses = 8;
    private const int SubjectValues = 9, ComplementValues = 6;

    /// <summary>Bias, the token's class and its neighbours' (-1 at the sentence's edge), the previous label.</summary>
    private static readonly ClosedFeatureSet CueShapes = new(0, TokenClasses * 10 * 10 * Bio.Count, (value, f) =>
    {
        int label = value % Bio.Count;
        value /= Bio.Count;
        int next = value % 10 - 1, previous = value / 10 % 10 - 1, cls = value / 100;
        f.Add(Bias);
        f.Add(Shape, cls);
        f.Add(ShapePrev, previous);
        f.Add(ShapeNext, next);
        f.Add(Label, label);
    });

    /// <summary>Which of the token and its neighbours are quoted, whether it opens the sentence, the quotation marks around it.</summary>
    private static readonly ClosedFeatureSet CueQuotes = new(1, 8 * 2 * 16, (value, f) =>
    {
        int around = value % 16, sentenceStart = value / 16 % 2, context = value / 32;
        f.Add(InQuote, (context & 4) != 0 ? 1 : 0);
        f.Add(QuoteContext, context);
        f.Add(SentenceStart, sentenceStart);
        f.Add(QuoteAround, around);
    });

    /// <summary>The lexicon cue category starting at or covering the token, the previous label, the subject before and complement after.</summary>
    private static readonly ClosedFeatureSet CueLexicon = new(2, CueCategories * CueCategories * Bio.Count * SubjectValues * ComplementValues, (value, f) =>
    {
        int complement = value % ComplementValues;
        value /= ComplementValues;
        int subject = SubjectOfIndex(value % SubjectValues);
        value /= SubjectValues;
        int label = value % Bio.Count;
        value /= Bio.Count;
        int inside = value % CueCategories - 1, lex = value / CueCategories - 1;
        if (lex >= 0) f.Add(LexCategory, lex);
        else if (inside >= 0) f.Add(LexInside, inside);
        f.Add(LabelLex, label, lex);
        f.Add(SubjectComplement, subject, complement);
        f.Add(LexSubject, lex, subject);
    });

    public static readonly ClosedFeatureSet[] CueSets = [CueShapes, CueQuotes, CueLexicon];

    /// <summary><see cref="SubjectBefore"/>'s values (0, 1..4, 11..14) as 0..8.</summary>
    private static int SubjectIndex(int subject) => subject > 10 ? subject - 6 : subject;
    private static int SubjectOfIndex(int index) => index > 4 ? index + 6 : index;

    /// <summary>
    /// Whether a subject-like word (a pronoun, or a capitalised word not opening the sentence)
    /// stands in the four tokens before <paramref name="t"/> with no punctuation between: 0 when
    /// none, else its distance, plus 10 for a pronoun.
    /// </summary>
    private static int SubjectBefore(TokenView v, int t, int start)
    {
        for (int k = t - 1; k >= start && t - k <= 4; k--)
        {
            var cls = v.Class[k];
            if (cls is TokenClass.Comma or TokenClass.Period or TokenClass.Colon or TokenClass.QuoteMark or TokenClass.Dash) return 0;
            if (v.SpeakerClass[k] is Lexicon.SpeakerWordClass.PronounPerson or Lexicon.SpeakerWordClass.PronounGroup or Lexicon.SpeakerWordClass.PronounSelf)
                return 10 + t - k;
            if (cls == TokenClass.Capitalized && k > start) return t - k;
        }
        return 0;
    }

    /// <summary>
    /// What opens the complement in the three tokens after <paramref name="t"/>: 1 "that",
    /// 2 a quotation mark, 3 a colon, 4 "to", 5 a wh-word or "if", 0 none.
    /// </summary>
    private static int ComplementAfter(TokenView v, int t, int end)
    {
        for (int k = t + 1; k < end && k - t <= 3; k++)
        {
            int h = v.WordHash[k];
            if (h == ThatHash) return 1;
            if (v.Class[k] == TokenClass.QuoteMark) return 2;
            if (v.Class[k] == TokenClass.Colon) return 3;
            if (h == ToHash) return 4;
            if (h == WhatHash || h == WhetherHash || h == HowHash || h == WhyHash || h == IfHash) return 5;
            if (v.Class[k] is TokenClass.Comma or TokenClass.Period) return 0;
        }
        return 0;
    }

    private static readonly int ThatHash = Hashing.Lower("that"), ToHash = Hashing.Lower("to"), WhatHash = Hashing.Lower("what"),
        WhetherHash = Hashing.Lower("whether"), HowHash = Hashing.Lower("how"), WhyHash = Hashing.Lower("why"), IfHash = Hashing.Lower("if");

    /// <summary>Which of the two tokens on each side of <paramref name="t"/> are quotation marks (a 4-bit pattern).</summary>
    private static int QuoteMarkPattern(TokenView v, int t, int start, int end)
    {
        int pattern = 0, bit = 1;
        for (int k = t - 2; k <= t + 2; k++)
        {
            if (k == t) continue;
            if (k >= start && k < end && v.Class[k] == TokenClass.QuoteMark) pattern |= bit;
            bit <<= 1;
        }
        return pattern;
    }

    /// <summary>A feature value for the first <paramref name="length"/> bits of a cluster path.</summary>
    private static int Key(Pipeline.Learning.Clustering.ClusterPath path, int length)
    {
        ulong key = path.Prefix(length).Key;
        return (int)(key ^ (key >> 32));
    }

    private static bool InsideLexiconCue(TokenView v, int t, int start, out Lexicon.CueCategory category)
    {
        for (int k = t - 1; k >= start && k >= t - 4; k--)
            if (v.CueAt[k] is { } e && k + v.CueLength[k] > t)
            {
                category = e.Category;
                return true;
            }
        category = default;
        return false;
    }

    /// <summary>
    /// Features of token <paramref name="t"/> for the content tagger, given the cue [cueStart, cueEnd).
    /// </summary>
    public static void Content(TokenView v, CueMarks cues, int t, int cueStart, int cueEnd, int cueLemma, int previousLabel, FeatureBuffer f)
    {
        f.Clear();
        var h = v.WordHash;
        int side = t < cueStart ? 0 : 1;
        int distance = side == 0 ? cueStart - t : t - cueEnd + 1;
        int bucket = Bucket(distance);
        int w = h[t];
        int cls = (int)v.Class[t];
        int inQuote = v.InQuote(t) ? 1 : 0;
        int sentenceOffset = Math.Clamp(v.SentenceOf[t] - v.SentenceOf[cueStart], -3, 3);
        bool last = t + 1 >= v.Count || v.SentenceOf[t + 1] != v.SentenceOf[t];
        int commas = Between(v.CommasBefore, t, cueStart, cueEnd);
        int toward = side == 0 ? t + 1 : t - 1;

        f.Add(ContentPlace, Place(side, bucket, previousLabel, commas, (int)v.Class[toward]));
        f.Add(ContentToken, ((((side * Bio.Count + previousLabel) * TokenClasses + cls) * 2 + inQuote) * 2 + (last ? 1 : 0)) * 2 + (cues.IsCue(t) ? 1 : 0));
        int otherCues = Math.Min(side == 0 ? cues.Count(t + 1, cueStart) : cues.Count(cueEnd, t), 2);
        int cueOpensSentence = v.SentenceOfToken(cueStart).FirstToken == cueStart ? 1 : 0;
        f.Add(ContentQuotes, ((((side * 7 + sentenceOffset + 3) * 4 + Between(v.QuoteMarksBefore, t, cueStart, cueEnd)) * 3
            + SameQuote(v, t, cueStart, cueEnd)) * 2 + cueOpensSentence) * 3 + otherCues);
        f.Add(SideWord, side, w);
        f.Add(SidePrevWord, side, t > 0 ? h[t - 1] : Boundary);
        f.Add(SideNextWord, side, t + 1 < v.Count ? h[t + 1] : Boundary);
        f.Add(SideCue, side, cueLemma);
        f.Add(SideCueLabel, side * 16 + previousLabel, cueLemma);
        if (distance <= 3) f.Add(SideNearWord, side * 16 + distance, w);
        f.Add(SideLabelWord, side * 16 + previousLabel, w);
        f.Add(SideTowardWord, side * 16 + previousLabel, h[toward]);
        if (v.Cluster[t].Length > 0) f.Add(SideClusterLabel, side * 16 + previousLabel, Key(v.Cluster[t], 8));
    }

    /// <summary>
    /// Features of token <paramref name="t"/> for the source tagger, given the cue (content tokens are never tagged).
    /// </summary>
    public static void Source(TokenView v, int t, int cueStart, int cueEnd, int cueLemma,
        int previousLabel, FeatureBuffer f)
    {
        f.Clear();
        var h = v.WordHash;
        int side = t < cueStart ? 0 : 1;
        int distance = side == 0 ? cueStart - t : t - cueEnd + 1;
        int w = h[t];
        int cls = (int)v.Class[t];
        int toward = side == 0 ? t + 1 : t - 1;

        f.Add(SourcePlace, Place(side, Bucket(distance), previousLabel, Between(v.CommasBefore, t, cueStart, cueEnd), (int)v.Class[toward]));
        f.Add(SourceToken, (((side * Bio.Count + previousLabel) * TokenClasses + cls) * 2 + (v.InQuote(t) ? 1 : 0)) * SpeakerClasses + FeatureClass(v.SpeakerClass[t]));
        f.Add(SideWord, side, w);
        f.Add(SidePrevWord, side, t > 0 ? h[t - 1] : Boundary);
        f.Add(SideNextWord, side, t + 1 < v.Count ? h[t + 1] : Boundary);
        f.Add(SideCue, side, cueLemma);
        f.Add(SideCueLabel, side * 16 + previousLabel, cueLemma);
        f.Add(SideTowardWord, side * 16 + previousLabel, h[toward]);
        if (distance <= 3) f.Add(SideNearWord, side * 16 + distance, w);
        f.Add(SideLabelWord, side * 16 + previousLabel, w);
        if (v.Cluster[t].Length > 0) f.Add(SideCluster, side * 16 + previousLabel, Key(v.Cluster[t], 8));
    }

    // The content and source taggers' closed feature sets (see the cue tagger's).
    private const int Buckets = 10, CommaValues = 4;

    /// <summary>A token's place relative to the cue: side, distance bucket, previous label, commas between, the class of the token toward the cue.</summary>
    private static int Place(int side, int bucket, int previousLabel, int commas, int towardClass) =>
        (((side * Buckets + bucket) * Bio.Count + previousLabel) * CommaValues + commas) * TokenClasses + towardClass;

    private static void PlaceKeys(int value, FeatureBuffer f, bool distanceCommas)
    {
        int toward = value % TokenClasses;
        value /= TokenClasses;
        int commas = value % CommaValues;
        value /= CommaValues;
        int label = value % Bio.Count;
        value /= Bio.Count;
        int bucket = value % Buckets, side = value / Buckets;
        f.Add(Side, side);
        f.Add(SideDistance, side, bucket);
        f.Add(SideLabel, side, label);
        f.Add(SideCommas, side, commas);
        if (distanceCommas) f.Add(SideDistanceCommas, side * 16 + bucket, commas);
        f.Add(SideDistanceToward, side * 16 + bucket, toward);
    }

    private static readonly ClosedFeatureSet ContentPlace = new(3, 2 * Buckets * Bio.Count * CommaValues * TokenClasses, (value, f) => PlaceKeys(value, f, distanceCommas: true));

    /// <summary>Side, previous label, the token's class, whether it is quoted, ends its sentence, is another cue's.</summary>
    private static readonly ClosedFeatureSet ContentToken = new(4, 2 * Bio.Count * TokenClasses * 2 * 2 * 2, (value, f) =>
    {
        int isCue = value % 2, last = value / 2 % 2, inQuote = value / 4 % 2;
        var (side, label, cls) = SideLabelClassOf(value / 8);
        int sideLabel = side * 16 + label;
        f.Add(SideLabelClass, sideLabel, cls);
        f.Add(SideInQuote, side, inQuote);
        f.Add(SideLabelInQuote, sideLabel, inQuote);
        f.Add(SideFinalLabel, sideLabel, last == 1 ? cls : -1);
        f.Add(SideInOtherCue, sideLabel, isCue);
    });

    /// <summary>Side, sentences from the cue's, quotation marks between, same quotation, cue opening its sentence, other cues between.</summary>
    private static readonly ClosedFeatureSet ContentQuotes = new(5, 2 * 7 * 4 * 3 * 2 * 3, (value, f) =>
    {
        int otherCues = value % 3, cueOpensSentence = value / 3 % 2, sameQuote = value / 6 % 3, quoteMarks = value / 18 % 4;
        value /= 72;
        int sentenceOffset = value % 7 - 3, side = value / 7;
        f.Add(SideSentence, side, sentenceOffset);
        f.Add(SideQuoteMarks, side, quoteMarks);
        f.Add(SideSameQuote, side, sameQuote);
        f.Add(SideCueSentenceStart, side, cueOpensSentence);
        f.Add(SideOtherCues, side, otherCues);
    });

    private static readonly ClosedFeatureSet SourcePlace = new(6, ContentPlace.Size, (value, f) => PlaceKeys(value, f, distanceCommas: false));

    /// <summary>
    /// The speaker-word class as the source tagger reads it (the classes it was trained with): a group
    /// ("analysts") as an unnamed source ("officials"), a demonym ("the American") as no class.
    /// </summary>
    internal static int FeatureClass(Lexicon.SpeakerWordClass cls) => (int)(cls switch
    {
        Lexicon.SpeakerWordClass.GroupHead => Lexicon.SpeakerWordClass.VagueHead,
        Lexicon.SpeakerWordClass.Demonym or Lexicon.SpeakerWordClass.Document => Lexicon.SpeakerWordClass.None,
        _ => cls,
    });

    /// <summary>Side, previous label, the token's class, whether it is quoted, its speaker-word class.</summary>
    private static readonly ClosedFeatureSet SourceToken = new(7, 2 * Bio.Count * TokenClasses * 2 * SpeakerClasses, (value, f) =>
    {
        int speaker = value % SpeakerClasses, inQuote = value / SpeakerClasses % 2;
        var (side, label, cls) = SideLabelClassOf(value / (SpeakerClasses * 2));
        int sideLabel = side * 16 + label;
        f.Add(SideLabelClass, sideLabel, cls);
        f.Add(SideInQuote, side, inQuote);
        f.Add(SideSpeakerClass, sideLabel, speaker);
        f.Add(SideShapeLabel, sideLabel, cls);
    });

    /// <summary>Unpacks the high part of a token set's value: (side × labels + previous label) × token classes + class.</summary>
    private static (int Side, int Label, int Class) SideLabelClassOf(int value) =>
        (value / TokenClasses / Bio.Count, value / TokenClasses % Bio.Count, value % TokenClasses);

    public static readonly ClosedFeatureSet[] ContentSets = [ContentPlace, ContentToken, ContentQuotes];
    public static readonly ClosedFeatureSet[] SourceSets = [SourcePlace, SourceToken];

    /// <summary>The value standing for a cue: its lexicon lemma, else its last word.</summary>
    public static int CueLemma(TokenView v, int cueStart, int cueEnd)
    {
        for (int t = cueStart; t < cueEnd; t++)
            if (v.CueAt[t] is { } e) return Hashing.Lower(e.Lemma);
        int last = cueEnd - 1;
        while (last > cueStart && v.Class[last] is not (TokenClass.Word or TokenClass.Capitalized)) last--;
        return v.WordHash[last];
    }

    private static int Bucket(int d) => d switch
    {
        <= 4 => d,
        <= 7 => 5,
        <= 12 => 6,
        <= 20 => 7,
        <= 40 => 8,
        _ => 9,
    };

    /// <summary>How many of the counted tokens lie strictly between <paramref name="t"/> and the cue (at most 3).</summary>
    private static int Between(int[] countBefore, int t, int cueStart, int cueEnd)
    {
        int from = t < cueStart ? t + 1 : cueEnd, to = t < cueStart ? cueStart : t;
        return Math.Min(countBefore[to] - countBefore[from], 3);
    }

    /// <summary>0: token outside quotes; 1: in the quotation next to the cue; 2: in another quotation.</summary>
    private static int SameQuote(TokenView v, int t, int cueStart, int cueEnd)
    {
        int q = v.QuoteOf[t];
        if (q < 0) return 0;
        int near = t < cueStart ? NearestQuote(v, cueStart - 1, -1) : NearestQuote(v, cueEnd, +1);
        return q == near ? 1 : 2;
    }

    private static int NearestQuote(TokenView v, int from, int step)
    {
        for (int k = from, n = 0; k >= 0 && k < v.Count && n < 4; k += step, n++)
            if (v.QuoteOf[k] >= 0) return v.QuoteOf[k];
        return -1;
    }
}
