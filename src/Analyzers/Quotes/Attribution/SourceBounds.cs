using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Analyzers.Quotes.Learning;
using Pipeline.Analyzers.Quotes.Lexicon;

namespace Pipeline.Analyzers.Quotes.Attribution;

/// <summary>
/// PolNeAR's bounds for a written source, applied to whatever sieve or model found it: the source
/// is the speaker's noun phrase with its appositives, not the adverbial clause that opens the
/// sentence ("In offering analysis of the election, | longtime pollster Pat Caddell said") nor a
/// circumstance of the speech set off by a comma ("Trump, | speaking to a veterans group, said";
/// "Rep. Cummings, the top Democrat on the committee, | in a statement, said"). Both repairs were
/// checked on PolNeAR train (net +37 sources) and dev (+10, none lost).
/// </summary>
internal static class SourceBounds
{
    /// <param name="cueStart">The quote's cue's first token, -1 when it has none.</param>
    /// <param name="cues">The document's cue tokens and the speaker words, when known.</param>
    public static (int Start, int End) Trim(TokenView v, int start, int end, int cueStart = -1, (CueMarks Marks, SpeakerLexicon Speakers)? cues = null)
    {
        if (cues is { } c) end = BeforeReportingRelative(v, start, end, c.Marks, c.Speakers);
        start = OverCoordinatedName(v, start);
        start = OverNameBeforeTitle(v, start, end);
        end = OverPossessedNoun(v, end, cueStart);
        // A participle cue (", saying", ", adding") reports for the clause's subject, verb and all.
        if (end <= cueStart && !v.Doc.TokenText(cueStart).EndsWith("ing", StringComparison.Ordinal)) start = AfterEmbeddingClause(v, start, end);
        // But right after "with" it has its own subject: "Berlin welcomed the decision, with | finance minister Hans Eichel | saying".
        if (end == cueStart && v.Doc.TokenText(cueStart).EndsWith("ing", StringComparison.Ordinal)) start = AfterWith(v, start, end);
        start = AfterLeadingLink(v, start, end);
        start = AfterLeadingAdverbial(v, start, end);
        start = AfterLeadingTime(v, start, end);
        start = AfterFrontedPhrase(v, start, end);
        end = BeforeCircumstance(v, start, end);
        // A comma or colon that closes the phrase is not the source's: "As a result, says the committee, | the government ...",
        // "Said Ellis: | ..."; nor an adverb of the verb after it ("Mr Sharon | again said", "she | only told": PolNeAR never ends a source so).
        while (end - start > 1 && (v.Class[end - 1] is TokenClass.Comma or TokenClass.Colon
                                   || v.Class[end - 1] == TokenClass.Word && VerbAdverbs.Contains(v.WordHash[end - 1]))) end--;
        return (start, end);
    }

    /// <summary>
    /// The subject of a cue is no clause of its own: a source before its cue that holds a finite
    /// reporting verb ("Andrew Marr says | Mr Blair", "BBC correspondent Shaun Ley says | opinion
    /// polls") or a clause joined by "and"/"but" ("business confidence has dipped and | analysts",
    /// "nine peacekeepers were killed and | President Jacques Chirac") starts after it, where a
    /// noun phrase with no finite verb of its own follows. Not past a relative pronoun ("Clare
    /// Short, who resigned over the war,"), nor into a verb's object ("Nicola Sturgeon wrote | to
    /// Mr McConnell", "Sotloff says | he is"), nor inside a name ("the Securities and Exchange
    /// Commission").
    /// </summary>
    private static int AfterEmbeddingClause(TokenView v, int start, int end)
    {
        int from = start;
        bool verb = false;
        for (int t = start; t < end - 1; t++)
        {
            int w = v.WordHash[t];
            if (Relatives.Contains(w)) break;
            if (Told.Contains(w) && v.Class[t] == TokenClass.Word && SubjectAfterHearer(v, t + 1, end) is int subject)
            {
                // "Mr Blair told Labour members | the Tories", "Charles Kennedy has told voters | his Liberal Democrats".
                from = subject;
                verb = false;
                t = subject - 1;
            }
            else if ((FiniteReportingVerbs.Contains(w) || NounLikeReportingVerbs.Contains(w) && v.WordHash[t + 1] == That) && v.Class[t] == TokenClass.Word)
            {
                int next = v.WordHash[t + 1] == That ? t + 2 : t + 1;
                if (next < end && OpensSubject(v, next)) from = next;
                verb = false;
            }
            else if (FiniteVerbs.Contains(w) && t > from && v.WordHash[t - 1] != To) verb = true;
            else if (verb && ClauseJoiners.Contains(w) && !(v.Class[t - 1] == TokenClass.Capitalized && v.Class[t + 1] == TokenClass.Capitalized))
            {
                // "and then | state and local leaders", "and now | the German regulator"
                int next = TimeAdverbs.Contains(v.WordHash[t + 1]) && t + 2 < end ? t + 2 : t + 1;
                if (!OpensSubject(v, next)) continue;
                from = next;
                verb = false;
            }
        }
        if (from == start) return start;
        for (int t = from; t < end; t++)
            if (FiniteVerbs.Contains(v.WordHash[t])) return start;
        return from;
    }

