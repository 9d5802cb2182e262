using Pipeline.Analyzers.Quotes.Learning;
using Pipeline.Analyzers.Quotes.Lexicon;

namespace Pipeline.Analyzers.Quotes.Detection;

/// <summary>
/// A reporting verb in the passive with its agent: "The $499 Macintosh was described by Jobs as
/// ...", "Another problem highlighted by analysts was ...", "the prime minister's spokesman was
/// asked by journalists about ...". The agent after "by" is the one who speaks or holds the view
/// (PolNeAR's source); what the verb reports is its subject ("described", "backed", "criticised")
/// or, for a verb of asking or telling, what follows the agent, the subject being the hearer.
/// </summary>
internal static class PassiveAgent
{
    /// <summary>
    /// The agent of cue [cueStart, cueEnd) when it ends on the past participle of one of
    /// <see cref="AgentVerbs"/>, maybe followed by "by", in the passive (after a form of "be") or as
    /// a reduced relative ("problem highlighted by analysts"), and "by" then opens a phrase that can
    /// name a speaker; else null.
    /// </summary>
    public static (int Start, int End)? Of(TokenView v, int cueStart, int cueEnd)
    {
        int participle = Participle(v, cueStart, cueEnd), by = participle + 1;
        if (by + 1 >= v.Count || v.WordHash[by] != ByHash || v.SentenceOf[by + 1] != v.SentenceOf[cueStart]) return null;
        if (v.CueAt[participle] is not { } entry || v.CueLength[participle] != 1 || !AgentVerbs.Contains(entry.Lemma)) return null;
        if (!IsPastParticiple(v.Doc.TokenText(participle), entry.Lemma)) return null;
        // A reduced relative hangs on a common noun: "problem highlighted by", not a name ("The House of Lords ruled by").
        bool reduced = participle > 0 && v.Class[participle - 1] == TokenClass.Word && v.SpeakerClass[participle - 1] == SpeakerWordClass.None;
        if (!AfterBe(v, participle) && !reduced) return null;
        int start = by + 1, end = AgentEnd(v, start);
        return end > start && CanNameSpeaker(v, start, end) ? (start, end) : null;
    }

    /// <summary>Whether a form of "be" comes before the participle, past adverbs ("was first", "has been widely").</summary>
    private static bool AfterBe(TokenView v, int participle)
    {
        int before = AuxiliaryStart(v, participle);
        return before < participle && BeForms.Contains(v.WordHash[before]) || IsBeAt(v, before - 1);
    }

    /// <summary>The participle of a cue that may end on "by".</summary>
    private static int Participle(TokenView v, int cueStart, int cueEnd) =>
        cueEnd - 1 > cueStart && v.WordHash[cueEnd - 1] == ByHash ? cueEnd - 2 : cueEnd - 1;

    /// <summary>Verbs whose passive subject is the hearer ("was asked by X about ...", "were told by X that ..."): the content follows the agent.</summary>
    public static bool TellsHearer(TokenView v, int cueStart, int cueEnd) =>
        v.CueAt[Participle(v, cueStart, cueEnd)] is { } entry && HearerVerbs.Contains(entry.Lemma);

    /// <summary>
    /// What a passive cue reports about: for a reduced relative, the noun phrase it hangs on
    /// ("as part of | new proposals | announced by ..."); else the subject, from the sentence's start
    /// (past a leading conjunction or fronted phrase) to the auxiliaries.
    /// </summary>
    public static (int Start, int End)? Subject(TokenView v, int cueStart, int cueEnd)
    {
        int participle = Participle(v, cueStart, cueEnd), before = AuxiliaryStart(v, participle);
        // "after being rejected by ...": the subject is the main clause's, not next to the verb; but a phrase set off
        // by commas inside its sentence hangs on the noun phrase before it ("The charity donations, | though questioned by critics, |").
        if (v.WordHash[before] == BeingHash) return null;
        if (before > 0 && Subordinators.Contains(v.WordHash[before - 1]))
            return before > 1 && v.Class[before - 2] == TokenClass.Comma ? ClauseSubject(v, before - 2) : null;
        if (!AfterBe(v, participle))
        {
            // A reduced relative: the noun phrase it hangs on.
            int first = cueStart;
            while (first > 0 && v.SentenceOf[first - 1] == v.SentenceOf[cueStart] && v.Class[first - 1] is TokenClass.Word or TokenClass.Capitalized or TokenClass.Number
                && !PhraseBreaks.Contains(v.WordHash[first - 1]) && v.CueAt[first - 1] is null
                && !v.Doc.TokenText(first - 1).EndsWith("ing", StringComparison.OrdinalIgnoreCase)) first--;
            return first < cueStart ? (first, cueStart) : null;
        }
        return ClauseSubject(v, cueStart);
    }

