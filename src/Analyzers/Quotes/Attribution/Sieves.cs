using Pipeline.Analyzers.Quotes.Learning;
using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Analyzers.Quotes.Lexicon;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Quotes.Attribution;

/// <summary>
/// The pattern sieves of attribution, after Stanford CoreNLP's QuoteAttributionAnnotator: each
/// looks at one construction and either finds the speaker's words or leaves the quote open for
/// the next. The order they run in is set by <see cref="QuoteAttributor"/>.
/// </summary>
internal static class Sieves
{
    /// <summary>Longest speaker phrase a pattern accepts, in tokens.</summary>
    private const int MaxSpeakerTokens = 14;

    /// <summary>"..." — Commissioner X: the words after the dash, to the end of the line.</summary>
    public static SpeakerSpan? DashTrailer(AttributionContext ctx, QuoteInfo q)
    {
        var v = ctx.View;
        if (q.Cue is not { } cue || v.Class[cue.Start] != TokenClass.Dash) return null;
        var (s, e) = Trim(v, cue.End, QuoteDetector.TrailerEnd(v, cue.End));
        return e > s ? new SpeakerSpan(s, e, "sieve:dash-trailer", 0.9) : null;
    }

    /// <summary>
    /// "\"...,\" Saudi Airlines' assistant manager for marketing, Abdul Rahman Al Fahd, was quoted as
    /// saying.": the subject is all the words between the quotation and the cue.
    /// </summary>
    public static SpeakerSpan? QuotedSubject(AttributionContext ctx, QuoteInfo q)
    {
        var v = ctx.View;
        if (q.Cue is not { } cue || !QuoteDetector.IsQuotedAsSaying(v, cue.Start, cue.End) || q.End > cue.Start) return null;
        var (s, e) = Trim(v, q.End, cue.Start);
        return e > s ? new SpeakerSpan(s, e, "sieve:quoted-subject", 0.9) : null;
    }

    private static readonly int WithHash = Hashing.Lower("with");

