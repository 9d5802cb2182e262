using Pipeline.Analyzers.Quotes.Learning;
using Pipeline.Analyzers.Quotes.Lexicon;

namespace Pipeline.Analyzers.Quotes.Detection;

/// <summary>
/// The cue's subject set off by commas at the end of the content it reports: "The Bank of England
/// does not favour such rules, its governor, Robin Leigh-Pemberton, said." British and wire
/// writing give the speaker an apposition there, which PolNeAR's US news seldom does (4 of its 306
/// sources between content and cue), so the content tagger runs on over the speaker to the cue.
/// A cue with nothing after it but when, where or to whom it was said has its subject before it:
/// the content ends before the last phrase, or the last two in apposition ("its governor, Robin
/// Leigh-Pemberton", "John Smith, the chairman"), when it names someone: a capitalised word, or a
/// head the speaker lexicon knows ("the chairman", "analysts", "the report"), and no verb.
/// </summary>
internal static class TrailingSource
{
    /// <summary>Most words in one phrase of the source.</summary>
    private const int MaxPhrase = 10;
    /// <summary>Most words after the cue that only say when, where or to whom.</summary>
    private const int MaxCircumstance = 6;

    public static void Cut(TokenView v, DetectedQuote q, CueMarks cues)
    {
        if (q.Cue is not var (cueStart, cueEnd) || q.Content.Count == 0) return;
        var (start, end) = q.Content[^1];
        int stop = end > start && v.Class[end - 1] == TokenClass.Comma ? end - 1 : end;
        if (end != cueStart && !(end + 1 == cueStart && v.Class[end] == TokenClass.Comma)) return;
        if (!IsSpeechVerb(v, cueStart, cueEnd) || !SubjectGoesBefore(v, cueStart, cueEnd)) return;

        int last = Boundary(v, start, stop);
        if (last < 0) return;
        int sourceStart = last + 1;
        bool relative = Relatives.Contains(v.WordHash[sourceStart]); // "Lord Woolf, who is the most senior judge, said"
        if (!relative && !Names(v, sourceStart, stop, cues)) return;
        // The phrase before may be the other half of an apposition, and must be where the phrase is a relative clause.
        int before = Boundary(v, start, last);
        if (before >= 0 && Names(v, before + 1, last, cues) && (relative || Pairs(v, before + 1, last, sourceStart, stop)))
            (last, sourceStart) = (before, before + 1);
        else if (relative) return;
        if (QuoteDetector.Words(v, start, last) < 3) return;
        q.Content[^1] = (start, ContentEnd(v, last));
    }

    /// <summary>
    /// A verb of saying or writing from the lexicon, at most <see cref="MaxCue"/> tokens, not in the
    /// passive: "was fatally wounded", "goes on sale" or "delivering a sermon" have no speaker for a subject.
    /// </summary>
    private static bool IsSpeechVerb(TokenView v, int cueStart, int cueEnd) =>
        v.CueAt[cueStart] is { Category: CueCategory.Speech or CueCategory.Writing } && cueEnd - cueStart <= MaxCue
        && !(cueStart > 0 && QuoteDetector.ClauseVerbs.Contains(v.WordHash[cueStart - 1]));

    private const int MaxCue = 3;

    /// <summary>
    /// Whether the words after the cue, to the sentence's end, leave its subject to the words before:
    /// none, or a few that say when, where or to whom ("on Tuesday", "in a statement", "told
    /// reporters"), not an inverted subject ("said the minister", "said Smith").
    /// </summary>
    private static bool SubjectGoesBefore(TokenView v, int cueStart, int cueEnd)
    {
        var sentence = v.SentenceOfToken(cueStart);
        int end = sentence.EndToken;
        while (end > cueEnd && v.Class[end - 1] is TokenClass.Period or TokenClass.QuoteMark) end--;
        if (end == cueEnd) return true;
        if (QuoteDetector.Words(v, cueEnd, end) > MaxCircumstance) return false;
        for (int t = cueEnd; t < end; t++)
            if (v.Class[t] is TokenClass.Comma or TokenClass.QuoteMark or TokenClass.Colon || v.InQuote(t)) return false;
        int first = v.WordHash[cueEnd];
        return CircumstanceOpeners.Contains(first) || Weekdays.Contains(first)
            || v.CueAt[cueStart]?.Lemma == "tell" && (Hearers.Contains(first) || v.Class[cueEnd] == TokenClass.Capitalized);
    }