    /// <summary>
    /// After "told" and its hearer (one to four words: "Labour members", "voters"), where the told
    /// clause's subject opens on a determiner, a possessive or a subject pronoun; null otherwise.
    /// </summary>
    private static int? SubjectAfterHearer(TokenView v, int hearer, int end)
    {
        for (int t = hearer + 1; t < end && t - hearer <= 4; t++)
        {
            if (!IsWord(v, t - 1) || NotSubjectOpeners.Contains(v.WordHash[t - 1]) || ClauseOpeners.Contains(v.WordHash[t - 1])) return null;
            // A pronoun is the whole subject: "jurors | he met frequently with ..." holds a verb of its own.
            if (SubjectPronouns.Contains(v.WordHash[t])) return t + 1 == end ? t : null;
            if (ClauseOpeners.Contains(v.WordHash[t]) && t + 1 < end) return t;
        }
        return null;
    }

    private static readonly HashSet32 Told = new("told tells".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly HashSet32 ClauseOpeners = new("the his her their its he she they we".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly HashSet32 SubjectPronouns = new("he she they we".Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>
    /// After the last "with" of the span when a short noun phrase follows it up to the cue, the
    /// subject of an absolute construction ("with analysts saying", "with election coordinator Alan
    /// Milburn accusing"); else the span's start.
    /// </summary>
    private static int AfterWith(TokenView v, int start, int end)
    {
        for (int t = end - 2; t >= start && end - t <= MaxWithSubject; t--)
        {
            if (v.Class[t] is TokenClass.Comma or TokenClass.Period or TokenClass.Colon || FiniteVerbs.Contains(v.WordHash[t])) return start;
            if (v.WordHash[t] == With && t > start) return OpensSubject(v, t + 1) ? t + 1 : start;
        }
        return start;
    }

    private const int MaxWithSubject = 8;

    /// <summary>Whether a noun phrase may open at the token: a word that is no preposition, verb or adverb.</summary>
    private static bool OpensSubject(TokenView v, int t)
    {
        if (!IsWord(v, t)) return false;
        int w = v.WordHash[t];
        return !NotSubjectOpeners.Contains(w) && !FiniteVerbs.Contains(w) && !v.Doc.TokenText(t).EndsWith("ly", StringComparison.Ordinal);
    }

    /// <summary>Reporting verbs in a form that is only finite: not "-ed" forms that are also participles ("a poll released in
    /// August"), nor "-s" forms that are also plural nouns ("states", "claims"), nor "told" and "wrote" (a hearer may come next).</summary>
    private static readonly HashSet32 FiniteReportingVerbs = new(
        "says said thinks thought believes suggests argues insists warns adds".Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>"-s" forms of reporting verbs that are also plural nouns: a verb only before "that" ("the video claims that | seven in 10 women").</summary>
    private static readonly HashSet32 NounLikeReportingVerbs = new("claims states reports notes".Split(' ').Select(w => Hashing.Lower(w)));

    private static readonly HashSet32 TimeAdverbs = new("then now".Split(' ').Select(w => Hashing.Lower(w)));

    private static readonly HashSet32 FiniteVerbs = new(
        "is are was were has have had will would can could may might should must did does do".Split(' ').Select(w => Hashing.Lower(w)));

    private static readonly HashSet32 NotSubjectOpeners = new(
        "in on at of to for with from by about over during after before since under into than as instead then now also"
            .Split(' ').Select(w => Hashing.Lower(w)));

    private static readonly HashSet32 Relatives = new("who which whose whom".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly HashSet32 ClauseJoiners = new("and but".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly int To = Hashing.Lower("to"), That = Hashing.Lower("that");

    /// <summary>
    /// After punctuation or a conjunction that links the sentence to the one before: ", | lead
    /// manager Union Bank of Switzerland said", "But | opponents of the bill said" (PolNeAR leaves
    /// "But" out of 763 of the 767 train sources it opens).
    /// </summary>
    private static int AfterLeadingLink(TokenView v, int start, int end)
    {
        while (end - start > 1 && (v.Class[start] is TokenClass.Comma or TokenClass.Colon or TokenClass.Dash or TokenClass.Period
            || LinkingConjunctions.Contains(v.WordHash[start]) && IsWord(v, start + 1)))
            start++;
        return start;
    }

    private static readonly HashSet32 LinkingConjunctions = new("but and so yet".Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>After "In …, " / "While …, " / "Asked …, " / "Reached by phone …, " at the start of the span, when a word follows the comma.</summary>
    private static int AfterLeadingAdverbial(TokenView v, int start, int end)
    {
        if (end - start < 3 || !AdverbialOpeners.Contains(v.WordHash[start])) return start;
        for (int t = start + 2; t < end - 1; t++)
            if (v.Class[t] == TokenClass.Comma)
                return IsWord(v, t + 1) ? t + 1 : start;
        return start;
    }

    /// <summary>
    /// After a time that opens the span with no comma before the name ("In October | Tory leader
    /// Michael Howard said", "on Wednesday | Mr Straw", "Earlier | Lib Dem ... Mark Oaten said", "Meanwhile | the Tories"): the
    /// word is the sentence's, not the speaker's. Only before a capitalised word or a determiner;
    /// not the months that are also names (April, May, June, August). Not a participle: most
    /// capitalised -ing words there open a name ("Downing Street", "Housing Minister Keith Hill").
    /// </summary>
    private static int AfterLeadingTime(TokenView v, int start, int end)
    {
        // "on Wednesday | Mr Straw", "in 1946 | Winston Churchill": a preposition and its day, month or year.
        if (end - start >= 3 && TimePrepositions.Contains(v.WordHash[start])
            && (LeadingTimes.Contains(v.WordHash[start + 1]) && v.Class[start + 1] == TokenClass.Capitalized || v.Class[start + 1] == TokenClass.Number))
            return v.Class[start + 2] == TokenClass.Capitalized || Determiners.Contains(v.WordHash[start + 2]) ? start + 2 : start;
        if (end - start < 2 || v.Class[start] != TokenClass.Capitalized || !LeadingTimes.Contains(v.WordHash[start])) return start;
        int next = start + 1;
        return v.Class[next] == TokenClass.Capitalized || Determiners.Contains(v.WordHash[next]) ? next : start;
    }

    /// <summary>
    /// After a phrase fronted with no comma: "During the interview | Mr Blair", "During his time on the
    /// witness stand | Mr Sullivan", "During the meeting | the Russians", "At the end of the note |
    /// Leelah". The preposition opens the span and its object opens with a determiner, a possessive or
    /// a number; the speaker starts at the first name after a lower-case word that is no preposition,
    /// or at a determiner after one. Not "At least ...".
    /// </summary>
    private static int AfterFrontedPhrase(TokenView v, int start, int end)
    {
        if (end - start < 4 || v.Class[start] != TokenClass.Capitalized || !FrontedPrepositions.Contains(v.WordHash[start])
            || !(Determiners.Contains(v.WordHash[start + 1]) || v.Class[start + 1] == TokenClass.Number)) return start;
        for (int t = start + 3; t < end; t++)
        {
            if (v.Class[t - 1] != TokenClass.Word || NotSubjectOpeners.Contains(v.WordHash[t - 1]) || Determiners.Contains(v.WordHash[t - 1])) continue;
            if (v.Class[t] == TokenClass.Capitalized || Determiners.Contains(v.WordHash[t]) && v.WordHash[t] != A && v.WordHash[t] != An) return t;
            if (v.Class[t] is not (TokenClass.Word or TokenClass.Number)) return start;
        }
        return start;
    }

    private static readonly HashSet32 FrontedPrepositions = new("during at in on after before since following amid despite throughout under".Split(' ').Select(w => Hashing.Lower(w)));

    private static readonly HashSet32 VerbAdverbs = new(
        "also again still now then only just already later earlier often once never always repeatedly further reportedly allegedly"
            .Split(' ').Select(w => Hashing.Lower(w)));

    private static readonly HashSet32 TimePrepositions = new("on in at during by since until after before".Split(' ').Select(w => Hashing.Lower(w)));

    private static readonly HashSet32 LeadingTimes = new(
        ("january february march july september october november december monday tuesday wednesday thursday friday saturday sunday " +
         "earlier later meanwhile yesterday today").Split(' ').Select(w => Hashing.Lower(w)));

    private static readonly HashSet32 Determiners = new("the a an his her their its".Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>
    /// Over the noun a source's name possesses when only it stands before the cue: "Clinton | 's
    /// campaign | said", "Trump | ’s official campaign account | tweeted" (the body or account
    /// speaks, as PolNeAR writes it). At most four words, no auxiliary, preposition or pronoun among them.
    /// </summary>
    private static int OverPossessedNoun(TokenView v, int end, int cueStart)
    {
        // A name possesses: "It's", "He's" are "it is", "he is".
        if (end >= cueStart || v.Doc.TokenText(end) is not ("'s" or "’s") || v.Class[end - 1] != TokenClass.Capitalized
            || IsPronoun(v, end - 1) || NotPossessors.Contains(v.WordHash[end - 1])) return end;
        for (int t = end + 1; t < cueStart; t++)
            if (v.Class[t] is not (TokenClass.Word or TokenClass.Capitalized) || FiniteVerbs.Contains(v.WordHash[t]) || NounPhraseBreaks.Contains(v.WordHash[t])
                || IsPronoun(v, t)) return end;
        return cueStart - end is > 1 and <= 5 ? cueStart : end;
    }

    private static bool IsPronoun(TokenView v, int t) =>
        v.SpeakerClass[t] is SpeakerWordClass.PronounPerson or SpeakerWordClass.PronounGroup or SpeakerWordClass.PronounSelf;

    private static readonly HashSet32 NounPhraseBreaks = new("in on at of for with to from by about as and or".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly HashSet32 NotPossessors = new("it he she that there what here who this where how let".Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>
    /// Over a name coordinated with the source: "Mr. Grassley and | Mr. Leahy said", "emails from
    /// | Obama and | Clinton". The name opens its sentence or follows a comma, a dash, a quotation
    /// mark or a word that opens a noun phrase ("by", "from", "when"); after a verb it is an object
    /// ("Sanders has demonized Wall Street and | Mr. Trump"). PolNeAR train keeps such a name in the
    /// source 95 times and leaves it out 14 times, always but once after a verb or a description.
    /// </summary>
    private static int OverCoordinatedName(TokenView v, int start)
    {
        if (start < 2 || v.WordHash[start - 1] != And || v.Class[start] != TokenClass.Capitalized) return start;
        int sentenceStart = v.SentenceOfToken(start).FirstToken, first = start - 1;
        while (first > sentenceStart && v.Class[first - 1] == TokenClass.Capitalized) first--;
        if (first == start - 1) return start;
        bool opens = first == sentenceStart || v.Class[first - 1] is TokenClass.Comma or TokenClass.Dash or TokenClass.QuoteMark
            || NameCoordinationOpeners.Contains(v.WordHash[first - 1]);
        if (!opens) return start;
        return v.WordHash[first] == Both ? first + 1 : first; // "Both | Mr. King and Mr. Schultz"
    }

    /// <summary>
    /// Over the name a lower-case title is in apposition to, when the title alone was taken for the
    /// source: "\"...,\" Stephen G. Jerritts, | president and chief operating officer said". The
    /// name follows a closing quotation mark or opens the sentence, and the title ends on a person noun.
    /// </summary>
    private static int OverNameBeforeTitle(TokenView v, int start, int end)
    {
        if (start < 2 || v.Class[start] != TokenClass.Word || v.Class[start - 1] != TokenClass.Comma
            || v.SpeakerClass[end - 1] != SpeakerWordClass.PersonNoun) return start;
        int sentenceStart = v.SentenceOfToken(start).FirstToken, first = start - 1;
        while (first > sentenceStart && v.Class[first - 1] == TokenClass.Capitalized) first--;
        if (start - 1 - first < 2) return start; // a name of two words at least: "Stephen G. Jerritts"
        return first == sentenceStart || v.Class[first - 1] == TokenClass.QuoteMark ? first : start;
    }

    private static readonly int And = Hashing.Lower("and"), Both = Hashing.Lower("both");
    private static readonly HashSet32 NameCoordinationOpeners = new(
        "by from when while as with among between that both".Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>
    /// Before a relative clause set off by a comma that reports on its own: "Mr. Obama | , who
    /// understood that a legislative push would be fruitless, ..." (its cue has "who" for source).
    /// PolNeAR leaves such a clause out of the source before the cue 71 times in train and keeps it
    /// 6 times; a relative clause with no cue it keeps 131 times and leaves out 69. One that says
    /// who the speaker is stays: "one dealer, who asked not to be named," is an anonymous source,
    /// "the massage therapist, who calls herself Jasmine Tridevil," a named one.
    /// </summary>
    private static int BeforeReportingRelative(TokenView v, int start, int end, CueMarks cues, SpeakerLexicon speakers)
    {
        for (int t = start + 1; t < end - 1; t++)
        {
            if (v.Class[t] != TokenClass.Comma || !Relatives.Contains(v.WordHash[t + 1])) continue;
            int clauseEnd = t + 2;
            while (clauseEnd < end && v.Class[clauseEnd] != TokenClass.Comma) clauseEnd++;
            if (!cues.Any(t + 2, clauseEnd)) continue;
            return NamesOrHidesSpeaker(v, t + 2, clauseEnd, speakers) ? end : t;
        }
        return end;
    }

    private static bool NamesOrHidesSpeaker(TokenView v, int start, int end, SpeakerLexicon speakers)
    {
        for (int t = start; t < end; t++)
        {
            if (speakers.Classify(v.Doc, t, end, out _) == SpeakerWordClass.Anonymity) return true;
            if (!NamingWords.Contains(v.WordHash[t])) continue;
            int name = t + 1 < end && v.WordHash[t + 1] == As ? t + 2 : t + 1; // "identified as Dr. Gwen Korovin"
            if (name < end && v.Class[name] == TokenClass.Capitalized) return true;
        }
        return false;
    }

    /// <summary>Words before the name a relative clause gives the speaker: "calls herself", "identified as", "is named".</summary>
    private static readonly HashSet32 NamingWords = new("herself himself themselves named called identified".Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>Before the first ", speaking …" / ", in a statement" / ", at a …" after the speaker's first word.</summary>
    private static int BeforeCircumstance(TokenView v, int start, int end)
    {
        for (int t = start + 1; t < end - 1; t++)
            if (v.Class[t] == TokenClass.Comma && OpensCircumstance(v, t + 1, end)) return t;
        return end;
    }

    /// <summary>
    /// A phrase after a comma that says when, where or how the words were said, not who said them:
    /// ", speaking on ...", ", at a ...", ", in a statement", ", in his ruling", ", after a meeting with
    /// ...", ", despite warning ...", ", as reported by ...", ", with debts of ...", ", on the other hand"
    /// (PolNeAR puts such a phrase right after 65 sources in train and dev and inside 4). Not ", in
    /// Texas" or ", at Citigroup", which place or affiliate the speaker, nor ", as well as his deputy".
    /// </summary>
    private static bool OpensCircumstance(TokenView v, int t, int end)
    {
        var doc = v.Doc;
        if (v.Class[t] == TokenClass.Word && doc.TokenText(t).EndsWith("ing", StringComparison.Ordinal) && !NounLikeIngWords.Contains(v.WordHash[t])) return true;
        if (v.Class[t] == TokenClass.Word && CircumstanceOpeners.Contains(v.WordHash[t])) return true;
        if (t + 1 >= end) return false;
        int w = v.WordHash[t], next = v.WordHash[t + 1];
        if (w == At && (next == A || next == An)) return true;
        // "in his ruling", "in a typical act of ...", "as reported by", "with debts of": a lower-case word after the preposition.
        bool lowerNext = v.Class[t + 1] == TokenClass.Word;
        return lowerNext && (w == In && next != Particular || w == As && next != Well || w == With || w == On && next == The);
    }

    private static readonly HashSet32 CircumstanceOpeners = new("after despite during following while when before".Split(' ').Select(w => Hashing.Lower(w)));
    private static readonly int As = Hashing.Lower("as"), Well = Hashing.Lower("well"), With = Hashing.Lower("with"), On = Hashing.Lower("on"),
        The = Hashing.Lower("the"), Particular = Hashing.Lower("particular");

    private static bool IsWord(TokenView v, int t) => v.Class[t] is TokenClass.Word or TokenClass.Capitalized or TokenClass.Number;

    private static readonly int At = Hashing.Lower("at"), A = Hashing.Lower("a"), An = Hashing.Lower("an"), In = Hashing.Lower("in");

    /// <summary>Words that open an adverbial clause or phrase before the subject.</summary>
    private static readonly HashSet32 AdverbialOpeners = new(
        ("in under while after before if as when since although though during at on for with without despite speaking asked unlike like even " +
         "reached contacted interviewed pressed questioned responding writing addressing").Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>-ing words that continue a description rather than open a circumstance ("including", "managing director", "ranking member").</summary>
    private static readonly HashSet32 NounLikeIngWords = new(
        "including managing ranking founding acting outgoing incoming visiting presiding".Split(' ').Select(w => Hashing.Lower(w)));
}
