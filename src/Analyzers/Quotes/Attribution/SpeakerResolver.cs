using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Analyzers.Quotes.Lexicon;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Quotes.Attribution;

/// <summary>
/// Decides who a written speaker span refers to: a named entity in it, an anonymous or vague
/// source, or a pronoun or description resolved to an earlier speaker or the nearest compatible
/// entity (a person for he/she and "the governor", an organisation for "the company").
/// </summary>
internal static class SpeakerResolver
{
    private static readonly HashSet<string> UnnamedMembers = new(StringComparer.OrdinalIgnoreCase) { "one", "another", "others" };

    /// <summary>How far back (in paragraphs) a pronoun or description looks for its referent.</summary>
    private const int ReachParagraphs = 3;

    public static ResolvedSpeaker Resolve(AttributionContext ctx, QuoteInfo quote, int start, int end)
    {
        var v = ctx.View;
        var doc = v.Doc;
        var span = TextSpan.FromBounds(doc.Tokens[start].Span.Start, doc.Tokens[end - 1].Span.End);
        string text = doc.GetString(span);

        if (HasAnonymityMarker(ctx, start, end)) return new(SpeakerKind.Anonymous, text, null, span);
        // "\"...,\" one said", "another added": one of a group, unnamed.
        if (end == start + 1 && UnnamedMembers.Contains(text)) return new(SpeakerKind.Anonymous, text, null, span);
        // Who is named before a modifier, unless the modifier names them ("who calls herself ..."):
        // the firms and places in it are not the speaker.
        var modifier = ModifierStart(ctx, start, end);
        int phraseEnd = modifier ?? end;
        var namedInModifier = modifier is { } m ? NamedInModifier(ctx, m + 1, end) : null;
        bool person = namedInModifier is not null || ctx.Entities.HasPerson(start, phraseEnd);
        var (head, headClass) = Head(ctx, start, phraseEnd);
        if (headClass == SpeakerWordClass.None && IsAge(doc, phraseEnd - 1) && IsDefinite(doc, start, phraseEnd - 1)) // "the 34-year-old said"
            return Described(StoryPerson(ctx, quote, start), text, span);
        if (end == start + 1 && PossessiveClass(doc.TokenText(start)) is { } possessive) headClass = possessive; // "His claims that ..."
        // A document speaks for whose it is: "its report said" as "it said".
        if (headClass == SpeakerWordClass.Document && head > start && PossessiveClass(doc.TokenText(start)) is { } owner) headClass = owner;
        // "Officials said", "a Labour source": no one named. "Analysts said" too, but "analysts at Citigroup" speak for a body.
        if (headClass == SpeakerWordClass.VagueHead && !person
            || headClass == SpeakerWordClass.GroupHead && !person && !ctx.Entities.Has(start, phraseEnd, EntityTypes.Organization))
            return new(SpeakerKind.Anonymous, text, null, span);
        if ((namedInModifier ?? ctx.Entities.Best(start, phraseEnd, t => IsNamedInOfPhrase(v, head, phraseEnd, t))) is { } named && !IsPlaceModifier(doc, named, head))
        {
            // "the Trade and Industry Secretary", "the Salford MP": an office of the body or place, held by someone of the story.
            if (namedInModifier is null && IsOfficeOf(ctx, named, start, head, headClass) && OfficeHolder(ctx, quote, start, head, MentionRule.SubjectFirst, ofBody: true) is { } holder)
                return new(SpeakerKind.Named, text, holder, span);
            return new(SpeakerKind.Named, text, named, span);
        }
        if (IsNationality(ctx, start, phraseEnd)) // "said the Dutchman"
            return Described(StoryPerson(ctx, quote, start), text, span);
        if (end == start + 1 && RelativeAntecedentTypes(doc.TokenText(start)) is { } types)
        {
            if (RelativeAntecedent(ctx, start, types) is { } antecedent) return Described(antecedent, text, span);
            // No name before it: "who" speaks for the noun phrase it hangs on ("Sources within Apple, who have used ...",
            // "some senior police officers who fear"), resolved as if written as the speaker.
            return AntecedentPhrase(ctx, start) is var (a, b) && RelativeSpeaker(ctx, quote, a, b, which: types == GroupTypes) is { } phrase
                ? phrase with { Span = span } : Described(null, text, span);
        }

        switch (headClass)
        {
            case SpeakerWordClass.PronounPerson:
                return Pronoun(ctx, quote, start, text, span, plural: false, Antecedent(ctx, quote, start, PersonTypes, PersonTypes, MentionRule.SubjectFirst,
                    plural: false, gender: PronounGender(text)));
            case SpeakerWordClass.PronounGroup when IsExpletiveIt(doc, start, end):
                return new(SpeakerKind.Unknown, text, null, span);
            case SpeakerWordClass.PronounGroup:
                // "they" may stand for unnamed people ("officials said ... . They added"); "it" for no unnamed source.
                // Else the last organisation or place that spoke ("Russia said ... It added"), or an organisation that was
                // the subject of its clause ("The NAO urged ... It said"): a place or firm named in passing ("Official
                // sources said Pakistan ... They said", "... to J.C. Penney Co Inc ... It said") is seldom the speaker.
                bool? they = text.Equals("they", StringComparison.OrdinalIgnoreCase) || text.Equals("their", StringComparison.OrdinalIgnoreCase) ? true : null;
                return Pronoun(ctx, quote, start, text, span, they, Antecedent(ctx, quote, start, GroupTypes,
                    mentionTypes: OrganizationTypes, MentionRule.SubjectOnly, plural: they));
            case SpeakerWordClass.PronounSelf:
                return new(SpeakerKind.Pronoun, text, null, span);
            case SpeakerWordClass.OrgNoun when IsDefinite(doc, start, head):
                return Described(DescribedBody(ctx, quote, start, head), text, span);
            case SpeakerWordClass.PersonNoun when IsDefinite(doc, start, head):
                return Described(OfficeHolder(ctx, quote, start, head, MentionRule.Nearest, ofBody: false), text, span);
        }
        bool capitalized = false, namesSomeone = false;
        for (int t = start; t < phraseEnd; t++)
        {
            bool word = v.Class[t] == TokenClass.Capitalized && t != v.SentenceOfToken(t).FirstToken;
            capitalized |= word;
            namesSomeone |= word && !ctx.Entities.Has(t, t + 1, EntityTypes.Miscellaneous); // a demonym names no one: "a senior Iraqi lawmaker"
        }
        // "One analyst said", "a lawyer told": someone unnamed, as "a source" is (a spokesman speaks for a named body).
        if (!namesSomeone && headClass == SpeakerWordClass.PersonNoun && IsIndefinite(doc, start, head) && !SpokesNouns.Contains(doc.TokenText(head)))
            return new(SpeakerKind.Anonymous, text, null, span);
        if (!namesSomeone && headClass == SpeakerWordClass.PersonNoun && SpokesNouns.Contains(doc.TokenText(head))
            && SpokesPrincipal(ctx, quote, start, head, end) is { } principal)
            return new(SpeakerKind.Named, text, principal, span);
        return new(capitalized ? SpeakerKind.Named : SpeakerKind.Unknown, text, null, span);
    }