    private static readonly HashSet32 LeadLinks = new("and but".Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>"And from Chairwoman Y:" or "He added:" then the quotation: the name in the lead before the cue.</summary>
    public static SpeakerSpan? ColonLead(AttributionContext ctx, QuoteInfo q)
    {
        var v = ctx.View;
        if (q.Cue is not { } cue || v.Class[cue.End - 1] != TokenClass.Colon || q.Start < cue.End) return null;
        int leadStart = v.SentenceOfToken(cue.Start).FirstToken;
        // "The Oscar-nominated actor, whose films include Schindler's List, Michael Collins and Star Wars:": a subject with
        // its relative clause is the source, clause and all; its speaker is the phrase before the clause, not a name in it.
        for (int t = leadStart + 1; t + 1 < cue.Start; t++)
            if (v.Class[t] == TokenClass.Comma && v.Doc.TokenText(t + 1) is var relative
                && (relative.Equals("who", StringComparison.OrdinalIgnoreCase) || relative.Equals("whose", StringComparison.OrdinalIgnoreCase))
                && t - leadStart <= MaxRelativeSubject && !HoldsClauseVerb(v, leadStart, t) && v.Class[leadStart] != TokenClass.Word
                && !HasSubjectPronoun(v, t, cue.Start) && ClauseClosesAtCue(v, t + 1, cue.Start))
            {
                // As PolNeAR writes it; the resolver reads the phrase before the clause, or the name a naming word in it
                // gives ("The woman, who calls herself Jasmine Tridevil,").
                var (ls, le) = Trim(v, leadStart, cue.Start);
                return le > ls && LooksLikeSpeaker(ctx, leadStart, t) ? new SpeakerSpan(ls, le, "sieve:colon-lead", 0.8) : null;
            }
        // "Trump will use the encounter to make news, | Kall said:": after a clause or a fronted phrase, the words
        // between its comma (and an "and" or "but": "..., and | Breitbart News responded:") and the cue; not after a name
        // and its description ("Colin Asplin, chairman of the association said:").
        for (int t = cue.Start - 1; t > leadStart; t--)
            if (v.Class[t] == TokenClass.Comma)
            {
                // The words before the comma are a clause or a fronted phrase when they hold any lower-case word ("In a
                // public Facebook post last month, | he wrote:"); a name and its title hold none.
                int open = t + 1 < cue.Start && LeadLinks.Contains(v.WordHash[t + 1]) ? t + 2 : t + 1;
                if (OpensSubject(v, open, cue.Start) && (HoldsClauseVerb(v, leadStart, t) || HoldsLowerCaseWord(v, leadStart, t)) && !v.InQuote(t))
                    leadStart = open;
                break;
            }
        if (ctx.Entities.Best(leadStart, cue.Start) is { } m)
        {
            int s = v.Doc.TokenAt(m.Span.Start), e = v.Doc.TokenAt(m.Span.End - 1) + 1;
            while (s > leadStart && v.Class[s - 1] == TokenClass.Capitalized) s--;
            // The name may be a modifier of the speaker noun after it: "A Foreign Office | spokesperson", "The Bat | spokeswoman".
            while (e < cue.Start && v.Class[e] == TokenClass.Word && IsSpeakerHead(v.SpeakerClass[e])) e++;
            return new SpeakerSpan(s, e, "sieve:colon-lead", 0.85);
        }
        int start = leadStart, end = cue.Start;
        // "..., with a spokesperson saying:": the noun after "with" is its participle's subject.
        bool participle = v.Doc.TokenText(cue.Start).EndsWith("ing", StringComparison.Ordinal);
        while (start < end && (IsLeadFiller(v.Doc.TokenText(start)) || participle && v.WordHash[start] == WithHash)) start++;
        // The cue's verb group is not the lead's; a cue word after a determiner is a noun that is: "The report said:".
        while (end > start && (v.CueAt[end - 1] is not null || IsAuxiliaryOrAdverb(v.Doc.TokenText(end - 1)))
               && !(end - 1 > start && IsDeterminer(v.Doc.TokenText(end - 2)))) end--;
        var lead = Trim(v, start, end);
        if (lead.End - lead.Start > MaxSpeakerTokens) return null; // a long lead is a sentence of its own: other sieves read it
        var (ts, te) = SubjectOfLead(ctx, lead);
        return te > ts && LooksLikeSpeaker(ctx, ts, te) ? new SpeakerSpan(ts, te, "sieve:colon-lead", 0.7) : null;
    }

    /// <summary>
    /// A lead that is a whole clause ("He warned his supporters against complacency:", "Pointing to
    /// national insurance, he:", "A Number 10 spokeswoman would only say:") names its speaker as the
    /// clause's subject: the last subject pronoun before any relative clause, else the noun phrase
    /// of the last speaker noun ("the committee", "The prime minister's official spokesman") when
    /// no name comes before it and no preposition governs it, with the phrase of a preposition
    /// right after it ("a spokesman for the union"). Quoted words are not the lead's. Without
    /// either the lead stays whole.
    /// </summary>
    private static (int Start, int End) SubjectOfLead(AttributionContext ctx, (int Start, int End) lead)
    {
        var v = ctx.View;
        var (start, end) = lead;
        for (int t = start; t < end; t++)
            if (IsRelativePronoun(v.Doc.TokenText(t))) { end = t; break; }
        for (int t = end - 1; t >= start; t--)
            if (!v.InQuote(t) && IsSubjectPronoun(v.Doc.TokenText(t))) return (t, t + 1);
        (int Preposition, int End) governed = (-1, -1); // a phrase a preposition governs: "a spokesman | for the union"
        for (int head = end - 1; head >= start; head--)
        {
            if (v.InQuote(head) || v.Class[head] != TokenClass.Word
                || !IsSpeakerHead(v.SpeakerClass[head])) continue;
            int s = head;
            while (s > start && !IsDeterminer(v.Doc.TokenText(s)) && InNounPhrase(v, s - 1)) s--;
            if (s > start && IsPreposition(v.Doc.TokenText(s - 1)))
            {
                // "used one of the woman's quotes": not the subject, but maybe the end of an earlier head's phrase.
                governed = (s - 1, head + 1);
                head = s - 1;
                continue;
            }
            for (int t = start + 1; t < s; t++)
                if (v.Class[t] == TokenClass.Capitalized) return lead; // "Rory O'Neill, editor of Hazards magazine": the name is the speaker
            return (s, governed.Preposition == head + 1 ? governed.End : head + 1);
        }
        return lead;
    }

    /// <summary>Whether the token can open the verb after a subject: an auxiliary, an adverb, a cue, an -ed form, or a comma.</summary>
    private static bool VerbFollows(TokenView v, int t)
    {
        if (t >= v.Count) return false;
        var word = v.Doc.TokenText(t);
        return v.Class[t] == TokenClass.Comma || v.CueAt[t] is not null || IsAuxiliaryOrAdverb(word) || word.EndsWith("ed", StringComparison.Ordinal);
    }

    /// <summary>The head of a phrase that describes a speaker: a person, a body, an unnamed source or group.</summary>
    private static bool IsSpeakerHead(SpeakerWordClass cls) =>
        cls is SpeakerWordClass.PersonNoun or SpeakerWordClass.OrgNoun or SpeakerWordClass.VagueHead or SpeakerWordClass.GroupHead;

    /// <summary>A word that can stand before a speaker noun in its phrase: not a verb the lexicons know, a preposition or punctuation.</summary>
    private static bool InNounPhrase(TokenView v, int t)
    {
        var w = v.Doc.TokenText(t);
        if (w.StartsWith('\'') || w.StartsWith('\u2019')) return true; // the possessive 's
        return v.Class[t] is TokenClass.Word or TokenClass.Capitalized or TokenClass.Number
            && v.CueAt[t] is null && !IsAuxiliaryOrAdverb(w) && !IsPreposition(w);
    }

    private static bool IsPreposition(ReadOnlySpan<char> w) => Prepositions.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w);