    /// <summary>The subject of the clause whose verb group ends before <paramref name="verbStart"/>, from the sentence's start (past a leading conjunction or fronted phrase).</summary>
    private static (int Start, int End)? ClauseSubject(TokenView v, int verbStart)
    {
        int end = verbStart;
        while (end > 0 && v.SentenceOf[end - 1] == v.SentenceOf[verbStart] && (BeForms.Contains(v.WordHash[end - 1]) || Auxiliaries.Contains(v.WordHash[end - 1])
            || Adverbs.Contains(v.WordHash[end - 1]))) end--;
        int start = v.SentenceOfToken(verbStart).FirstToken;
        while (start < end && (v.Class[start] is not (TokenClass.Word or TokenClass.Capitalized or TokenClass.Number) || Links.Contains(v.WordHash[start]))) start++;
        // "On Thursday, the plan was backed by ...": a phrase fronted before a comma is not the subject.
        if (start < end && FrontedOpeners.Contains(v.WordHash[start]))
            for (int t = start + 1; t < end - 1; t++)
                if (v.Class[t] == TokenClass.Comma) { start = t + 1; break; }
        for (int t = start; t < end; t++)
            if (v.Class[t] is TokenClass.QuoteMark or TokenClass.Colon || v.CueAt[t] is not null && t > start) return null; // another construction
        while (end > start && v.Class[end - 1] is TokenClass.Comma or TokenClass.Dash) end--; // "The $499 Macintosh, sold for £339 in the UK, | was"
        return end > start ? (start, end) : null;
    }

    private static bool IsPastParticiple(ReadOnlySpan<char> word, string lemma) =>
        !word.Equals(lemma, StringComparison.OrdinalIgnoreCase) && !word.EndsWith("ing", StringComparison.OrdinalIgnoreCase)
        && !(word.EndsWith("s", StringComparison.OrdinalIgnoreCase) && !word.EndsWith("ss", StringComparison.OrdinalIgnoreCase));

    /// <summary>The first of the adverbs and auxiliaries right before the participle ("was first", "has been widely").</summary>
    private static int AuxiliaryStart(TokenView v, int participle)
    {
        int t = participle;
        while (t > 0 && participle - t < 4 && (Adverbs.Contains(v.WordHash[t - 1]) || BeForms.Contains(v.WordHash[t - 1]))) t--;
        return t;
    }

    private static bool IsBeAt(TokenView v, int t) => t >= 0 && BeForms.Contains(v.WordHash[t]);

    /// <summary>The agent phrase from <paramref name="start"/>: up to punctuation, a clause or circumstance word, at most <see cref="MaxAgent"/> tokens.</summary>
    private static int AgentEnd(TokenView v, int start)
    {
        int sentence = v.SentenceOf[start], t = start;
        while (t < v.Count && t - start < MaxAgent && v.SentenceOf[t] == sentence && v.Class[t] is TokenClass.Word or TokenClass.Capitalized or TokenClass.Number
            && !AgentStops.Contains(v.WordHash[t]) && (v.CueAt[t] is null || v.Class[t] == TokenClass.Capitalized))
            t++;
        if (t - start >= MaxAgent) return start; // no phrase's end in sight
        // "and" and "of" only join words inside the phrase.
        while (t > start && (v.WordHash[t - 1] == AndHash || v.WordHash[t - 1] == OfHash)) t--;
        // A party and state in brackets stays with the name: "Chairman Dan Rostenkowski (D-Ill)".
        if (t > start && t + 2 < v.Count && v.Doc.TokenText(t) is "(")
            for (int close = t + 1; close < v.Count && close <= t + 6 && v.SentenceOf[close] == sentence; close++)
                if (v.Doc.TokenText(close) is ")") { t = close + 1; break; }
        return t;
    }

