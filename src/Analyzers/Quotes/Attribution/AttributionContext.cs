using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Analyzers.Quotes.Lexicon;

namespace Pipeline.Analyzers.Quotes.Attribution;

/// <summary>Everything the sieves of one document read.</summary>
internal sealed class AttributionContext(TokenView view, EntityIndex entities, List<QuoteInfo> quotes, SpeakerLexicon speakers, NameGenders names,
    BodyLexicon bodies)
{
    public TokenView View { get; } = view;
    public EntityIndex Entities { get; } = entities;
    /// <summary>The document's quotes in text order.</summary>
    public List<QuoteInfo> Quotes { get; } = quotes;
    public SpeakerLexicon Speakers { get; } = speakers;
    public NameGenders Names { get; } = names;
    public BodyLexicon Bodies { get; } = bodies;
    /// <summary>The tuned source tagger's P(inside a source) for the document, when the model has one.</summary>
    public Learning.TunedSpanTagger.Priors? SourcePriors { get; init; }
    /// <summary>The tokens of every quote's cue.</summary>
    public CueMarks Cues { get; } = new(view.Count, quotes.Where(q => q.Cue is not null).Select(q => q.Cue!.Value));

    /// <summary>
    /// The gender a person mention's title or first name tells: the word before it ("Mrs Kelly"),
    /// its first word ("Theresa May", but not "Leigh" of "Leigh-Pemberton"), else its cluster's
    /// canonical name's ("Blair" of "Tony Blair").
    /// </summary>
    public Gender GenderOf(Sdk.EntityMention mention)
    {
        var doc = View.Doc;
        int first = doc.TokenAt(mention.Span.Start);
        if (first > 0 && Names.Of(doc.TokenText(first - 1)) is not Gender.Unknown and var titled) return titled;
        // A hyphenated surname alone is no first name: "Leigh" of "Leigh-Pemberton" (but "Eva" of "Eva-Marie Ayala" is).
        bool surnameAlone = first + 2 < doc.Tokens.Length && doc.TokenText(first + 1) is "-"
            && !doc.Tokens[first + 1].Has(Sdk.TokenFlags.SpaceBefore) && !doc.Tokens[first + 2].Has(Sdk.TokenFlags.SpaceBefore)
            && doc.Tokens[first + 2].Span.End == mention.Span.End;
        if (!surnameAlone && Names.Of(doc.TokenText(first)) is not Gender.Unknown and var named) return named;
        var canonical = mention.CanonicalName.AsSpan();
        int space = canonical.IndexOf(' ');
        return space > 0 ? Names.Of(canonical[..space]) : Gender.Unknown;
    }

    /// <summary>Whether token <paramref name="t"/> is content of any quote.</summary>
    public bool InAnyContent(int t)
    {
        foreach (var q in Quotes)
        {
            if (q.Start > t) break;
            if (q.InContent(t)) return true;
        }
        return false;
    }

    /// <summary>Index of the news lead: the first sentence after the reader's headline (the first sentence when there is none).</summary>
    public int LeadSentence
    {
        get
        {
            var doc = View.Doc;
            int lead = 0;
            if (doc.HeadlineSpan is { } headline)
                while (lead < doc.Sentences.Length && doc.Sentences[lead].Span.Start < headline.End) lead++;
            return lead;
        }
    }

    /// <summary>Paragraph index of a token.</summary>
    public int Paragraph(int t) => View.SentenceOfToken(t).Paragraph;
}