    /// <summary>
    /// The body a definite description of an organisation stands for. "The party said", "the bank
    /// said", "the statistics office": an organisation whose name holds the description's words
    /// ("the Labour Party", "Bank of America", "Federal Statistics Office") rather than the nearest
    /// one, which is often another kind of body ("the Senate"), unless the nearest is named more
    /// often in the story ("ABN Amro", not "Deutsche Bank" named once in passing). Not for a bare
    /// "the group", which is as often a band or an army. "The paper said": the news outlet named
    /// before, never another kind of body.
    /// </summary>
    /// <param name="rule">Which mention of a body goes unnamed: by default the nearest for "the company said", unless the
    /// body that spoke last was named after it ("Banner said ... an offering made through Drexel ... . ..., the company
    /// said"), and the nearest for "the group"; one that opens its clause for "a company spokesman", who seldom speaks
    /// for a firm named in passing.</param>
    private static EntityMention? DescribedBody(AttributionContext ctx, QuoteInfo quote, int start, int head, MentionRule? rule = null)
    {
        var doc = ctx.View.Doc;
        // "The group" is as often a militant or campaign group named in passing ("the extremist group Boko Haram")
        // as the body that spoke last.
        var mentionRule = rule ?? (doc.TokenText(head).Equals("group", StringComparison.OrdinalIgnoreCase) ? MentionRule.Nearest : MentionRule.SpeakerOverPassing);
        if (ctx.Bodies.IsOutletHead(doc.TokenText(head)))
            return Antecedent(ctx, quote, start, OrganizationTypes, OrganizationTypes, MentionRule.Nearest, plural: null, fits: m => IsOutlet(ctx, m));
        // A public body is named with its head ("the police", "the committee"); a firm may be named without ("the company" for BAA).
        string[] words = DescriptionWords(doc, start, head);
        // Not a news outlet: "the party" or "the group" is never the paper that reported it (but "Electronic Mail
        // Corp" or "BBC AG Brown Boveri", named as a firm, may be "the company").
        var nearestBody = ctx.Bodies.MayGoUnnamed(doc.TokenText(head))
            ? Antecedent(ctx, quote, start, [EntityTypes.Organization], [EntityTypes.Organization], mentionRule, plural: null,
                fits: m => !IsOutlet(ctx, m) || NamedAsFirm(m.CanonicalName))
            : null;
        var namedBody = words is ["group"] ? null : Antecedent(ctx, quote, start, OrganizationTypes, OrganizationTypes, mentionRule,
            plural: null, fits: m => words.All(w => NameHolds(m.CanonicalName, w)));
        bool preferNamed = namedBody is not null && (nearestBody is null || ctx.Entities.Prominence(namedBody) >= ctx.Entities.Prominence(nearestBody));
        return preferNamed ? namedBody : nearestBody;
    }

    /// <summary>
    /// A place that only qualifies the phrase's head ("Mexico's attorney general", "the Kansas
    /// senator", "a vandal in Seattle", "Ferguson police"): the speaker is the head, not the place.
    /// A place speaks when it is the head ("Washington said", "Pyongyang has warned"), or through
    /// its government ("Nigeria's government", "the UK government").
    /// </summary>
    private static bool IsPlaceModifier(Document doc, EntityMention named, int head)
    {
        if (named.Type != EntityTypes.Location || head >= doc.TokenAt(named.Span.Start) && doc.Tokens[head].Span.Start < named.Span.End) return false;
        // A country's own government speaks for it: "Nigeria's government", "the UK government", "Cameroon's defence ministry".
        int after = doc.TokenAt(named.Span.End - 1) + 1;
        if (after < head && doc.Tokens[after].Kind == TokenKind.Clitic) after++;
        return !(head - after <= 1 && StateBodies.Contains(doc.TokenText(head)));
    }

    /// <summary>
    /// Whether a description's title names one office, which a person titled otherwise does not
    /// hold: "the chancellor", "the Pakistani president", a minister or secretary of something
    /// ("the prime minister", "the foreign secretary"). "The minister", "the Tory leader" or "the
    /// Kansas senator" may be anyone so titled, and "the former police chief" holds another now.
    /// </summary>
    private static bool IsOffice(string[] title) =>
        (UniqueOffices.Contains(title[^1]) || title.Length > 1 && MinistryHeads.Contains(title[^1])) && !title.Any(EntityIndex.IsOtherHolder);

    private static readonly HashSet<string> UniqueOffices = new(StringComparer.OrdinalIgnoreCase) { "chancellor", "president", "premier", "mayor", "governor" };
    private static readonly HashSet<string> MinistryHeads = new(StringComparer.OrdinalIgnoreCase) { "minister", "secretary" };

    /// <summary>
    /// Who a definite description with a person's head stands for: the person written with its
    /// title ("Culture Secretary Tessa Jowell"), else for a news lead the person the next sentence
    /// names (<see cref="NamedAfterLead"/>), else the last speaker or the person the rule picks,
    /// but not a spokesman's principal, nor someone of another office or of another body's.
    /// </summary>
    /// <param name="ofBody">The description names a body or place ("the Metropolitan police chief"): not someone titled for another ("Norfolk police chief Andy Hayman").</param>
    private static EntityMention? OfficeHolder(AttributionContext ctx, QuoteInfo quote, int start, int head, MentionRule rule, bool ofBody)
    {
        var doc = ctx.View.Doc;
        var title = Title(doc, start, head);
        return ctx.Entities.Titled(title, start) ?? NamedAfterLead(ctx, start)
            ?? (SpokesNouns.Contains(doc.TokenText(head))
                ? EarlierSpeakerWithHead(ctx, quote, start, doc.TokenText(head))
                    ?? (BodyNounBefore(ctx, start, head) is { } bodyNoun ? DescribedBody(ctx, quote, bodyNoun, bodyNoun, MentionRule.SubjectFirst) : null)
                : Antecedent(ctx, quote, start, PersonTypes, PersonTypes, rule, plural: null,
                    fits: IsOffice(title) ? m => !ctx.Entities.HoldsOtherTitle(m, title)
                        : ofBody ? m => !ctx.Entities.TitledForOtherBody(m, title) : null));
    }

    /// <summary>
    /// The person a news lead describes and the next sentence names: "..., its co-chairman has
    /// said. | Dr Liam Fox told ...". Only for a description in the lead (the article's first
    /// sentence after its headline), and a person mention within the first four tokens of the next
    /// sentence; else null.
    /// </summary>
    private static EntityMention? NamedAfterLead(AttributionContext ctx, int start)
    {
        var v = ctx.View;
        var doc = v.Doc;
        int lead = ctx.LeadSentence;
        if (v.SentenceOf[start] != lead || lead + 1 >= doc.Sentences.Length) return null;
        var next = doc.Sentences[lead + 1];
        for (int t = next.FirstToken; t < Math.Min(next.EndToken, next.FirstToken + 4); t++)
            if (ctx.Entities.StartingAt(t) is { Type: EntityTypes.Person } person) return person;
        return null;
    }

    /// <summary>
    /// Whether a mention names a news outlet: by a word of its name ("Financial Times", "BBC News"),
    /// or by the description written before or after it ("South Korean newspaper The Chosun Ilbo",
    /// "the Saudi daily Ajel", "PC Pro magazine").
    /// </summary>
    /// <summary>Whether a name ends a firm's way: "Electronic Mail Corp of America", "BBC AG Brown Boveri", "News Corp".</summary>
    private static bool NamedAsFirm(string name)
    {
        foreach (var word in NameWords.Of(name))
            if (FirmWords.Contains(word.TrimEnd('.'))) return true;
        return false;
    }