    /// <summary>
    /// Whether the relative clause from <paramref name="start"/> runs to the cue: to a comma right before its verb ("...,
    /// who chaired the inquiry, | said:") or to a bare colon, with no other predicate after a comma inside it (not
    /// "..., who plans to launch Easymobile next month, | vowed to fight back, saying:"; a list of names may hold commas).
    /// </summary>
    private static bool ClauseClosesAtCue(TokenView v, int start, int cueStart)
    {
        int last = cueStart - 1;
        while (last > start && IsAuxiliaryOrAdverb(v.Doc.TokenText(last))) last--;
        bool bareColon = v.Doc.TokenText(cueStart) is ":";
        if (!bareColon && !(last > start && v.Class[last] == TokenClass.Comma)) return false;
        int end = bareColon ? cueStart : last;
        for (int t = start; t < end; t++)
            if (v.Class[t] == TokenClass.Comma && t + 1 < end && v.Class[t + 1] == TokenClass.Word && v.WordHash[t + 1] != AndHash) return false;
        return true;
    }

    private static readonly int AndHash = Hashing.Lower("and");

    /// <summary>Longest subject before a relative clause in a colon lead, in tokens ("The Oscar-nominated actor").</summary>
    private const int MaxRelativeSubject = 6;

    private static bool HasSubjectPronoun(TokenView v, int start, int end)
    {
        for (int t = start; t < end; t++) if (!v.InQuote(t) && IsSubjectPronoun(v.Doc.TokenText(t))) return true;
        return false;
    }

    private static bool IsSubjectPronoun(ReadOnlySpan<char> w) =>
        w.Equals("he", StringComparison.OrdinalIgnoreCase) || w.Equals("she", StringComparison.OrdinalIgnoreCase)
        || w.Equals("they", StringComparison.OrdinalIgnoreCase) || w.Equals("we", StringComparison.OrdinalIgnoreCase) || w is "I";

    private static bool IsRelativePronoun(ReadOnlySpan<char> w) =>
        w.Equals("who", StringComparison.OrdinalIgnoreCase) || w.Equals("which", StringComparison.OrdinalIgnoreCase) || w.Equals("that", StringComparison.OrdinalIgnoreCase);

