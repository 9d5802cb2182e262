using System.Collections.Immutable;
using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Analyzers.Quotes.Learning;
using Pipeline.Analyzers.Quotes.Lexicon;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Quotes.Attribution;

/// <summary>The entity mentions of a document as token ranges, for finding speakers and antecedents.</summary>
internal sealed class EntityIndex
{
    private readonly (int Start, int End, EntityMention Mention)[] _mentions;
    private readonly TokenView _view;

    public EntityIndex(TokenView view, ImmutableArray<EntityMention> mentions)
    {
        _view = view;
        var doc = view.Doc;
        _mentions = new (int, int, EntityMention)[mentions.Length];
        for (int i = 0; i < mentions.Length; i++)
        {
            var m = mentions[i];
            int s = doc.TokenAt(m.Span.Start), e = s;
            while (e < doc.Tokens.Length && doc.Tokens[e].Span.Start < m.Span.End) e++;
            _mentions[i] = (s, Math.Max(e, s + 1), m);
        }
        Array.Sort(_mentions, (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        foreach (var m in mentions) _clusterSizes[m.ClusterId] = _clusterSizes.GetValueOrDefault(m.ClusterId) + 1;
    }

    private readonly Dictionary<string, int> _clusterSizes = [];

    /// <summary>
    /// The mentions with a MISC mention named as a news outlet ("Financial Times", "the Guardian":
    /// an outlet-name word of <see cref="BodyLexicon"/>) taken for an organisation, which speaks;
    /// the entity tagger types newspapers MISC as often as ORG.
    /// </summary>
    public static ImmutableArray<EntityMention> OutletsAsOrganizations(ImmutableArray<EntityMention> mentions, BodyLexicon bodies)
    {
        ImmutableArray<EntityMention>.Builder? retyped = null;
        for (int i = 0; i < mentions.Length; i++)
        {
            var m = mentions[i];
            if (m.Type != EntityTypes.Miscellaneous || !bodies.IsOutletName(m.CanonicalName)) continue;
            retyped ??= mentions.ToBuilder();
            retyped[i] = m with { Type = EntityTypes.Organization };
        }
        return retyped?.ToImmutable() ?? mentions;
    }

    /// <summary>How many times the document names the mention's entity: how much the story is about it.</summary>
    public int Prominence(EntityMention mention) => _clusterSizes.GetValueOrDefault(mention.ClusterId);

    /// <summary>
    /// The mention that best names a speaker within tokens [start, end): a person first, then an
    /// organisation, then a place ("Russia said"). Never a MISC mention: in "Scottish ministers
    /// said" the speakers are the ministers, not the demonym. A person in the possessive is passed
    /// over for another person named in the phrase: "Bolling's cohost, Kimberly Guilfoyle",
    /// "Sotloff's mother, Shirley", "Mr Brown's former adviser Ed Balls". So is a mention that only
    /// qualifies a person noun (<see cref="QualifiesNoun"/>). Of two of one type, one named after a
    /// description the other opens wins (<see cref="IsNamedAfterDescription"/>).
    /// </summary>
    /// <param name="notThePerson">Whether a person whose mention starts at a token is not the speaker (a relative's, an agent's).</param>
    public EntityMention? Best(int start, int end, Func<int, bool>? notThePerson = null)
    {
        EntityMention? best = null;
        int bestRank = int.MaxValue, bestEnd = -1;
        bool bestPossessive = false;
        foreach (var (s, e, m) in Within(start, end))
        {
            int rank = Rank(m.Type);
            if (rank >= NotASpeaker || QualifiesNoun(s, e, m, end) || IsHyphenModifier(s, e) || CoordinatedWithQualifier(e, end)
                || m.Type == EntityTypes.Person && notThePerson is not null && notThePerson(s)) continue;
            bool possessive = m.Type == EntityTypes.Person && IsPossessive(e);
            if (rank < bestRank || rank == bestRank && (bestPossessive && !possessive || !possessive && IsNamedAfterDescription(bestEnd, s, e, end)))
                (best, bestRank, bestPossessive, bestEnd) = (m, rank, possessive, e);
        }
        return best;
    }

    /// <summary>
    /// Whether a mention [s, e) that ends the phrase is named after a description that opens with
    /// an earlier mention ending at <paramref name="earlierEnd"/>: "City consultancy Deloitte", "Human
    /// Rights group Liberty". Words only, one to three, the last a speaker noun, between them.
    /// </summary>
    private bool IsNamedAfterDescription(int earlierEnd, int s, int e, int end)
    {
        if (e != end || earlierEnd < 0 || s - earlierEnd is < 1 or > 3) return false;
        for (int t = earlierEnd; t < s; t++)
            if (_view.Class[t] is not (TokenClass.Word or TokenClass.Capitalized) || DescriptionBreaks.Contains(_view.WordHash[t])) return false;
        return _view.SpeakerClass[s - 1] is SpeakerWordClass.PersonNoun or SpeakerWordClass.OrgNoun or SpeakerWordClass.GroupHead;
    }

    /// <summary>
    /// Whether a mention is joined by a hyphen to a lower-case word, as part of a modifier: "The
    /// Ballymena-born actor", "a London-based firm", "the Labour-led council", "anti-Putin protesters".
    /// </summary>
    private bool IsHyphenModifier(int s, int e)
    {
        var doc = _view.Doc;
        return e + 1 < _view.Count && doc.IsJoinedHyphen(e) && _view.Class[e + 1] == TokenClass.Word
            || s >= 2 && doc.IsJoinedHyphen(s - 1) && _view.Class[s - 2] == TokenClass.Word;
    }

    /// <summary>
    /// Whether a mention is the first of two names joined by "and" that together qualify a person
    /// noun: "Richard and Judy executive producer Amanda Ross", where both name the show she produces
    /// (not "Obama and Senate Majority Leader Harry Reid", two speakers).
    /// </summary>
    private bool CoordinatedWithQualifier(int e, int end)
    {
        if (e + 1 >= end || _view.Doc.TokenText(e) is not ("and" or "&")) return false;
        int t = e + 1;
        while (t < end && _view.Class[t] == TokenClass.Capitalized) t++;
        return t > e + 1 && QualifiedNoun(t, end) is { } noun && HasPerson(noun + 1, Math.Min(end, noun + 8));
    }

    private static readonly HashSet32 DescriptionBreaks = new("and or of for in at with from to by".Split(' ').Select(w => Hashing.Lower(w)));

    /// <summary>
    /// Whether a person or organisation mention only qualifies the person noun after it, who is
    /// the speaker: named after it ("Lib Dem leader Charles Kennedy", "Gartner analyst Carolina
    /// Milanesi", "Hunter spokesman Joe Kasper"), or known to the article ("The Tory leader", "the
    /// Ofsted chief"; "Tory" is sometimes typed a person). Not after "a" ("A Thomson officer", "An
    /// IBM spokesperson": an unnamed member speaks for the body), nor for a spokesman unnamed.
    /// </summary>
    private bool QualifiesNoun(int s, int e, EntityMention m, int end)
    {
        if (m.Type is not (EntityTypes.Person or EntityTypes.Organization) || QualifiedNoun(e, end) is not { } noun) return false;
        if (HasPerson(noun + 1, Math.Min(end, noun + 8))) return true;
        return s > 0 && _view.Doc.TokenText(s - 1).Equals("the", StringComparison.OrdinalIgnoreCase) && !SpeakerResolver.SpokesNouns.Contains(_view.Doc.TokenText(noun));
    }

    /// <summary>
    /// The person noun right after a mention, or after "co-", "vice", "deputy", "shadow", "party": "leader"
    /// in "Lib Dem leader", "chairman" in "Tory co-chairman"; null when none follows.
    /// </summary>
    private int? QualifiedNoun(int mentionEnd, int end)
    {
        for (int t = mentionEnd; t < end && t < mentionEnd + 3; t++)
        {
            if (_view.SpeakerClass[t] == SpeakerWordClass.PersonNoun && _view.Class[t] == TokenClass.Word) return t;
            if (_view.Class[t] != TokenClass.Dash && !TitlePrefixes.Contains(_view.Doc.TokenText(t))) return null;
        }
        return null;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TitlePrefixes =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "co", "vice", "deputy", "shadow", "party", "group" }.GetAlternateLookup<ReadOnlySpan<char>>();

    private bool IsPossessive(int mentionEnd) =>
        mentionEnd < _view.Count && _view.Doc.Tokens[mentionEnd].Kind == TokenKind.Clitic && _view.Doc.TokenText(mentionEnd) is "'s" or "’s";

    /// <summary>The longest mention starting at token <paramref name="token"/>, or null.</summary>
    public EntityMention? StartingAt(int token)
    {
        int i = LowerBound(token);
        return i < _mentions.Length && _mentions[i].Start == token ? _mentions[i].Mention : null;
    }

    /// <summary>Whether a person is named within tokens [start, end).</summary>
    public bool HasPerson(int start, int end) => Has(start, end, EntityTypes.Person);

    public bool Has(int start, int end, string type)
    {
        foreach (var (_, _, m) in Within(start, end)) if (m.Type == type) return true;
        return false;
    }

    /// <summary>
    /// The nearest mention of one of <paramref name="types"/> that ends before token <paramref name="before"/>,
    /// outside quotation marks, no earlier than token <paramref name="notBefore"/>.
    /// </summary>
    public EntityMention? NearestBefore(int before, int notBefore, params ReadOnlySpan<string> types) =>
        NearestBefore(before, notBefore, subjectsOnly: false, accept: null, types);

    /// <param name="subjectsOnly">Only a mention that opens its sentence or clause (after a comma, a colon or a conjunction) or is a passive's agent, maybe after "the" and capitalised words.</param>
    /// <param name="accept">When given, only a mention it accepts (a person of the pronoun's gender).</param>
    public EntityMention? NearestBefore(int before, int notBefore, bool subjectsOnly, Func<EntityMention, bool>? accept, params ReadOnlySpan<string> types)
    {
        int i = UpperBound(before) - 1;
        for (; i >= 0; i--)
        {
            var (s, e, m) = _mentions[i];
            if (s < notBefore) break;
            // A party typed as a person in "Tory leader Michael Howard" is no one to refer to.
            if (e > before || _view.InQuote(s) || !IsOneOf(m.Type, types) || m.Type == EntityTypes.Person && QualifiesNoun(s, e, m, before)) continue;
            if (subjectsOnly && !OpensClause(s) || accept is not null && !accept(m)) continue;
            return m;
        }
        return null;
    }

    private static bool IsOneOf(string type, ReadOnlySpan<string> types)
    {
        foreach (var t in types) if (type == t) return true;
        return false;
    }

    /// <summary>A person noun that can title a name ("boss", "coach"), not "man" or "woman" ("The woman Lung was cheating with").</summary>
    /// <summary>Most words before a firm's noun in a description that opens the sentence ("German investment | bank").</summary>
    private const int MaxFirmDescription = 3;

    private bool IsTitleNoun(int t) =>
        _view.SpeakerClass[t] == SpeakerWordClass.PersonNoun && _view.Doc.TokenText(t) is var w
        && !w.Equals("man", StringComparison.OrdinalIgnoreCase) && !w.Equals("woman", StringComparison.OrdinalIgnoreCase);

    private bool OpensClause(int token)
    {
        int t = token - 1, first = _view.SentenceOfToken(token).FirstToken;
        // Over titles and other capitalised words before the name ("Mr. Law", "Prime Minister Tony Blair",
        // "Newcastle boss Graeme Souness", the title's noun in lower case), then "the".
        bool titleNoun = false;
        for (; t >= first && (_view.Class[t] == TokenClass.Capitalized || IsTitleNoun(t)); t--)
            titleNoun |= _view.Class[t] == TokenClass.Word;
        if (t >= first && _view.Doc.TokenText(t).Equals("the", StringComparison.OrdinalIgnoreCase)) t--;
        if (t < first) return true;
        // A firm's description opening the sentence before its name: "German investment bank Deutsche Bank", "US carmaker Ford".
        if (!titleNoun && _view.SpeakerClass[t] == SpeakerWordClass.OrgNoun)
        {
            int k = t - 1;
            while (k >= first && t - k <= MaxFirmDescription && _view.Class[k] is TokenClass.Word or TokenClass.Capitalized) k--;
            if (k < first) return true;
        }
        // After a lower-case title only a sentence or a clause set off by punctuation opens: "said that president Lula", "by attorney general Eliot Spitzer" do not.
        if (titleNoun) return _view.Class[t] is TokenClass.Comma or TokenClass.Colon;
        var word = _view.Doc.TokenText(t);
        // "by" for the agent of a passive ("is expected to be opposed by the Liberal Democrats").
        return _view.Class[t] is TokenClass.Comma or TokenClass.Colon || word is "and" or "but" or "while" or "as" or "because" or "that" or "by";
    }

    /// <summary>
    /// The person the document names with <paramref name="title"/> (lower-case words): as a title
    /// before the name ("Prime Minister Tony Blair", "Tory leader Michael Howard") or in apposition
    /// after it ("Gordon Brown, the chancellor,"). The last such mention before token
    /// <paramref name="before"/>, else the first after it; null when the document has none.
    /// </summary>
    public EntityMention? Titled(IReadOnlyList<string> title, int before)
    {
        EntityMention? lastBefore = null;
        foreach (var (s, e, m) in _mentions)
        {
            if (m.Type != EntityTypes.Person || !(TitleBefore(title, s) || TitleAfter(title, e))) continue;
            if (s >= before) return lastBefore ?? m;
            lastBefore = m;
        }
        return lastBefore;
    }

    private bool TitleBefore(IReadOnlyList<string> title, int mentionStart)
    {
        int first = mentionStart - title.Count;
        if (!WordsAt(first, title)) return false;
        // A one-word title after a capitalised word is part of a longer one: "the minister" is not "First Minister Jack McConnell".
        if (title.Count == 1 && first > 0 && _view.Class[first - 1] == TokenClass.Capitalized
            && _view.SentenceOfToken(first - 1).FirstToken != first - 1) return false;
        // "Former Tory chancellor Ken Clarke": a modifier up to two words before the title makes it another office.
        var others = OtherHolders.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int t = first - 1; t >= Math.Max(0, first - 2); t--)
            if (others.Contains(_view.Doc.TokenText(t)) || _view.Doc.TokenText(t).StartsWith("ex-", StringComparison.OrdinalIgnoreCase)) return false;
        return true;
    }

    /// <summary>
    /// Whether the person's entity is titled, before its mentions, only with offices other than
    /// the one <paramref name="title"/> (lower-case words) ends with: "Chancellor Gordon Brown" and
    /// "Tory leader Michael Howard" are not "the prime minister", nor is "Deputy Prime Minister
    /// John Prescott"; "General Musharraf", also "President Musharraf", may be "the president".
    /// </summary>
    public bool HoldsOtherTitle(EntityMention person, IReadOnlyList<string> title)
    {
        _titlesByCluster ??= TitlesByCluster();
        if (!_titlesByCluster.TryGetValue(person.ClusterId, out var titles)) return false;
        return titles.Contains(OtherOffice) || !titles.Contains(title[^1], StringComparer.OrdinalIgnoreCase);
    }

    private const string OtherOffice = "(other office)";

    /// <summary>
    /// Whether the person is written, before one of its mentions, with the head of
    /// <paramref name="title"/> and a capitalised word the title does not hold: "Norfolk police
    /// chief Andy Hayman" is not "the Metropolitan police chief".
    /// </summary>
    public bool TitledForOtherBody(EntityMention person, IReadOnlyList<string> title)
    {
        var doc = _view.Doc;
        foreach (var (s, _, m) in _mentions)
        {
            if (m.ClusterId != person.ClusterId) continue;
            int t = s - 1;
            if (t >= 0 && CourtesyTitles.Contains(doc.TokenText(t).ToString())) t--;
            if (t < 0 || !doc.TokenText(t).Equals(title[^1], StringComparison.OrdinalIgnoreCase)) continue;
            for (int k = 0; k < 4 && --t >= 0 && _view.Class[t] is TokenClass.Word or TokenClass.Capitalized; k++)
            {
                var word = doc.TokenText(t).ToString();
                bool held = title.Contains(word, StringComparer.OrdinalIgnoreCase);
                // A capitalised word opening the sentence counts only as a named body or place ("Norfolk", not "The").
                if (_view.Class[t] == TokenClass.Capitalized && !held
                    && (_view.SentenceOfToken(t).FirstToken != t || Has(t, t + 1, EntityTypes.Location) || Has(t, t + 1, EntityTypes.Organization)))
                    return true;
                if (_view.Class[t] == TokenClass.Word && !held) break; // the title ends: "fired FBI director James Comey"
            }
        }
        return false;
    }

    private Dictionary<string, List<string>>? _titlesByCluster;

    /// <summary>The title words written right before each person cluster's mentions (a courtesy title skipped), with "deputy", "former"... as words of another office.</summary>
    private Dictionary<string, List<string>> TitlesByCluster()
    {
        var byCluster = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var doc = _view.Doc;
        foreach (var (s, _, m) in _mentions)
        {
            if (m.Type != EntityTypes.Person) continue;
            string cluster = m.ClusterId;
            int t = s - 1;
            if (t >= 0 && CourtesyTitles.Contains(doc.TokenText(t).ToString())) t--;
            // The title runs back from the name over title words and capitalised modifiers ("Education Secretary", "Middlesbrough mayor").
            for (int k = 0; k < 4 && t >= 0 && _view.Class[t] is TokenClass.Word or TokenClass.Capitalized; k++, t--)
            {
                var word = doc.TokenText(t).ToString();
                bool office = _view.SpeakerClass[t] == SpeakerWordClass.PersonNoun || OtherHolders.Contains(word);
                if (!office)
                {
                    if (_view.Class[t] == TokenClass.Capitalized) continue;
                    break;
                }
                if (!byCluster.TryGetValue(cluster, out var words)) byCluster.Add(cluster, words = []);
                words.Add(OtherHolders.Contains(word) ? OtherOffice : word.ToLowerInvariant());
            }
        }
        return byCluster;
    }

    private static readonly HashSet<string> CourtesyTitles = new(StringComparer.OrdinalIgnoreCase) { "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr." };

    /// <summary>Whether the word makes a title another office ("former", "deputy", "shadow").</summary>
    public static bool IsOtherHolder(string word) => OtherHolders.Contains(word);

    /// <summary>Words that make a title another office: "Deputy Prime Minister", "shadow chancellor", "former Tory chancellor".</summary>
    private static readonly HashSet<string> OtherHolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "deputy", "shadow", "former", "ex", "vice", "junior", "assistant", "acting", "then", "late", "future",
        "outgoing", "incoming", "previous", "interim", "would-be",
    };

