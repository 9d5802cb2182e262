using Pipeline.Analyzers.Entities;
using Pipeline.Sdk;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Entities;

/// <summary>What a tagged mention's span keeps of its tokens.</summary>
public class MentionBoundsTests
{
    /// <summary>The text kept of the tagged tokens spelling <paramref name="tagged"/> in <paramref name="text"/>.</summary>
    private static string Kept(string text, string tagged, string type)
    {
        var doc = DocumentFactory.Create(text);
        int start = text.IndexOf(tagged, StringComparison.Ordinal), end = start + tagged.Length;
        var tokens = doc.Tokens.ToList();
        int first = tokens.FindIndex(t => t.Span.Start == start), last = tokens.FindLastIndex(t => t.Span.End <= end);
        var (keptFirst, keptEnd) = MentionBounds.Trim(doc, new TokenMention(first, last - first + 1, EntityLabels.TypeIndex(type)));
        return doc.GetString(TextSpan.FromBounds(doc.Tokens[keptFirst].Span.Start, doc.Tokens[keptEnd - 1].Span.End));
    }

    [Theory]
    [InlineData("They met in Moscow's suburbs.", "Moscow's", "LOC", "Moscow")]
    [InlineData("Russia and Central Asia in the East.", "East.", "LOC", "East")]
    [InlineData("Dialog of dictators: How Putin and Lukashenka really talk", "How Putin", "PER", "Putin")]
    [InlineData("Lukashenka's son Viktor wields considerable power.", "Viktor wields", "PER", "Viktor")]
    [InlineData("The lock Schalk van der Merwe scored.", "Schalk van der", "PER", "Schalk van der")]
    [InlineData("He works at Goldman Sachs and Co. in London.", "Goldman Sachs and Co.", "ORG", "Goldman Sachs and Co.")]
    [InlineData("The interior ministry said so.", "interior ministry", "ORG", "interior ministry")]
    [InlineData("Kommersant reported that the decree was ready.", "Kommersant reported", "ORG", "Kommersant")]
    [InlineData("He flew to Central Asia yesterday.", "Central Asia yesterday", "LOC", "Central Asia")]
    public void A_span_keeps_the_name_and_leaves_out_what_is_not_part_of_it(string text, string tagged, string type, string kept) =>
        Assert.Equal(kept, Kept(text, tagged, type));
}
