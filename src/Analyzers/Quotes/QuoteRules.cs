using Pipeline.Sdk;

namespace Pipeline.Analyzers.Quotes;

/// <summary>The rules of the quote analyzers (category "Sourcing").</summary>
public static class QuoteRules
{
    public const string Category = "Sourcing";

    public static readonly RuleDescriptor Unattributed = new(
        "QTE001", "Unattributed quote",
        "Quote has no identifiable speaker: {0}", Category, Severity.Warning)
    {
        Description = "A direct or mixed quote that no cue, neighbouring attribution or earlier speaker explains.",
    };

    public static readonly RuleDescriptor AnonymousSource = new(
        "QTE002", "Anonymous or vague source",
        "Quote rests on an anonymous or vague source: \"{0}\"", Category, Severity.Warning)
    {
        Description = "The speaker, or the source a report cites, is unnamed: \"unidentified officials\", \"a source familiar with\", \"people close to\".",
    };

    public static readonly RuleDescriptor UnresolvedPronoun = new(
        "QTE003", "Speaker is an unresolved pronoun",
        "Quote is attributed to \"{0}\", which refers to no one named before it", Category, Severity.Suggestion)
    {
        Description = "The speaker is given only as a pronoun and no earlier person or organisation fits it "
            + "(a pronoun that goes on with an unnamed source that spoke last is that source's, reported by QTE002).",
    };

    public static readonly RuleDescriptor UnclosedQuotation = new(
        "QTE004", "Unclosed quotation mark",
        "Quotation mark {0} is never closed", Category, Severity.Warning)
    {
        Description = "An opening quotation mark with no closing one, and no continuation in the next paragraph.",
    };

    public static readonly RuleDescriptor LongQuoteWithoutNamedSource = new(
        "QTE005", "Long quote without a named source",
        "A {0}-word quote has no named source", Category, Severity.Suggestion)
    {
        Description = "A long direct or mixed quote whose speaker is not a named person or organisation.",
    };

    /// <summary>A short form of a quote's words for messages: the first words, with an ellipsis when cut.</summary>
    public static string Snippet(string text, int max = 60)
    {
        var s = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (s.Length <= max) return s;
        int cut = s.LastIndexOf(' ', max);
        return s[..(cut > max / 2 ? cut : max)] + "…";
    }
}