    private static bool IsDeterminer(ReadOnlySpan<char> w) => Determiners.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w);

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase) { "the", "a", "an", "this", "his", "her", "its", "their", "our" };

    private static readonly HashSet<string> Prepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "on", "at", "to", "of", "for", "with", "from", "by", "about", "after", "before", "during", "into", "over", "under", "against",
    };

    /// <summary>
    /// Cue after the content: "...," X said (the words between quote and cue) or "...," said X
    /// (the words after the cue up to a comma or the sentence end).
    /// </summary>
    public static SpeakerSpan? SaidTrailer(AttributionContext ctx, QuoteInfo q)
    {
        var v = ctx.View;
        if (q.Cue is not { } cue) return null;
        int contentEnd = -1;
        foreach (var (_, e) in q.Content) if (e <= cue.Start) contentEnd = e;
        if (contentEnd < 0 || v.SentenceOf[cue.Start] != v.SentenceOf[Math.Max(contentEnd - 1, 0)] && !v.InQuote(contentEnd - 1)) return null;
        var (gs, ge) = Trim(v, contentEnd, cue.Start);
        if (ge > gs)
        {
            if (ge - gs > 8 || !LooksLikeSpeaker(ctx, gs, ge) || HasClauseBreak(v, gs, ge)) return null;
            return new SpeakerSpan(gs, ge, "sieve:said-trailer", 0.85);
        }
        int end = cue.End, sentenceEnd = v.SentenceOfToken(cue.Start).EndToken;
        while (end < sentenceEnd && end - cue.End < MaxSpeakerTokens && !q.InContent(end)
               && v.Class[end] is not (TokenClass.Comma or TokenClass.Period or TokenClass.Colon or TokenClass.QuoteMark)) end++;
        var (s, t) = Trim(v, cue.End, end);
        // After "told" the words are whom it was told to ("told BBC News", "telling them"; but "asked the reporter" is who
        // asked); a phrase that opens with a preposition other than a passive's "by", or holds a clause's verb, names no
        // speaker ("was announced on Monday", "named after Beatle John Lennon", "told Reuters the 10 had agreed").
        if (t <= s || NamesHearer(v, cue.Start, cue.End) || !LooksLikeSpeaker(ctx, s, t)) return null;
        var first = v.Doc.TokenText(s);
        if (OpensNoSpeaker(first) && !first.Equals("by", StringComparison.OrdinalIgnoreCase) || HoldsClauseVerb(v, s, t)) return null;
        return new SpeakerSpan(s, t, "sieve:said-trailer", 0.85);
    }

    /// <summary>Whether the cue is a verb of telling, after which comes the hearer.</summary>
    private static bool NamesHearer(TokenView v, int cueStart, int cueEnd)
    {
        for (int t = cueStart; t < cueEnd; t++)
            if (v.CueAt[t] is { Lemma: "tell" }) return true;
        return false;
    }

    /// <summary>
    /// Whether a subject opens the words [start, end) after a comma, maybe after "but" or "and":
    /// not a verb ("told the BBC News website ... and added:"), nor a relative pronoun, whose
    /// antecedent stands before the comma ("by UKIP spokesman, who said:").
    /// </summary>
    private static bool OpensSubject(TokenView v, int start, int end)
    {
        while (start < end && LinkWords.Contains(v.WordHash[start])) start++;
        return start < end && QuoteDetector.HasWord(v, start, start + 1) && v.CueAt[start] is null
            && !QuoteDetector.ClauseVerbs.Contains(v.WordHash[start]) && !RelativeWords.Contains(v.WordHash[start]);
    }

    private static readonly HashSet32 LinkWords = new("but and yet so".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly HashSet32 RelativeWords = new("who which whose whom that".Split(' ').Select(w => Hashing.Lower(w)));

    private static bool HoldsLowerCaseWord(TokenView v, int start, int end)
    {
        for (int t = start; t < end; t++)
            if (v.Class[t] == TokenClass.Word) return true;
        return false;
    }

    private static bool HoldsClauseVerb(TokenView v, int start, int end)
    {
        for (int t = start; t < end; t++)
            if (QuoteDetector.ClauseVerbs.Contains(v.WordHash[t])) return true;
        return false;
    }

    private static readonly HashSet<string> NotSpeakerOpeners = new(StringComparer.OrdinalIgnoreCase)
        { "that", "as", "him", "them", "us", "me", "whom", "when", "where", "while", "if", "whether", "than", "so", "then", "once", "although", "though",
          "because", "since", "despite", "unless", "until" };

    /// <summary>"... was described by Jobs as ...", "problem highlighted by analysts": the agent of a passive reporting verb.</summary>
    public static SpeakerSpan? PassiveAgentOf(AttributionContext ctx, QuoteInfo q) =>
        q.Cue is { } cue && PassiveAgent.Of(ctx.View, cue.Start, cue.End) is var (start, end) && !q.InContent(start)
            ? new SpeakerSpan(start, end, "sieve:passive-agent", 0.8)
            : null;

    /// <summary>X, a doctor, said ...: a name, an apposition between commas, then the cue.</summary>
    public static SpeakerSpan? Appositive(AttributionContext ctx, QuoteInfo q)
    {
        var v = ctx.View;
        if (q.Cue is not { } cue || cue.Start < 2 || v.Class[cue.Start - 1] != TokenClass.Comma || IsParticiple(v, cue.Start)) return null;
        int clauseStart = ClauseStart(ctx, q, cue.Start);
        int firstComma = -1;
        for (int t = cue.Start - 2; t >= clauseStart; t--)
            if (v.Class[t] == TokenClass.Comma) { firstComma = t; break; }
        if (firstComma <= clauseStart) return null;
        int nameStart = SpeakerStart(ctx, clauseStart, firstComma);
        if (nameStart < 0 || !LooksLikeSpeaker(ctx, nameStart, firstComma)) return null;
        // "Wine makers, however, said": an aside between the commas is no apposition; the speaker ends before it.
        if (IsAside(v, firstComma + 1, cue.Start - 1))
            return firstComma - nameStart <= 6 && !HoldsClauseVerb(v, nameStart, firstComma) ? new SpeakerSpan(nameStart, firstComma, "sieve:appositive", 0.8) : null;
        if (firstComma - nameStart <= 6) return new SpeakerSpan(nameStart, cue.Start - 1, "sieve:appositive", 0.8);
        // "Jessy's maid, Amelia Laugher, said": a long description, then the name, which is the speaker.
        return IsNamedPerson(ctx, firstComma + 1, cue.Start - 1) ? new SpeakerSpan(firstComma + 1, cue.Start - 1, "sieve:appositive", 0.8) : null;
    }

    /// <summary>An aside between commas: one sentence adverb ("however"), or a phrase such as "for example".</summary>
    private static bool IsAside(TokenView v, int start, int end) =>
        end - start == 1 ? QuoteDetector.SentenceAdverbs.Contains(v.WordHash[start])
        : end - start is 2 or 3 && AsidePhrases.Contains(string.Join(' ', Enumerable.Range(start, end - start).Select(t => v.Doc.TokenText(t).ToString())));

    private static readonly HashSet<string> AsidePhrases = new(StringComparer.OrdinalIgnoreCase)
    {
        "for example", "for instance", "in turn", "in fact", "of course", "in response", "in particular", "for their part", "for its part", "in contrast",
    };

    /// <summary>X said: "..." / X said that ...: the subject phrase before the cue.</summary>
    public static SpeakerSpan? SaidLead(AttributionContext ctx, QuoteInfo q)
    {
        var v = ctx.View;
        if (q.Cue is not { } cue || q.Start < cue.End || IsParticiple(v, cue.Start)) return null;
        int clauseStart = ClauseStart(ctx, q, cue.Start);
        int end = cue.Start;
        while (end > clauseStart && IsAuxiliaryOrAdverb(v.Doc.TokenText(end - 1))) end--;
        int start = SpeakerStart(ctx, clauseStart, end);
        if (start < 0) return null;
        var (s, e) = Trim(v, start, end);
        // "When asked about ...", "To be put inside ...": a clause opener, capitalised at the sentence's start, is no speaker.
        if (e <= s || OpensNoSpeaker(v.Doc.TokenText(s))) return null;
        return IsNounPhrase(ctx, s, e) ? new SpeakerSpan(s, e, "sieve:said-lead", 0.75) : null;
    }

    private static bool OpensNoSpeaker(ReadOnlySpan<char> word) =>
        Prepositions.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) || NotSpeakerOpeners.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    /// <summary>
    /// "..., adding that ..." / "by claiming that ...": a participle cue has the subject of the
    /// clause it hangs on; that is the speaker of the quote before it in the sentence, else the
    /// first name or pronoun of the sentence. A participle that opens its sentence ("Citing
    /// officials, the daily reported that ...") hangs on the clause after it: the subject between
    /// the comma that closes the participle's phrase and the next cue.
    /// </summary>
    public static SpeakerSpan? ParticipleSubject(AttributionContext ctx, QuoteInfo q) =>
        q.Cue is { } cue && IsParticiple(ctx.View, cue.Start) ? SubjectOfSentence(ctx, q, cue, "sieve:participle-subject") : null;

    /// <summary>
    /// "The chancellor would not comment on the reports, but insisted ...": a cue joined by "and"
    /// or "but" to an earlier verb, with no subject of its own, has the subject that opens the
    /// sentence (<see cref="OpeningSubject"/>).
    /// </summary>
    public static SpeakerSpan? ConjoinedSubject(AttributionContext ctx, QuoteInfo q) =>
        q.Cue is { } cue && IsConjoinedVerb(ctx.View, cue.Start) && !HasAgentlessCue(ctx, q) && OpeningSubject(ctx, q, cue.Start) is { } s
            ? new SpeakerSpan(s.Start, s.End, "sieve:conjoined-subject", 0.65)
            : null;

    /// <summary>
    /// The subject that opens the cue's sentence, after a leading conjunction ("But") or a fronted
    /// phrase closed by a comma ("In December, the EU pledged ..."): a pronoun, or the phrase of
    /// names, titles and speaker nouns up to the first cue, auxiliary or other word after them
    /// ("Shadow home secretary David Davis", "A Labour source", "The chancellor", "Moazzam Begg's
    /// Labour MP Roger Godsiff"). Null when the sentence opens otherwise.
    /// </summary>
    private static (int Start, int End)? OpeningSubject(AttributionContext ctx, QuoteInfo q, int cueStart)
    {
        var v = ctx.View;
        var doc = v.Doc;
        int t = v.SentenceOfToken(cueStart).FirstToken;
        if (t < cueStart && doc.TokenText(t) is "But" or "And" or "Yet") t++;
        while (t < cueStart && FrontedOpeners.Contains(doc.TokenText(t).ToString())) // "In that video, after executing Foley, the militant ..."
        {
            while (t < cueStart && v.Class[t] != TokenClass.Comma) t++;
            t++;
        }
        if (t >= cueStart || q.InContent(t) || v.InQuote(t)) return null;
        if (ctx.Speakers.Classify(doc, t) is SpeakerWordClass.PronounPerson or SpeakerWordClass.PronounGroup && !IsPossessiveDeterminer(doc.TokenText(t)))
            return (t, t + 1);
        // The head is still to come at the start and after a possessive: "shadow home secretary", "Labour's deputy minister".
        int end = -1, modifiers = 0;
        bool headToCome = true;
        for (int e = t; e < cueStart && e - t < MaxSpeakerTokens; e++)
        {
            var word = doc.TokenText(e);
            if (v.CueAt[e] is not null || IsAuxiliaryOrAdverb(word)) break;
            if (ctx.Entities.StartingAt(e) is { } m && m.Type != EntityTypes.Miscellaneous) // "European" is no subject
            {
                end = doc.TokenAt(m.Span.End - 1) + 1;
                e = end - 1;
                headToCome = false;
                continue;
            }
            if (IsSpeakerHead(ctx.Speakers.Classify(doc, e)))
            {
                end = e + 1;
                headToCome = false;
                continue;
            }
            if (doc.Tokens[e].Kind == TokenKind.Clitic) { headToCome = true; continue; }
            if (v.Class[e] == TokenClass.Capitalized || NounPhraseWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) || word is "for") continue; // "minister for women"
            // An apposition goes on to its name: "The SNP's Holyrood leader, Nicola Sturgeon, welcomed".
            if (v.Class[e] == TokenClass.Comma && end > 0 && e + 1 < cueStart && ctx.Entities.StartingAt(e + 1) is not null) continue;
            if (v.Class[e] == TokenClass.Word && headToCome && ++modifiers <= 2) continue;
            break;
        }
        // A possessor with no head after it ("UKIP's performance in last year's elections") is not the subject.
        return end > t && !headToCome ? (t, end) : null;
    }

    /// <summary>Words that open a phrase or clause fronted before the subject: "In December, ...", "When Conal complained, ...".</summary>
    private static readonly HashSet<string> FrontedOpeners = new(StringComparer.OrdinalIgnoreCase)
    {
        "In", "On", "At", "After", "Before", "During", "Following", "Earlier", "Later", "Meanwhile", "However", "Speaking", "Asked", "Last", "This",
        "When", "While", "As", "Although", "Though", "If", "Because", "Since", "Despite", "With", "Under", "Over",
    };

    private static bool IsPossessiveDeterminer(ReadOnlySpan<char> word) =>
        word.Equals("his", StringComparison.OrdinalIgnoreCase) || word.Equals("her", StringComparison.OrdinalIgnoreCase)
        || word.Equals("its", StringComparison.OrdinalIgnoreCase) || word.Equals("their", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether "and" or "but" comes right before the cue, past adverbs ("but also said", "and later denied").</summary>
    private static bool IsConjoinedVerb(TokenView v, int cueStart)
    {
        int t = cueStart - 1;
        while (t >= 0 && ConjoinedAdverbs.Contains(v.Doc.TokenText(t).ToString())) t--;
        return t > v.SentenceOfToken(cueStart).FirstToken && v.Doc.TokenText(t) is "and" or "but";
    }

    private static readonly HashSet<string> ConjoinedAdverbs = new(StringComparer.OrdinalIgnoreCase) { "also", "then", "later", "still", "yet", "again", "even", "further" };

    /// <summary>The speaker of the quote before it in the sentence, else the sentence's first name or pronoun.</summary>
    private static SpeakerSpan? SubjectOfSentence(AttributionContext ctx, QuoteInfo q, (int Start, int End) cue, string method)
    {
        var v = ctx.View;
        int sentence = v.SentenceOf[cue.Start];
        int index = ctx.Quotes.IndexOf(q);
        for (int i = index - 1; i >= 0; i--)
        {
            var previous = ctx.Quotes[i];
            if (previous.Cue is not { } pc || v.SentenceOf[pc.Start] != sentence) break;
            // Not a relative clause's subject: "Trump was defensive about an architect who said ..., saying" is Trump's.
            if (previous.SpeakerTokens is { } s && !(s.End - s.Start == 1 && RelativeWords.Contains(v.WordHash[s.Start])))
                return new SpeakerSpan(s.Start, s.End, method, 0.75);
        }
        int first = v.SentenceOfToken(cue.Start).FirstToken;
        // The phrase that opens the sentence, whole: "The Tory leader", not the name inside it; when its verb comes
        // next (an auxiliary, an adverb, a cue or an -ed form), not a noun it modifies ("An official | complaint").
        if (OpeningSubject(ctx, q, cue.Start) is { } opening && v.Class[opening.End - 1] == TokenClass.Word && VerbFollows(v, opening.End))
            return new SpeakerSpan(opening.Start, opening.End, method, 0.65);
        for (int t = first; t < cue.Start; t++)
        {
            if (q.InContent(t) || v.InQuote(t)) continue;
            if (ctx.Entities.StartingAt(t) is { } m)
                return new SpeakerSpan(t, v.Doc.TokenAt(m.Span.End - 1) + 1, method, 0.65);
            if (ctx.Speakers.Classify(v.Doc, t) is SpeakerWordClass.PronounPerson or SpeakerWordClass.PronounGroup)
                return new SpeakerSpan(t, t + 1, method, 0.65);
        }
        return first == cue.Start ? SubjectAfterFrontedPhrase(ctx, q, cue) : null;
    }

    private static SpeakerSpan? SubjectAfterFrontedPhrase(AttributionContext ctx, QuoteInfo q, (int Start, int End) cue)
    {
        var v = ctx.View;
        int sentenceEnd = v.SentenceOfToken(cue.Start).EndToken;
        int comma = Math.Max(cue.End, q.End);
        while (comma < sentenceEnd && v.Class[comma] != TokenClass.Comma) comma++;
        int end = comma + 1;
        while (end < sentenceEnd && end - comma <= MaxSpeakerTokens && v.CueAt[end] is null && !v.InQuote(end)
               && v.Class[end] is not (TokenClass.Comma or TokenClass.Period or TokenClass.Colon)) end++;
        if (end >= sentenceEnd || v.CueAt[end] is null) return null;
        while (end > comma + 1 && IsAuxiliaryOrAdverb(v.Doc.TokenText(end - 1))) end--;
        var (s, e) = Trim(v, comma + 1, end);
        return e > s && LooksLikeSpeaker(ctx, s, e) ? new SpeakerSpan(s, e, "sieve:participle-subject", 0.7) : null;
    }

    /// <summary>
    /// A direct quotation in the headline with no speaker of its own is the lead's: "'No UK
    /// apology' for colonial past" / "The days of Britain having to apologise ... are over, Gordon
    /// Brown has said." The resolved speaker of the first quote whose cue is in the first sentence
    /// after the headline, named or unnamed ("..., officials have revealed."); null when that quote's
    /// speaker is neither an entity nor an unnamed source. Reads speakers decided after
    /// the headline's quote, so it runs once every other quote has its speaker.
    /// </summary>
    public static ResolvedSpeaker? HeadlineLead(AttributionContext ctx, QuoteInfo q)
    {
        var v = ctx.View;
        var doc = v.Doc;
        if (q.Quote.Kind != QuoteKind.Direct || doc.HeadlineSpan is not { } headline || q.Quote.Span.End > headline.End) return null;
        int lead = ctx.LeadSentence;
        if (lead >= doc.Sentences.Length) return null;
        foreach (var other in ctx.Quotes)
            if (other.Cue is { } cue && v.SentenceOf[cue.Start] == lead && other.SpeakerTokens is not null)
                return other.Speaker is { Entity: not null } or { Kind: SpeakerKind.Anonymous } ? other.Speaker : null;
        return null;
    }

    /// <summary>A quote with no speaker of its own right after another quote: the same speaker goes on.</summary>
    public static ResolvedSpeaker? ParagraphCarryOver(AttributionContext ctx, QuoteInfo q)
    {
        int index = ctx.Quotes.IndexOf(q);
        if (index <= 0) return null;
        var previous = ctx.Quotes[index - 1];
        if (previous.Speaker is not { } speaker || speaker.Kind == SpeakerKind.Unknown && speaker.Entity is null) return null;
        if (HasEvidentialCue(q, ctx.View.Doc) && !(speaker.Kind == SpeakerKind.Anonymous || speaker.Entity is { } e && SpeakerResolver.IsOutlet(ctx, e))) return null;
        int gap = ctx.Paragraph(q.Start) - ctx.Paragraph(previous.End - 1);
        return gap <= 1 ? speaker : null;
    }

    /// <summary>
    /// A passive, impersonal or raising cue ("is expected to", "was announced", "were also expected",
    /// "it's unclear", "This strategy appears to be playing out") names no speaker: the one before
    /// it is not carried over, nor the nearest guessed.
    /// </summary>
    public static bool HasAgentlessCue(AttributionContext ctx, QuoteInfo q)
    {
        if (q.Cue is not { } cue) return false;
        var doc = ctx.View.Doc;
        var first = doc.TokenText(cue.Start);
        return first.Equals("it", StringComparison.OrdinalIgnoreCase) || IsBeForm(first)
            || RaisingVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(first)
            || cue.Start > 0 && IsBeForm(doc.TokenText(cue.Start - 1));
    }

    /// <summary>
    /// An evidential adverb alone for a cue ("passengers reportedly caught the spirit", "the bank allegedly
    /// rigged rates"): the writer withholds the source, so no one is guessed for it, and only an outlet
    /// or an unnamed source whose report the paragraph before gave is carried over.
    /// </summary>
    public static bool HasEvidentialCue(QuoteInfo q, Document doc) =>
        q.Cue is { } cue && cue.End == cue.Start + 1 && EvidentialAdverbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(doc.TokenText(cue.Start));

    private static readonly HashSet<string> EvidentialAdverbs = new(StringComparer.OrdinalIgnoreCase)
        { "reportedly", "allegedly", "purportedly", "supposedly", "apparently", "seemingly", "ostensibly" };

    private static readonly HashSet<string> RaisingVerbs = new(StringComparer.OrdinalIgnoreCase) { "appear", "appears", "appeared", "seem", "seems", "seemed" };

    private static bool IsBeForm(ReadOnlySpan<char> word) => BeForms.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    private static readonly HashSet<string> BeForms = new(StringComparer.OrdinalIgnoreCase) { "is", "was", "were", "are", "be", "been", "being" };

    /// <summary>
    /// Last resort for a direct quote: the nearest person (else organisation) named before it,
    /// outside quotation marks. Reported speech whose cue found no subject ("Quebecor reportedly
    /// will pay", "Another report claims", "It's important to point out") seldom belongs to the
    /// nearest name, so it stays unattributed.
    /// </summary>
    public static EntityMention? NearestEntity(AttributionContext ctx, QuoteInfo q)
    {
        if (q.Quote.Kind != QuoteKind.Direct) return null;
        int paragraph = ctx.Paragraph(q.Start);
        int notBefore = SpeakerResolver.ParagraphStartToken(ctx, Math.Max(0, paragraph - 1));
        return ctx.Entities.NearestBefore(q.Start, notBefore, EntityTypes.Person)
            ?? ctx.Entities.NearestBefore(q.Start, notBefore, EntityTypes.Organization);
    }

    /// <summary>A cue opening with an -ing form ("adding", "saying", "citing") has no subject of its own.</summary>
    private static bool IsParticiple(TokenView v, int cueStart) =>
        v.Doc.TokenText(cueStart).EndsWith("ing", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the clause holding the cue starts: after the last quotation, content, colon or semicolon before it, or the sentence start.</summary>
    private static int ClauseStart(AttributionContext ctx, QuoteInfo q, int cueStart)
    {
        var v = ctx.View;
        int first = v.SentenceOfToken(cueStart).FirstToken;
        for (int t = cueStart - 1; t >= first; t--)
            if (q.InContent(t) || v.InQuote(t) || v.Class[t] == TokenClass.Colon) return t + 1;
        return first;
    }

    /// <summary>The first token in [start, end) that can open a speaker phrase: a name, a pronoun, a determiner or a speaker noun.</summary>
    private static int SpeakerStart(AttributionContext ctx, int start, int end)
    {
        var v = ctx.View;
        for (int t = start; t < end; t++)
        {
            var w = v.Doc.TokenText(t);
            if (ctx.Entities.Best(t, t + 1) is not null || NamesSpeaker(ctx.Speakers.Classify(v.Doc, t))) return t;
            if (w.Equals("the", StringComparison.OrdinalIgnoreCase) || w.Equals("a", StringComparison.OrdinalIgnoreCase)
                || w.Equals("an", StringComparison.OrdinalIgnoreCase)) return t;
            if (v.Class[t] == TokenClass.Capitalized && !IsLeadFiller(w)) return t;
        }
        return -1;
    }

    /// <summary>
    /// A short phrase that can only be a noun phrase: at most six tokens, each a capitalised word,
    /// a determiner or possessive, a speaker word (pronoun, description, source) or "of".
    /// </summary>
    private static bool IsNounPhrase(AttributionContext ctx, int start, int end)
    {
        var v = ctx.View;
        if (end - start > 6) return false;
        for (int t = start; t < end; t++)
        {
            if (v.Class[t] == TokenClass.Capitalized || NamesSpeaker(v.SpeakerClass[t])) continue;
            if (!NounPhraseWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(v.Doc.TokenText(t))) return false;
        }
        return LooksLikeSpeaker(ctx, start, end);
    }

    private static readonly HashSet<string> NounPhraseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "of", "'s", "’s", "-", ".", "another", "other",
        "senior", "former", "top", "chief", "local", "federal", "state",
    };

    /// <summary>Whether [start, end) is one person's name: a PER mention from its first token to its last.</summary>
    private static bool IsNamedPerson(AttributionContext ctx, int start, int end)
    {
        if (end <= start || ctx.Entities.Best(start, end) is not { } m || m.Type != EntityTypes.Person) return false;
        var doc = ctx.View.Doc;
        return doc.TokenAt(m.Span.Start) == start && doc.TokenAt(m.Span.End - 1) + 1 == end;
    }

    private static bool LooksLikeSpeaker(AttributionContext ctx, int start, int end)
    {
        var v = ctx.View;
        if (ctx.Entities.Best(start, end) is not null) return true;
        for (int t = start; t < end; t++)
            if (v.Class[t] == TokenClass.Capitalized || NamesSpeaker(ctx.Speakers.Classify(v.Doc, t))) return true;
        return false;
    }

    /// <summary>A speaker word that makes a phrase look like a speaker; a document ("the report") speaks only where a cue's source says so.</summary>
    private static bool NamesSpeaker(SpeakerWordClass cls) => cls is not (SpeakerWordClass.None or SpeakerWordClass.Document);

    private static bool HasClauseBreak(TokenView v, int start, int end)
    {
        for (int t = start; t < end; t++) if (v.Class[t] is TokenClass.Period or TokenClass.Colon) return true;
        return false;
    }

    /// <summary>Strips punctuation, quotation marks and dashes from both ends of [start, end).</summary>
    private static (int Start, int End) Trim(TokenView v, int start, int end)
    {
        while (start < end && v.Class[start] is not (TokenClass.Word or TokenClass.Capitalized or TokenClass.Number)) start++;
        while (end > start && v.Class[end - 1] is not (TokenClass.Word or TokenClass.Capitalized or TokenClass.Number or TokenClass.OtherPunct)) end--;
        return (start, end);
    }

    private static readonly HashSet<string> LeadFillers = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "but", "so", "from", "here", "here's", "this", "is", "was", "what", "said", "says", "then", "also", "now", "meanwhile", "as", "for", "its", "part",
    };

    private static readonly HashSet<string> AuxiliariesAndAdverbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "also", "later", "then", "again", "still", "previously", "recently", "repeatedly", "has", "had", "have", "was", "is", "were", "are",
        "would", "will", "had", "once", "first", "often", "publicly", "privately", "reportedly", "further", "earlier", "finally", "simply",
    };

    private static bool IsLeadFiller(ReadOnlySpan<char> word) => LeadFillers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    private static bool IsAuxiliaryOrAdverb(ReadOnlySpan<char> word) => AuxiliariesAndAdverbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
}