    private static readonly HashSet<string> FirmWords = new(StringComparer.OrdinalIgnoreCase)
        { "Corp", "Corporation", "Inc", "Co", "Ltd", "Limited", "AG", "plc", "SA", "NV", "GmbH", "Holdings", "LLC" };

    internal static bool IsOutlet(AttributionContext ctx, EntityMention m)
    {
        if (ctx.Bodies.IsOutletName(m.CanonicalName)) return true;
        var doc = ctx.View.Doc;
        int t = doc.TokenAt(m.Span.Start) - 1;
        if (t >= 0 && doc.TokenText(t).Equals("the", StringComparison.OrdinalIgnoreCase)) t--;
        if (t >= 0 && ctx.Bodies.IsOutletHead(doc.TokenText(t))) return true;
        // Or after it, maybe past one more word of the name: "PC Pro magazine".
        int after = doc.TokenAt(m.Span.End - 1) + 1;
        for (int k = after; k < Math.Min(doc.Tokens.Length, after + 2); k++)
            if (ctx.Bodies.IsOutletHead(doc.TokenText(k))) return true;
        return false;
    }

    /// <summary>
    /// Whether a definite description names an office of the body or place in it rather than the
    /// body: "the Trade and Industry Secretary", "the Salford MP", "the former Labour leader" are
    /// people (most often the story's own: the rule that picks them is the subject's), while a
    /// spokesman speaks for the body ("the Home Office spokesman"), so does a news outlet's editor or
    /// correspondent ("the BBC's political editor"), and a capitalised Executive is one ("the Health
    /// and Safety Executive").
    /// </summary>
    private static bool IsOfficeOf(AttributionContext ctx, EntityMention named, int start, int head, SpeakerWordClass headClass)
    {
        var doc = ctx.View.Doc;
        if (named.Type == EntityTypes.Person || headClass != SpeakerWordClass.PersonNoun || !IsDefinite(doc, start, head)
            || SpokesNouns.Contains(doc.TokenText(head)) || MediaRoles.Contains(doc.TokenText(head))
            || doc.TokenText(head).Equals("Executive", StringComparison.Ordinal))
            return false;
        // The body is among the description's words, after its determiner, and ends at its head at the latest.
        int first = head + 1 - Title(doc, start, head).Length;
        return doc.TokenAt(named.Span.Start) >= first && doc.TokenAt(named.Span.End - 1) <= head;
    }

    /// <summary>
    /// Whom an unnamed spokesman speaks for: the body written after the phrase ("A spokesman |
    /// for the Home Office"), else, for "a spokesman" alone, the organisation that opens a clause
    /// of its sentence or the one before ("The Association of Chief Police Officers has issued
    /// guidance ... . A spokesman said"); null when there is none.
    /// </summary>
    private static EntityMention? SpokesPrincipal(AttributionContext ctx, QuoteInfo quote, int start, int head, int end)
    {
        var doc = ctx.View.Doc;
        int t = head + 1 == end ? end : -1;
        if (t >= 0 && t < doc.Tokens.Length && doc.TokenText(t).Equals("for", StringComparison.OrdinalIgnoreCase))
        {
            t++;
            if (t < doc.Tokens.Length && doc.TokenText(t).Equals("the", StringComparison.OrdinalIgnoreCase)) t++;
            if (t < doc.Tokens.Length && ctx.Entities.StartingAt(t) is { Type: not EntityTypes.Miscellaneous } body) return body;
        }
        // "a company spokesman", "a central bank spokesman": the body "the company" or "the bank" stands for.
        if (end == head + 1 && IsIndefinite(doc, start, head) && BodyNounBefore(ctx, start, head) is { } bodyNoun)
        {
            var noun = doc.TokenText(bodyNoun).ToString();
            return ContentSubject(ctx, quote, start, m => ctx.Bodies.MayGoUnnamed(noun) || NameHolds(m.CanonicalName, noun))
                ?? DescribedBody(ctx, quote, bodyNoun, bodyNoun, MentionRule.SubjectFirst);
        }
        if (head != start + 1 || end != head + 1 || !IsIndefinite(doc, start, head)) return null;
        // The body must open its clause in this sentence or the one before: a body named in passing, or
        // further back, is as often not the one the spokesman speaks for.
        var v = ctx.View;
        int sentence = v.SentenceOf[start];
        int notBefore = doc.Sentences[Math.Max(0, sentence - 1)].FirstToken;
        return ctx.Entities.NearestBefore(start, notBefore, subjectsOnly: true,
            accept: m => !quote.InContent(doc.TokenAt(m.Span.Start)), EntityTypes.Organization) ?? ContentSubject(ctx, quote, start, _ => true);
    }

    /// <summary>
    /// The organisation noun right before a spokesman, after lower-case words only: "bank" in "a
    /// central bank spokesman", "company" in "a company spokesman"; null when there is none.
    /// </summary>
    private static int? BodyNounBefore(AttributionContext ctx, int start, int head)
    {
        var v = ctx.View;
        if (head < start + 2 || v.SpeakerClass[head - 1] != SpeakerWordClass.OrgNoun) return null;
        for (int t = start + 1; t < head; t++) if (v.Class[t] != TokenClass.Word) return null;
        return head - 1;
    }

    /// <summary>
    /// For an unnamed spokesman written after what he said, the organisation that opens it as its
    /// subject: "Fuerzas Electricas de Catalunya suspended repayments ..., a company spokesman said",
    /// the wire's way of sourcing a firm's news to its spokesman. Not one named later in the content.
    /// </summary>
    private static EntityMention? ContentSubject(AttributionContext ctx, QuoteInfo quote, int source, Func<EntityMention, bool> fits)
    {
        if (source < quote.End) return null;
        var (start, end) = quote.Content[0];
        if (start < end && ctx.View.Doc.TokenText(start).Equals("the", StringComparison.OrdinalIgnoreCase)) start++;
        return ctx.Entities.StartingAt(start) is { Type: EntityTypes.Organization } subject && fits(subject) ? subject : null;
    }

    /// <summary>The staff through whom a news outlet reports ("the BBC's political editor"): they speak for the outlet, not for someone of the story.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> MediaRoles =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "editor", "correspondent", "reporter", "journalist", "columnist", "presenter" }
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The entity of the last earlier speaker, within reach, whose written words hold the same
    /// head: "the Vatican's deputy spokesman, Father Ciro Benedettini, said ... The spokesman
    /// said" is Benedettini; after "a Home Office spokesman said" it is no one.
    /// </summary>
    private static EntityMention? EarlierSpeakerWithHead(AttributionContext ctx, QuoteInfo quote, int before, ReadOnlySpan<char> head)
    {
        var doc = ctx.View.Doc;
        int notBefore = ParagraphStartToken(ctx, Math.Max(0, ctx.Paragraph(before) - ReachParagraphs + 1));
        for (int i = ctx.Quotes.IndexOf(quote) - 1; i >= 0; i--)
        {
            var previous = ctx.Quotes[i];
            if (previous.SpeakerTokens is not { } words || words.Start >= before) continue;
            if (words.Start < notBefore) break;
            for (int t = words.Start; t < words.End; t++)
                if (doc.TokenText(t).Equals(head, StringComparison.OrdinalIgnoreCase)) return previous.Speaker?.Entity;
        }
        return null;
    }