    private bool TitleAfter(IReadOnlyList<string> title, int mentionEnd)
    {
        var doc = _view.Doc;
        int t = mentionEnd;
        if (t >= doc.Tokens.Length || _view.Class[t] != TokenClass.Comma) return false;
        t++;
        if (t < doc.Tokens.Length && (doc.TokenText(t).Equals("the", StringComparison.OrdinalIgnoreCase) || doc.TokenText(t).Equals("a", StringComparison.OrdinalIgnoreCase))) t++;
        if (!WordsAt(t, title)) return false;
        // The apposition closes: "After meeting Rice, the prime minister said" is no title of Rice's.
        t += title.Count;
        return t == doc.Tokens.Length || _view.Class[t] is TokenClass.Comma or TokenClass.Period or TokenClass.OtherPunct;
    }

    /// <summary>Whether the tokens from <paramref name="at"/> are <paramref name="words"/>, ignoring case.</summary>
    private bool WordsAt(int at, IReadOnlyList<string> words)
    {
        if (at < 0 || at + words.Count > _view.Doc.Tokens.Length) return false;
        for (int k = 0; k < words.Count; k++)
            if (!_view.Doc.TokenText(at + k).Equals(words[k], StringComparison.OrdinalIgnoreCase)) return false;
        return true;
    }

    private IEnumerable<(int Start, int End, EntityMention Mention)> Within(int start, int end)
    {
        for (int i = LowerBound(start); i < _mentions.Length && _mentions[i].Start < end; i++)
            if (_mentions[i].End <= end) yield return _mentions[i];
    }

    private const int NotASpeaker = 3;

    private static int Rank(string type) => type switch
    {
        EntityTypes.Person => 0,
        EntityTypes.Organization => 1,
        EntityTypes.Location => 2,
        _ => NotASpeaker,
    };

    private int LowerBound(int token)
    {
        int lo = 0, hi = _mentions.Length;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (_mentions[mid].Start < token) lo = mid + 1; else hi = mid; }
        return lo;
    }

    private int UpperBound(int token) => LowerBound(token);
}