    /// <summary>
    /// A phrase that names someone: one opening on a name, a pronoun or a speaker noun ("by Jobs",
    /// "by analysts"), or a determiner with a name or speaker noun in it ("by the party's leadership");
    /// not "by saying ...", nor "by the nuclear holocaust".
    /// </summary>
    private static bool CanNameSpeaker(TokenView v, int start, int end)
    {
        var word = v.Doc.TokenText(start);
        if (word.EndsWith("ing", StringComparison.OrdinalIgnoreCase)) return false;
        bool possessive = Possessives.Contains(v.WordHash[start]);
        if (!possessive && (v.Class[start] == TokenClass.Capitalized || v.SpeakerClass[start] != SpeakerWordClass.None)) return true;
        // A bare plural the lexicon lacks: "by journalists", "by economists".
        if (end - start == 1 && word.EndsWith("s", StringComparison.Ordinal) && !word.EndsWith("ss", StringComparison.Ordinal)) return true;
        if (!possessive && !Determiners.Contains(v.WordHash[start])) return false;
        for (int t = start + 1; t < end; t++)
            if (v.Class[t] == TokenClass.Capitalized || v.SpeakerClass[t] != SpeakerWordClass.None) return true;
        return false;
    }

    private const int MaxAgent = 10;

    private static HashSet32 Set(string words) => new(words.Split(' ').Select(w => Hashing.Lower(w)));

    private static readonly int BeingHash = Hashing.Lower("being"), ByHash = Hashing.Lower("by"), AndHash = Hashing.Lower("and"), OfHash = Hashing.Lower("of");
    private static readonly HashSet32 BeForms = Set("is are was were be been being 's");
    private static readonly HashSet32 Auxiliaries = Set("has have had will would could can may might should must not n't also");
    private static readonly HashSet32 Adverbs = Set("also first later widely publicly repeatedly previously already recently once since again strongly heavily sharply broadly roundly quickly originally initially formally officially then never not");
    private static readonly HashSet32 Links = Set("but and so yet however");
    private static readonly HashSet32 FrontedOpeners = Set("on in at after before during last this earlier later when while although though since as if yesterday today meanwhile despite amid under with following according currently");
    private static readonly HashSet32 Subordinators = Set("though although when while if once unless as after before until since because whether");
    private static readonly HashSet32 PhraseBreaks = Set("of as for to in on by with at from into about than and or but that which who is are was were has have had");
    private static readonly HashSet32 Determiners = Set("the a an some many several both");
    private static readonly HashSet32 Possessives = Set("his her their its our my your");

    /// <summary>
    /// Verbs whose passive agent is the one who speaks, writes or holds the view (lemmas of the cue
    /// lexicon). Not the ones with other senses in the passive: "was attacked", "was dismissed" (fired),
    /// "was supported by her daughter", "bodies found by", "is known by his code name", nor the
    /// sourcing "quoted by AFP", which names the outlet.
    /// </summary>
    private static readonly HashSet<string> AgentVerbs = new(StringComparer.Ordinal)
    {
        "say", "tell", "ask", "urge", "warn", "advise", "describe", "report", "announce", "reveal", "disclose", "confirm", "deny",
        "reject", "criticise", "criticize", "condemn", "praise", "hail", "welcome", "echo", "highlight", "propose", "recommend", "suggest",
        "predict", "forecast", "estimate", "claim", "allege", "express", "voice", "question", "dispute", "challenge", "call", "dub", "label",
        "brand", "consider", "see", "regard", "view", "believe", "think", "expect", "back", "endorse", "note", "mention", "publish", "write",
        "state", "declare", "argue", "accuse", "blame", "promise", "pledge", "acknowledge", "interview", "invite", "press", "order",
    };
    private static readonly HashSet32 AgentStops = Set(
        "as to that who which whose whom when while where after before during in on at for with about over since until because if than "
        + "last this yesterday today is are was were has have had will would could can may might should must said says did does do");
    private static readonly HashSet<string> HearerVerbs = new(StringComparer.Ordinal)
    {
        "ask", "tell", "urge", "advise", "warn", "order", "press", "interview", "inform", "remind", "assure", "invite", "instruct", "quiz", "call",
    };
}