    /// <summary>
    /// Heads of descriptions that stand for someone the article seldom names: "the spokesman said"
    /// goes back to the spokesman who spoke before ("a Home Office spokesman"), not to the minister
    /// he speaks for.
    /// </summary>
    /// <summary>
    /// The gender the first spokes noun in a speaker's words [start, end) tells ("spokesman", "spokeswoman";
    /// "spokesperson" none); null when the words hold none.
    /// </summary>
    private static Gender? SpokesGender(Document doc, int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            var word = doc.TokenText(k);
            if (!SpokesNouns.Contains(word)) continue;
            return word.Equals("spokesman", StringComparison.OrdinalIgnoreCase) ? Gender.Male
                : word.Equals("spokeswoman", StringComparison.OrdinalIgnoreCase) ? Gender.Female : Gender.Unknown;
        }
        return null;
    }

    internal static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SpokesNouns =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "spokesman", "spokeswoman", "spokesperson" }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StateBodies =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "government", "administration", "cabinet", "ministry", "military", "army", "embassy", "parliament" }
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Where a short speaker phrase ends before its participle or relative modifier ("The company,
    /// based in San Diego, Calif.,", "The 56-year-old, pictured outside her Manhattan home", "The
    /// New York Times, which ran a story about ... Francis", people "polled by Reuters"): the
    /// comma that opens the modifier, or its passive participle; or null. An apposition
    /// ("Jim Billington, Democratic member of the FCA board") or a list ("Three women, including
    /// ... Janice Dickinson") is no modifier: the name may stand on either side of it.
    /// </summary>
    private static int? ModifierStart(AttributionContext ctx, int start, int end)
    {
        var v = ctx.View;
        const int MaxPhrase = 8; // tokens before the comma
        for (int t = start + 1; t + 1 < end && t - start <= MaxPhrase; t++)
        {
            // A clause before the comma ("The order is humiliating to Marines, who ...") is a source span gone astray, not a phrase.
            if (Auxiliaries.Contains(v.Doc.TokenText(t))) return null;
            // After people a passive participle needs no comma: "analysts polled by Reuters", "the 10 authors shortlisted
            // for a Richard and Judy book award" (but "figures compiled by the Tories" are theirs).
            if (IsParticiple(v, t) && ParticiplePrepositions.Contains(v.Doc.TokenText(t + 1)) && NamesPeople(ctx, start, t)) return t;
            if (v.Class[t] != TokenClass.Comma) continue;
            var next = v.Doc.TokenText(t + 1);
            bool participle = IsParticiple(v, t + 1) || v.Class[t + 1] == TokenClass.Word && next.Length > 4
                && next.EndsWith("ing", StringComparison.Ordinal) && !next.Equals("including", StringComparison.Ordinal);
            return participle || RelativeAntecedentTypes(next) is not null || next.Equals("whose", StringComparison.OrdinalIgnoreCase) ? t : null;
        }
        return null;
    }

    /// <summary>Whether a phrase's head is a person or people: the lexicon's person nouns and unnamed sources, and plurals such as "analysts", "dealers", "businessmen".</summary>
    private static bool NamesPeople(AttributionContext ctx, int start, int end)
    {
        var (head, cls) = Head(ctx, start, end);
        if (cls is SpeakerWordClass.PersonNoun or SpeakerWordClass.VagueHead or SpeakerWordClass.GroupHead) return true;
        var word = ctx.View.Doc.TokenText(head);
        foreach (var suffix in PeopleSuffixes)
            if (word.Length > suffix.Length + 2 && word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static readonly string[] PeopleSuffixes = ["ists", "ysts", "ers", "ors", "men", "ians", "ants", "ees"];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ParticiplePrepositions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "by", "for", "in", "at", "on", "from", "with" }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsParticiple(TokenView v, int t)
    {
        var word = v.Doc.TokenText(t);
        return v.Class[t] == TokenClass.Word && word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal);
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Auxiliaries =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "is", "are", "was", "were", "be", "been", "has", "have", "had" }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A person a modifier names after a naming word ("who calls herself Jasmine Tridevil", "who went by the name Rehana", "identified as Dr. Gwen Korovin", "the pseudonym of Afshin Kobani").</summary>
    private static EntityMention? NamedInModifier(AttributionContext ctx, int start, int end)
    {
        var doc = ctx.View.Doc;
        for (int t = start + 1; t < end; t++)
        {
            // After a naming word any mention is a name ("who goes by the name Tikal Goldie", whatever the tagger typed it).
            if (ctx.Entities.StartingAt(t) is not { } mention) continue;
            int before = t - 1;
            while (before > start && ctx.View.Class[before] == TokenClass.Capitalized) before--; // a title: "as Dr. Gwen Korovin"
            var word = doc.TokenText(before);
            if (NamingWords.Contains(word) || word.Equals("of", StringComparison.OrdinalIgnoreCase) && before > start && doc.TokenText(before - 1).Equals("pseudonym", StringComparison.OrdinalIgnoreCase))
                return mention;
        }
        return null;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NamingWords =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "as", "name", "named", "called", "herself", "himself", "themselves" }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A possessive written alone as the speaker ("his claims", "their warning") stands for its pronoun; the lexicon counts "her" already.</summary>
    private static SpeakerWordClass? PossessiveClass(ReadOnlySpan<char> word) =>
        word.Equals("his", StringComparison.OrdinalIgnoreCase) ? SpeakerWordClass.PronounPerson
        : word.Equals("their", StringComparison.OrdinalIgnoreCase) || word.Equals("its", StringComparison.OrdinalIgnoreCase) ? SpeakerWordClass.PronounGroup
        : null;

    /// <summary>The entity types "who" (a person) or "which" (an organisation or place) can stand for; null for any other word.</summary>
    private static string[]? RelativeAntecedentTypes(ReadOnlySpan<char> word) =>
        word.Equals("who", StringComparison.OrdinalIgnoreCase) ? PersonTypes
        : word.Equals("which", StringComparison.OrdinalIgnoreCase) ? GroupTypes
        : null;

    private static readonly string[] PersonTypes = [EntityTypes.Person], GroupTypes = [EntityTypes.Organization, EntityTypes.Location],
        OrganizationTypes = [EntityTypes.Organization];

    /// <summary>
    /// What a relative pronoun stands for: the mention of its type that ends right before it
    /// ("Professor Chris Woodhead, who has said", "the Muslim Association of Britain (MAB), which
    /// believes"), or before an apposition ("his son Nick, a trainee vicar, who praised"). A noun
    /// that is no mention ("a union leader who said", "the situation, which has meant") gives none.
    /// </summary>
    private static EntityMention? RelativeAntecedent(AttributionContext ctx, int pronoun, string[] types)
    {
        var v = ctx.View;
        int first = v.SentenceOfToken(pronoun).FirstToken;
        int last = pronoun - 1;
        if (last >= first && v.Class[last] == TokenClass.Comma) last--;
        if (last >= first && v.Doc.TokenText(last) is ")")
            while (last >= first && v.Doc.TokenText(last) is not "(") last--;
        if (last > first && v.Doc.TokenText(last) is "(") last--;
        if (MentionEndingAt(ctx, last, first, types) is { } m) return m;
        const int MaxApposition = 6; // tokens between the commas
        for (int t = last - 1; t >= Math.Max(first, last - MaxApposition); t--)
            if (v.Class[t] == TokenClass.Comma) return MentionEndingAt(ctx, t - 1, first, types);
        return null;
    }

    /// <summary>
    /// The noun phrase a relative pronoun hangs on when no name ends before it: its head is the
    /// word before the pronoun (over a comma and a bracketed aside), or the word before a
    /// preposition in the few words before it ("Sources within Apple", "members of parliament",
    /// "the man in the black balaclava"), with the determiners and modifiers before the head; null
    /// when a verb, a cue or punctuation stands there instead.
    /// </summary>
    private static (int Start, int End)? AntecedentPhrase(AttributionContext ctx, int pronoun)
    {
        var v = ctx.View;
        int first = v.SentenceOfToken(pronoun).FirstToken, t = pronoun - 1;
        if (t >= first && v.Class[t] == TokenClass.Comma) t--;
        if (t >= first && v.Doc.TokenText(t) is ")")
        {
            while (t >= first && v.Doc.TokenText(t) is not "(") t--;
            t--;
        }
        if (t < first || !IsPhraseWord(ctx, t)) return null;
        int end = t + 1, head = t;
        for (int k = t; k > first && k >= t - MaxPostModifier; k--)
        {
            if (!IsPhraseWord(ctx, k)) break;
            if (!HeadPrepositions.Contains(v.Doc.TokenText(k))) continue;
            // The noun before the preposition heads the phrase when it may speak ("Sources within Apple", "members of
            // parliament"); else the words after it do ("a favourite of | people who", "drew ire from | lawmakers who").
            if (MaySpeak(ctx, k - 1)) head = k - 1;
            break;
        }
        if (v.Class[head] is not (TokenClass.Word or TokenClass.Capitalized) || IsVerbLike(ctx, head) || HeadPrepositions.Contains(v.Doc.TokenText(head)))
            return null;
        // The phrase opens on a determiner, number or capitalised word within a few words before its head (else the head
        // alone: "Optimists who predict"), over no word that looks like a verb ("has reported on returning athletes").
        int start = head;
        for (int k = head - 1; k >= first && head - k <= MaxPreModifiers; k--)
        {
            if (!IsPhraseWord(ctx, k) || IsVerbLike(ctx, k) || HeadPrepositions.Contains(v.Doc.TokenText(k))) break;
            if (v.Class[k] is TokenClass.Capitalized or TokenClass.Number || PhraseOpeners.Contains(v.Doc.TokenText(k))) start = k;
        }
        return (start, end);
    }

    private const int MaxPostModifier = 5, MaxPreModifiers = 3;

    /// <summary>
    /// The speaker a relative pronoun stands for, from its noun phrase resolved as if written as the
    /// speaker, but naming only whom the phrase itself names: a body or person the resolver would
    /// find elsewhere for a description ("The man, who asked not to be named") is not taken, nor a
    /// name that only qualifies a head the lexicon does not know ("a Comcast customer"). "Which"
    /// speaks only for a phrase that names a body or a document ("The Tower Commission report, which
    /// says"), not a clause or a thing ("..., which claimed 16 million lives").
    /// </summary>
    private static ResolvedSpeaker? RelativeSpeaker(AttributionContext ctx, QuoteInfo quote, int start, int end, bool which)
    {
        var resolved = Resolve(ctx, quote, start, end);
        var doc = ctx.View.Doc;
        var (head, headClass) = Head(ctx, start, end);
        // A name in the phrase speaks when it is the head or the lexicon knows the head ("ESPN PR", "LDP members", "a Facebook
        // spokesperson"), not for "a Comcast customer".
        bool named = resolved.Entity is { } e && e.Span.Start >= doc.Tokens[start].Span.Start && e.Span.End <= doc.Tokens[end - 1].Span.End
            && (headClass != SpeakerWordClass.None || doc.Tokens[head].Span.Start >= e.Span.Start && doc.Tokens[head].Span.End <= e.Span.End);
        if (resolved.Entity is not null && !named) resolved = resolved with { Kind = SpeakerKind.Unknown, Entity = null };
        if (which && !named && headClass is not (SpeakerWordClass.OrgNoun or SpeakerWordClass.Document)) return null;
        return resolved;
    }

    /// <summary>A word that may head a speaker's phrase: a capitalised word, a speaker head of the lexicon, or a plural ("folks", "athletes").</summary>
    private static bool MaySpeak(AttributionContext ctx, int t)
    {
        var v = ctx.View;
        if (t < 0 || !IsPhraseWord(ctx, t)) return false;
        var word = v.Doc.TokenText(t);
        return v.Class[t] == TokenClass.Capitalized || ctx.Speakers.Classify(v.Doc, t) != SpeakerWordClass.None
            || v.Class[t] == TokenClass.Word && word.Length > 3 && word[^1] == 's' && word[^2] != 's';
    }

    /// <summary>A lower-case word ending in -ed or -ing: more often a verb than a noun's modifier.</summary>
    private static bool IsVerbLike(AttributionContext ctx, int t)
    {
        var word = ctx.View.Doc.TokenText(t);
        return ctx.View.Class[t] == TokenClass.Word && (word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("ing", StringComparison.Ordinal));
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PhraseOpeners =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "the", "a", "an", "this", "these", "those", "some", "many", "several", "few", "most", "all", "other", "others", "any",
            "his", "her", "their", "its", "our", "one", "two", "three", "four", "five",
        }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A word of a noun phrase: not punctuation, a cue, a clause verb or a word that opens a clause.</summary>
    private static bool IsPhraseWord(AttributionContext ctx, int t) =>
        ctx.View.Class[t] is TokenClass.Word or TokenClass.Capitalized or TokenClass.Number && !ctx.Cues.IsCue(t)
        && !QuoteDetector.ClauseVerbs.Contains(ctx.View.WordHash[t]) && !PhraseBreakers.Contains(ctx.View.Doc.TokenText(t));

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> HeadPrepositions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "of", "in", "at", "from", "within", "with", "for", "on", "among", "inside", "across" }
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PhraseBreakers =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "and", "but", "or", "that", "who", "which", "to", "by", "than", "as", "not", "including", "like", "about",
            "however", "while", "when", "although", "though", "meanwhile", "also", "still", "now", "then", "so", "yet",
        }
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private static EntityMention? MentionEndingAt(AttributionContext ctx, int last, int notBefore, string[] types)
    {
        if (last < notBefore) return null;
        var m = ctx.Entities.NearestBefore(last + 1, notBefore, types);
        return m is not null && ctx.View.Doc.TokenAt(m.Span.End - 1) == last ? m : null;
    }

    /// <summary>
    /// A pronoun's speaker: its referent; else, for he or she right after a spokesman's or
    /// spokeswoman's words ("A Conservative spokeswoman said ... . She said"), the body the
    /// spokeswoman speaks for (or an anonymous source when none is named); else, when it goes on
    /// with an unnamed source of its number that spoke last ("political analysts said. They said"),
    /// that anonymous source; else the pronoun, unresolved.
    /// </summary>
    private static ResolvedSpeaker Pronoun(AttributionContext ctx, QuoteInfo quote, int start, string text, TextSpan span, bool? plural, EntityMention? referent)
    {
        if (referent is not null) return new(SpeakerKind.Pronoun, text, referent, span);
        // "A Conservative spokeswoman said ... . She said": the spokeswoman, speaking for the body she was linked to.
        if (plural == false && LastSpokesSpeaker(ctx, quote, start, PronounGender(text)) is { } spokes)
            return new(spokes.Entity is null ? SpeakerKind.Anonymous : SpeakerKind.Pronoun, text, spokes.Entity, span);
        if (plural is { } p && LastSpeakerIsUnnamed(ctx, quote, start, p)) return new(SpeakerKind.Anonymous, text, null, span);
        // "the tobacco companies denied ... . They also said": "they" goes on with the group described, named by its words.
        if (plural == true && LastDescribedGroup(ctx, quote, start) is { } group) return new(SpeakerKind.Unknown, group, null, span);
        // "The Cyprus-based newsletter also said ... . It said": "it" with no referent goes on with a body or document described.
        if (plural is null && LastWrittenSpeaker(ctx, quote, start, passOverHeOrShe: false) is var (lastSpeaker, lastSource)
            && IsDescribedThing(ctx, lastSpeaker, lastSource)) return new(SpeakerKind.Unknown, lastSpeaker.Text, null, span);
        // "\"The reaction was fantastic,\" the teacher said. He added ...": so does he or she with a person described.
        if (plural == false && LastDescribedPerson(ctx, quote, start) is { } person) return new(SpeakerKind.Unknown, person, null, span);
        return new(SpeakerKind.Pronoun, text, null, span);
    }

    /// <summary>
    /// The words of the last earlier written speaker within reach when it is a singular description of a
    /// person that names no one ("the teacher", "the kid", "a head teacher at the school"); else null.
    /// </summary>
    private static string? LastDescribedPerson(AttributionContext ctx, QuoteInfo quote, int before)
    {
        if (LastWrittenSpeaker(ctx, quote, before, passOverHeOrShe: true) is not var (speaker, source)
            || speaker.Entity is not null || speaker.Kind != SpeakerKind.Unknown || speaker.Text is null || IsPronounText(speaker.Text)
            || IsPlural(ctx, source.Start, source.End)) return null;
        var (head, cls) = Head(ctx, source.Start, source.End);
        return cls == SpeakerWordClass.PersonNoun || RelationNouns.Contains(ctx.View.Doc.TokenText(head)) || YoungPeople.Contains(ctx.View.Doc.TokenText(head))
            ? speaker.Text : null;
    }

    /// <summary>
    /// Whether a written speaker is a singular description of a body or a document that names no one ("The Cyprus-based
    /// newsletter", "a Toshiba study"): what "it" goes on with when no organisation spoke since.
    /// </summary>
    private static bool IsDescribedThing(AttributionContext ctx, ResolvedSpeaker? speaker, (int Start, int End) source)
    {
        if (speaker is not { Entity: null, Kind: SpeakerKind.Unknown, Text: { } text } || IsPronounText(text) || IsPlural(ctx, source.Start, source.End)) return false;
        if (source.End == source.Start + 1 && RelativeAntecedentTypes(ctx.View.Doc.TokenText(source.Start)) is not null) return false;
        var (_, cls) = Head(ctx, source.Start, source.End);
        return cls is SpeakerWordClass.OrgNoun or SpeakerWordClass.Document;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> YoungPeople =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "kid", "boy", "girl", "child", "teenager", "teen", "student", "pupil" }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The words of the last earlier written speaker within reach when it is a plural description
    /// that names no one ("the tobacco companies", "the protesters"); else null.
    /// </summary>
    private static string? LastDescribedGroup(AttributionContext ctx, QuoteInfo quote, int before)
    {
        if (LastWrittenSpeaker(ctx, quote, before, passOverHeOrShe: false) is not var (speaker, source)
            || speaker.Entity is not null || speaker.Kind != SpeakerKind.Unknown || speaker.Text is null || IsPronounText(speaker.Text)) return null;
        if (source.End == source.Start + 1 && RelativeAntecedentTypes(ctx.View.Doc.TokenText(source.Start)) is not null) return null;
        return IsPlural(ctx, source.Start, source.End) ? speaker.Text : null;
    }

    /// <summary>
    /// The last earlier written speaker within reach, passing over he and she (who go on with it),
    /// when it is a spokesman or spokeswoman of the pronoun's gender; else null.
    /// </summary>
    private static ResolvedSpeaker? LastSpokesSpeaker(AttributionContext ctx, QuoteInfo quote, int before, Gender gender)
    {
        if (LastWrittenSpeaker(ctx, quote, before, passOverHeOrShe: true) is not var (speaker, source)) return null;
        return SpokesGender(ctx.View.Doc, source.Start, source.End) is { } spokesGender
            && (spokesGender == Gender.Unknown || gender == Gender.Unknown || spokesGender == gender) ? speaker : null;
    }

    /// <summary>Whether the last earlier written speaker within reach is an unnamed source of that number.</summary>
    private static bool LastSpeakerIsUnnamed(AttributionContext ctx, QuoteInfo quote, int before, bool plural)
    {
        if (LastWrittenSpeaker(ctx, quote, before, passOverHeOrShe: false) is not var (speaker, source)
            || speaker.Entity is not null || speaker.Kind != SpeakerKind.Anonymous) return false;
        // A relative clause's unnamed speaker ("the British authorities, who promised ...") is not whom the story goes on with.
        if (source.End == source.Start + 1 && RelativeAntecedentTypes(ctx.View.Doc.TokenText(source.Start)) is not null) return false;
        // An earlier pronoun that went on with the source: "She said ... . She added".
        return IsPronounText(speaker.Text) ? IsPluralPronoun(speaker.Text) == plural : IsPlural(ctx, source.Start, source.End) == plural;
    }

    /// <summary>The speaker of the last earlier quote within reach whose speaker is written (carried-over speakers are passed over).</summary>
    private static (ResolvedSpeaker Speaker, (int Start, int End) Source)? LastWrittenSpeaker(AttributionContext ctx, QuoteInfo quote, int before, bool passOverHeOrShe)
    {
        int notBefore = ParagraphStartToken(ctx, Math.Max(0, ctx.Paragraph(before) - ReachParagraphs + 1));
        for (int i = ctx.Quotes.IndexOf(quote) - 1; i >= 0; i--)
        {
            var previous = ctx.Quotes[i];
            int at = previous.SpeakerTokens?.Start ?? previous.Start;
            if (at < notBefore) return null;
            if (at >= before || previous.Speaker is not { } speaker || previous.SpeakerTokens is not { } source) continue;
            if (passOverHeOrShe && speaker.Text is { } t && (t.Equals("he", StringComparison.OrdinalIgnoreCase) || t.Equals("she", StringComparison.OrdinalIgnoreCase))) continue;
            return (speaker, source);
        }
        return null;
    }

    internal static bool IsPronounText(string? text) => text is not null && PersonalPronouns.Contains(text);

    private static bool IsPluralPronoun(string? text) => text is not null && (text.Equals("they", StringComparison.OrdinalIgnoreCase)
        || text.Equals("them", StringComparison.OrdinalIgnoreCase) || text.Equals("their", StringComparison.OrdinalIgnoreCase));

    private static readonly HashSet<string> PersonalPronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she", "they", "it", "him", "her", "them", "his", "their" };

    private static ResolvedSpeaker Described(EntityMention? referent, string text, TextSpan span) =>
        new(referent is null ? SpeakerKind.Unknown : SpeakerKind.Named, text, referent, span);

    /// <summary>
    /// The referent of a pronoun or description at <paramref name="before"/>: whichever comes
    /// last before it of the nearest compatible mention outside quotation marks and the speaker of
    /// an earlier quote (paragraph carry-over: "he added" goes on with the last speaker).
    /// </summary>
    public static EntityMention? Antecedent(AttributionContext ctx, QuoteInfo quote, int before, params string[] types) =>
        Antecedent(ctx, quote, before, types, types, MentionRule.Nearest, plural: null);

    /// <param name="plural">For a personal pronoun, whether it is plural ("they"): an unnamed source of the same
    /// number who spoke last ("A senior official said ... . He added ...") is its referent, so the search stops there
    /// and the pronoun names no one, where it would have gone on to someone named before that source.</param>
    /// <param name="mentionTypes">The types of <paramref name="types"/> a mention that did not speak may have.</param>
    /// <param name="rule">Which mention that did not speak may be the referent.</param>
    /// <param name="gender">The pronoun's gender: a person whose title or first name tells the other is not its referent ("she" is not Tony Blair).</param>
    /// <param name="fits">What else the referent must satisfy (a description's office).</param>
    private static EntityMention? Antecedent(AttributionContext ctx, QuoteInfo quote, int before, string[] types, string[] mentionTypes, MentionRule rule, bool? plural,
        Gender gender = Gender.Unknown, Func<EntityMention, bool>? fits = null)
    {
        // Gender agrees (where the title or first name tells it) and what else the caller asks holds.
        bool compatible(EntityMention m) => (gender == Gender.Unknown || ctx.GenderOf(m) is var g && (g == Gender.Unknown || g == gender)) && (fits is null || fits(m));
        // A mention that did not speak is never one named in the quote's own words ("He is believed to have joined
        // ISIL, the paper reported").
        bool agrees(EntityMention m) => !quote.InContent(ctx.View.Doc.TokenAt(m.Span.Start)) && compatible(m);
        int paragraph = ctx.Paragraph(before);
        int notBefore = ParagraphStartToken(ctx, Math.Max(0, paragraph - ReachParagraphs + 1));
        var mention = rule is MentionRule.Nearest or MentionRule.SpeakerOverPassing ? ctx.Entities.NearestBefore(before, notBefore, subjectsOnly: false, agrees, mentionTypes)
            : ctx.Entities.NearestBefore(before, notBefore, subjectsOnly: true, agrees, mentionTypes)
              ?? (rule == MentionRule.SubjectFirst ? ctx.Entities.NearestBefore(before, notBefore, subjectsOnly: false, agrees, mentionTypes) : null);
        // A subject named after the last speaker does not hide that speaker ("..., said the committee. ... The Act ... It said").
        // With SpeakerOverPassing only a mention that opens its clause hides it.
        var hiding = rule == MentionRule.SpeakerOverPassing && mention is not null
            ? ctx.Entities.NearestBefore(before, notBefore, subjectsOnly: true, agrees, mentionTypes) : mention;
        int mentionAt = hiding is null || rule == MentionRule.SubjectOnly ? -1 : ctx.View.Doc.TokenAt(hiding.Span.Start);
        int index = ctx.Quotes.IndexOf(quote);
        for (int i = index - 1; i >= 0; i--)
        {
            var previous = ctx.Quotes[i];
            int at = previous.SpeakerTokens?.Start ?? previous.Start;
            // With SpeakerOverPassing the speaker's own words do not hide it ("The Red Lion Inns partnership said").
            int last = rule == MentionRule.SpeakerOverPassing && previous.SpeakerTokens is { } words ? words.End - 1 : at;
            if (at < notBefore || last < mentionAt) break;
            if (at >= before) continue;
            if (previous.Speaker?.Entity is { } e && Array.IndexOf(types, e.Type) >= 0 && compatible(e)) return e;
            // "A Labour Party spokesman criticised ... . He said:": a new, unnamed spokesman goes on, for the body he speaks
            // for, before anyone named earlier ("the Tory spokesman" may be the shadow minister named before, so not it).
            if (plural == false && previous.Speaker?.Entity is { Type: EntityTypes.Organization } body && previous.SpeakerTokens is { } spokes
                && IsIndefinite(ctx.View.Doc, spokes.Start, spokes.End - 1)
                && SpokesGender(ctx.View.Doc, spokes.Start, spokes.End) is { } spokesGender && (gender == Gender.Unknown || spokesGender == Gender.Unknown || spokesGender == gender))
                return body;
            if (plural is { } p && previous.Speaker?.Kind == SpeakerKind.Anonymous && previous.SpeakerTokens is { } source
                && IsPlural(ctx, source.Start, source.End) == p) return null;
            // "the hackers say ... . They promise": a plural description that spoke last is "they", not a body named before it.
            if (plural == true && previous.Speaker is { Entity: null, Kind: SpeakerKind.Unknown, Text: { } described } && !IsPronounText(described)
                && previous.SpeakerTokens is { } group && IsPlural(ctx, group.Start, group.End)) return null;
        }
        return mention;
    }

    /// <summary>The words of a description after its determiner, up to its head: "the German exchange" gives german, exchange.</summary>
    private static string[] DescriptionWords(Document doc, int start, int head)
    {
        int first = start;
        while (first < head && IsDeterminer(doc.TokenText(first))) first++;
        var words = new string[head - first + 1];
        for (int t = first; t <= head; t++) words[t - first] = doc.TokenText(t).ToString().ToLowerInvariant();
        return words;
    }

    /// <summary>Whether an entity's name holds the word: "Labour Party" holds "party".</summary>
    private static bool NameHolds(string name, string word)
    {
        foreach (var part in NameWords.Of(name))
            if (part.Equals(word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static Gender PronounGender(string pronoun) => pronoun.ToLowerInvariant() switch
    {
        "he" or "him" or "his" or "himself" => Gender.Male,
        "she" or "her" or "hers" or "herself" => Gender.Female,
        _ => Gender.Unknown,
    };

    /// <summary>Which mention a pronoun or description may take when no earlier speaker is its referent.</summary>
    private enum MentionRule
    {
        /// <summary>The nearest of its type.</summary>
        Nearest,
        /// <summary>
        /// The nearest of its type, unless one that spoke was named after the last mention opening
        /// its clause: a firm's description in business news goes on with the firm that spoke
        /// ("Red Lion Inns said it filed ... with the Securities and Exchange Commission. The company
        /// said"), not with a body named in passing.
        /// </summary>
        SpeakerOverPassing,
        /// <summary>The nearest that opens its sentence or clause ("Mr Law ... believed damage had been done. He said"), else the nearest.</summary>
        SubjectFirst,
        /// <summary>Only one that opens its sentence or clause: "it" and "they" rarely stand for a firm named in passing.</summary>
        SubjectOnly,
    }

    /// <summary>Whether a speaker phrase's head is plural: "officials", "sources", "people familiar with ...".</summary>
    private static bool IsPlural(AttributionContext ctx, int start, int end)
    {
        var word = ctx.View.Doc.TokenText(Head(ctx, start, end).Head);
        return word.Equals("people", StringComparison.OrdinalIgnoreCase) || word.Equals("police", StringComparison.OrdinalIgnoreCase)
            || word.Length > 3 && (word[^1] is 's' or 'S') && word[^2] is not ('s' or 'S');
    }

    public static int ParagraphStartToken(AttributionContext ctx, int paragraph)
    {
        var doc = ctx.View.Doc;
        return doc.Sentences[doc.Paragraphs[paragraph].FirstSentence].FirstToken;
    }

    public static bool HasAnonymityMarker(AttributionContext ctx, int start, int end)
    {
        for (int t = start; t < end; t++)
            if (ctx.Speakers.Classify(ctx.View.Doc, t, end, out _) == SpeakerWordClass.Anonymity) return true;
        return false;
    }

    /// <summary>
    /// The head word of a speaker phrase: the last word before a comma, bracket, preposition or
    /// relative pronoun ("a senior official [familiar with...]", "Hugh Hill[, a doctor]").
    /// </summary>
    private static (int Head, SpeakerWordClass Class) Head(AttributionContext ctx, int start, int end)
    {
        var v = ctx.View;
        int head = start;
        for (int t = start; t < end; t++)
        {
            // A hyphen inside a word is no break: "The Ballymena-born actor" has its head in "actor".
            if (v.Class[t] is TokenClass.Comma or TokenClass.OtherPunct || v.Class[t] == TokenClass.Dash && !v.Doc.IsJoinedHyphen(t)
                || (t > start && IsPhraseBreak(v.Doc.TokenText(t)))) break;
            if (v.Class[t] is TokenClass.Word or TokenClass.Capitalized) head = t;
        }
        return (head, ctx.Speakers.Classify(v.Doc, head));
    }

    /// <summary>
    /// Whether a person named at token <paramref name="t"/>, in the "of" phrase after a lower-case head and before
    /// any comma, is not the speaker but someone the head is related to ("The mother | of James Foley", "the wife of
    /// Bill Clinton") or the agent of a verb inside the phrase ("The head of a panel charged with recovering wealth
    /// accumulated | by former President Ferdinand Marcos"). A name after a lower-case word of the phrase is the
    /// speaker the phrase titles ("Merck's head of research Peter Kim"), and one set off by a comma too ("the director
    /// of the central bank, Carlos Langoni,").
    /// </summary>
    private static bool IsNamedInOfPhrase(TokenView v, int head, int end, int t)
    {
        int of = head + 1;
        if (t <= of || v.Class[head] != TokenClass.Word || of >= end || !v.Doc.TokenText(of).Equals("of", StringComparison.OrdinalIgnoreCase)) return false;
        for (int k = of + 1; k < t; k++) if (v.Class[k] == TokenClass.Comma) return false;
        int before = t - 1; // over a title or "the" before the name: "of former President Ferdinand Marcos"
        while (before > of && (v.Class[before] == TokenClass.Capitalized || Determiner(v.Doc.TokenText(before)))) before--;
        return before == of ? RelationNouns.Contains(v.Doc.TokenText(head)) : v.Doc.TokenText(before).Equals("by", StringComparison.OrdinalIgnoreCase);

        static bool Determiner(ReadOnlySpan<char> word) => word.Equals("the", StringComparison.OrdinalIgnoreCase) || word.Equals("former", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Heads that name someone by a relation to the person after "of": kin, friends, lawyers.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RelationNouns = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "mother", "father", "parents", "son", "sons", "daughter", "daughters", "wife", "husband", "widow", "widower", "brother", "brothers",
        "sister", "sisters", "family", "families", "relatives", "relative", "friend", "friends", "cousin", "uncle", "aunt", "nephew", "niece",
        "grandmother", "grandfather", "fiancee", "fiance", "girlfriend", "boyfriend", "partner", "lawyer", "lawyers", "attorney", "attorneys",
        "neighbour", "neighbours", "neighbor", "neighbors", "colleague", "colleagues", "killer", "killers", "victim", "victims",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsPhraseBreak(ReadOnlySpan<char> word) =>
        word.Equals("of", StringComparison.OrdinalIgnoreCase) || word.Equals("at", StringComparison.OrdinalIgnoreCase)
        || word.Equals("in", StringComparison.OrdinalIgnoreCase) || word.Equals("for", StringComparison.OrdinalIgnoreCase)
        || word.Equals("from", StringComparison.OrdinalIgnoreCase) || word.Equals("with", StringComparison.OrdinalIgnoreCase)
        || word.Equals("about", StringComparison.OrdinalIgnoreCase) || word.Equals("within", StringComparison.OrdinalIgnoreCase)
        || word.Equals("who", StringComparison.OrdinalIgnoreCase) || word.Equals("which", StringComparison.OrdinalIgnoreCase)
        || word.Equals("familiar", StringComparison.OrdinalIgnoreCase) || word.Equals("close", StringComparison.OrdinalIgnoreCase);

    /// <summary>"It is worth noting that ...", "it was reported": an "it" before a form of "be" stands for no one.</summary>
    private static bool IsExpletiveIt(Document doc, int start, int end) =>
        end == start + 1 && end < doc.Tokens.Length && doc.TokenText(start).Equals("it", StringComparison.OrdinalIgnoreCase)
        && ImpersonalVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(doc.TokenText(end));

    private static readonly HashSet<string> ImpersonalVerbs = new(StringComparer.OrdinalIgnoreCase) { "is", "was", "'s", "’s", "seems", "seemed" };

    /// <summary>The words of a description after its determiner, to its head: "the Tory leader" -> tory, leader.</summary>
    private static string[] Title(Document doc, int start, int head)
    {
        int first = start;
        for (int t = start; t < head; t++)
            if (IsDeterminer(doc.TokenText(t))) first = t + 1;
        var words = new string[head + 1 - first];
        for (int t = first; t <= head; t++) words[t - first] = doc.TokenText(t).ToString();
        return words;
    }

    private static bool IsDefinite(Document doc, int start, int head)
    {
        for (int t = start; t < head; t++)
            if (IsDeterminer(doc.TokenText(t))) return true;
        return false;
    }

    /// <summary>The person an age or a nationality stands for ("the 34-year-old", "the Dutchman"): the one "he" would be.</summary>
    private static EntityMention? StoryPerson(AttributionContext ctx, QuoteInfo quote, int before) =>
        Antecedent(ctx, quote, before, PersonTypes, PersonTypes, MentionRule.SubjectFirst, plural: false);

    /// <summary>"the Dutchman", "the American": "the" and a demonym of the speaker lexicon, standing for a person.</summary>
    private static bool IsNationality(AttributionContext ctx, int start, int end) =>
        end == start + 2 && ctx.View.Doc.TokenText(start).Equals("the", StringComparison.OrdinalIgnoreCase)
        && ctx.View.Class[start + 1] == TokenClass.Capitalized && ctx.View.SpeakerClass[start + 1] == SpeakerWordClass.Demonym;

    /// <summary>Whether the token ends an age standing for a person: "the 34-year-old" (one token or several).</summary>
    private static bool IsAge(Document doc, int token)
    {
        var upTo = doc.Text.AsSpan(0, doc.Tokens[token].Span.End);
        return upTo.EndsWith("-year-old", StringComparison.OrdinalIgnoreCase) || upTo.EndsWith("-years-old", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The phrase opens with "a", "an", "one" or "another" ("one senior analyst").</summary>
    private static bool IsIndefinite(Document doc, int start, int head) =>
        start < head && doc.TokenText(start) is var w && (w.Equals("a", StringComparison.OrdinalIgnoreCase) || w.Equals("an", StringComparison.OrdinalIgnoreCase)
            || w.Equals("one", StringComparison.OrdinalIgnoreCase) || w.Equals("another", StringComparison.OrdinalIgnoreCase));

    private static bool IsDeterminer(ReadOnlySpan<char> w) =>
        w.Equals("the", StringComparison.OrdinalIgnoreCase) || w.Equals("this", StringComparison.OrdinalIgnoreCase)
        || w.Equals("that", StringComparison.OrdinalIgnoreCase) || w.Equals("its", StringComparison.OrdinalIgnoreCase);
}