    /// <summary>The last comma outside quotations, or closing quotation mark, in [start, end); -1 when none.</summary>
    private static int Boundary(TokenView v, int start, int end)
    {
        for (int t = end - 1; t > start; t--)
        {
            if (v.Class[t] == TokenClass.Comma && !v.InQuote(t)) return t;
            if (v.Class[t] == TokenClass.QuoteMark && v.InQuote(t) && (t + 1 >= v.Count || !v.InQuote(t + 1) || v.QuoteOf[t + 1] != v.QuoteOf[t])) return t;
            if (v.Class[t] is TokenClass.Period or TokenClass.Colon) return -1;
        }
        return -1;
    }

    /// <summary>A short phrase that names someone: no verb, no cue, no quotation; a capitalised word or a speaker head.</summary>
    private static bool Names(TokenView v, int start, int end, CueMarks cues)
    {
        int words = QuoteDetector.Words(v, start, end);
        if (words == 0 || words > MaxPhrase || Openers.Contains(v.WordHash[start])) return false;
        bool names = false;
        int sentenceFirst = v.SentenceOfToken(start).FirstToken;
        for (int t = start; t < end; t++)
        {
            if (cues.IsCue(t) || v.InQuote(t) || QuoteDetector.ClauseVerbs.Contains(v.WordHash[t])) return false;
            names |= v.Class[t] == TokenClass.Capitalized && t != sentenceFirst || IsSpeakerHead(v.SpeakerClass[t]);
        }
        return names;
    }

    /// <summary>
    /// Two phrases in apposition: a name and what the person or body is ("its governor, Robin
    /// Leigh-Pemberton", "Alberto Hesse, former president of ...", "David Haggard, ASA president"),
    /// or a name and its acronym ("the General Accounting Office, GAO").
    /// </summary>
    private static bool Pairs(TokenView v, int aStart, int aEnd, int bStart, int bEnd) =>
        HasSpeakerHead(v, aStart, aEnd) != HasSpeakerHead(v, bStart, bEnd) || Described(v, aStart, aEnd) || Described(v, bStart, bEnd)
        || bEnd - bStart == 1 && v.Doc.Tokens[bStart].Has(Sdk.TokenFlags.AllUpper);

    private static bool HasSpeakerHead(TokenView v, int start, int end)
    {
        for (int t = start; t < end; t++) if (IsSpeakerHead(v.SpeakerClass[t])) return true;
        return false;
    }

    /// <summary>A description: a determiner, a possessive or a lower-case word, and a head the speaker lexicon knows.</summary>
    private static bool Described(TokenView v, int start, int end) =>
        (Determiners.Contains(v.WordHash[start]) || v.Class[start] == TokenClass.Word
         || start + 1 < end && v.Doc.TokenText(start + 1) is "'s" or "’s") && HasSpeakerHead(v, start, end);

    private static bool IsSpeakerHead(SpeakerWordClass cls) => cls is SpeakerWordClass.PersonNoun or SpeakerWordClass.OrgNoun
        or SpeakerWordClass.VagueHead or SpeakerWordClass.GroupHead or SpeakerWordClass.Document;

    /// <summary>The content's end before the comma at <paramref name="boundary"/>, or after the closing quotation mark there.</summary>
    private static int ContentEnd(TokenView v, int boundary) =>
        v.Class[boundary] == TokenClass.QuoteMark ? boundary + 1 : boundary;

    private static readonly HashSet32 Relatives = new("who which whose".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly HashSet32 CircumstanceOpeners = new(
        "on in at during to after before at from yesterday today tonight earlier later last this late when while".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly HashSet32 Weekdays = new(
        "monday tuesday wednesday thursday friday saturday sunday".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly HashSet32 Hearers = new("reporters journalists the a an his her their its".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly HashSet32 Determiners = new("the a an his her their its our this that".Split(' ').Select(w => Hashing.Lower(w)));
    /// <summary>Words that open a clause, a list's last item or a prepositional phrase, not a speaker's phrase.</summary>
    private static readonly HashSet32 Openers = new(
        "and but or so because while although though if when as than that despite with after for in on at from of to by during including like without"
            .Split(' ').Select(w => Hashing.Lower(w)));
}
