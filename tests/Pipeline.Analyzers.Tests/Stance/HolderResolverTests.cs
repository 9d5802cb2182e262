using System.Collections.Immutable;
using Pipeline.Sdk;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Stance;

public sealed class HolderResolverTests
{
    private const string Text = "Smith criticised Jones. \"Jones is a liar,\" said Brown. He said Jones lied.";

    private static TextSpan Find(string s, int from = 0) => new(Text.IndexOf(s, from, StringComparison.Ordinal), s.Length);

    [Fact]
    public void A_mention_inside_an_attributed_quote_is_held_by_the_speaker()
    {
        var doc = DocumentFactory.Create(Text);
        var content = Find("Jones is a liar,");
        var indirect = Find("Jones lied");
        doc = doc.WithLayer(Layers.Quotes, [
                new Quote { Id = "q1", Span = content, Content = [content], Kind = QuoteKind.Direct },
                new Quote { Id = "q2", Span = indirect, Content = [indirect], Kind = QuoteKind.Indirect }])
            .WithLayer(Layers.Attributions, [
                new Attribution { Id = "a1", QuoteId = "q1", Span = Find("Brown"), SpeakerKind = SpeakerKind.Named, SpeakerText = "Brown", ClusterId = "c3", CanonicalName = "Tom Brown" }]);
        var holders = HolderResolver.For(doc);

        Assert.Equal(Holder.Author, holders.Resolve(Find("Jones")));
        var speaker = holders.Resolve(Find("Jones", Text.IndexOf('"')));
        Assert.Equal((HolderKind.Speaker, "q1", "c3", "Tom Brown"), (speaker.Kind, speaker.QuoteId, speaker.ClusterId, speaker.Name));
        var unattributed = holders.Resolve(Find("Jones", Text.IndexOf("He said", StringComparison.Ordinal)));
        Assert.Equal((HolderKind.Speaker, "q2", null, null), (unattributed.Kind, unattributed.QuoteId, unattributed.ClusterId, unattributed.Name));
        Assert.NotEqual(speaker.GroupKey, unattributed.GroupKey);
    }

    [Fact]
    public void Without_a_quotes_layer_text_between_quotation_marks_is_an_unknown_speakers()
    {
        var doc = DocumentFactory.Create(Text);
        Assert.False(doc.HasLayer(Layers.Quotes));
        var holders = HolderResolver.For(doc);
        Assert.Equal((HolderKind.Speaker, null), (holders.Resolve(Find("Jones", Text.IndexOf('"'))).Kind, holders.Resolve(Find("Jones", Text.IndexOf('"'))).Name));
        Assert.Equal(Holder.Author, holders.Resolve(Find("Jones", Text.IndexOf("He said", StringComparison.Ordinal))));
    }

    [Fact]
    public void An_empty_quotes_layer_means_no_quotes_even_between_quotation_marks()
    {
        var doc = DocumentFactory.Create(Text).WithLayer(Layers.Quotes, ImmutableArray<Quote>.Empty);
        Assert.Equal(Holder.Author, HolderResolver.For(doc).Resolve(Find("Jones", Text.IndexOf('"'))));
    }
    [Fact]
    public void In_a_long_document_each_mention_finds_its_innermost_quote()
    {
        // 300 short quotes, then one long quote holding a nested one.
        var text = new System.Text.StringBuilder();
        var quotes = new List<Quote>();
        for (int i = 0; i < 300; i++)
        {
            text.Append("He said Jones lied. ");
            var span = new TextSpan(text.Length - 12, 10);
            quotes.Add(new Quote { Id = $"q{i}", Span = span, Content = [span], Kind = QuoteKind.Indirect });
        }
        int longStart = text.Length;
        text.Append(string.Concat(Enumerable.Repeat("Jones met Smith again. ", 60)));
        var outer = TextSpan.FromBounds(longStart, text.Length);
        var inner = new TextSpan(longStart + 23 * 40, 22);
        quotes.Add(new Quote { Id = "outer", Span = outer, Content = [outer], Kind = QuoteKind.Indirect });
        quotes.Add(new Quote { Id = "inner", Span = inner, Content = [inner], Kind = QuoteKind.Indirect });
        var doc = DocumentFactory.Create(text.ToString()).WithLayer(Layers.Quotes, [.. quotes]);
        var holders = HolderResolver.For(doc);

        Assert.Equal("q0", holders.Resolve(new TextSpan(8, 5)).QuoteId);
        Assert.Equal("q299", holders.Resolve(new TextSpan(20 * 299 + 8, 5)).QuoteId);
        Assert.Equal(Holder.Author, holders.Resolve(new TextSpan(20 * 150, 2)));
        Assert.Equal("outer", holders.Resolve(new TextSpan(longStart + 23 * 10, 5)).QuoteId);
        Assert.Equal("inner", holders.Resolve(new TextSpan(inner.Start, 5)).QuoteId);
        Assert.Equal("outer", holders.Resolve(new TextSpan(outer.End - 7, 5)).QuoteId);
    }
}
