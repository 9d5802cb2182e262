using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Analyzers.Quotes.Lexicon;

namespace Pipeline.Analyzers.Quotes.Attribution;

/// <summary>Everything the sieves of one document read.</summary>
internal sealed class AttributionContext(TokenView view, EntityIndex entities, List<QuoteInfo> quotes, SpeakerLexicon speakers)
{
    public TokenView View { get; } = view;
    public EntityIndex Entities { get; } = entities;
    /// <summary>The document's quotes in text order.</summary>
    public List<QuoteInfo> Quotes { get; } = quotes;
    public SpeakerLexicon Speakers { get; } = speakers;

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

    /// <summary>Paragraph index of a token.</summary>
    public int Paragraph(int t) => View.SentenceOfToken(t).Paragraph;
}
