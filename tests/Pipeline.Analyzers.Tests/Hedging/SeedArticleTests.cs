using System.Text.RegularExpressions;
using Pipeline.Analyzers.Hedging;
using Pipeline.Sdk;
using Pipeline.Tests;
using Pipeline.Text;
using static Pipeline.Analyzers.Tests.Hedging.HedgingTestKit;

namespace Pipeline.Analyzers.Tests.Hedging;

/// <summary>The hedges of seeds/dialog-of-dictators.txt, with Sivitsky's quotes seeded as the quote analyzer would find them.</summary>
public class SeedArticleTests
{
    private const string Sivitsky = "Arseny Sivitsky";
    private static readonly string[] SivitskyQuotes =
    [
        "Lukashenko periodically flies off to meet Putin but there is never a word about specific agreements,",
        "This is because it is obvious that the Kremlin has grown tired of such symbolism",
        "The main issue is organizing the transfer of power",
    ];

    public static TheoryData<HedgingTier> Tiers => [HedgingTier.Lexicon, HedgingTier.Ml];

    private static (Document Doc, HedgeAnalysis Result) Run(HedgingTier tier)
    {
        var doc = DocumentFactory.Create(File.ReadAllText(Path.Combine(TestPaths.Seeds, "dialog-of-dictators.txt")));
        for (int i = 0; i < SivitskyQuotes.Length; i++)
        {
            // The whole quoted passage, from the opening mark to the closing one.
            int start = doc.Text.IndexOf(SivitskyQuotes[i], StringComparison.Ordinal);
            int end = doc.Text.IndexOf('\u201D', start);
            doc = WithQuote(doc, doc.Text[start..end], Sivitsky, "q" + (i + 1));
        }
        return (doc, Annotate(doc, tier));
    }

    [Theory]
    [MemberData(nameof(Tiers))]
    public void The_articles_hedges_are_caught(HedgingTier tier)
    {
        var (doc, result) = Run(tier);
        (string Phrase, int Count)[] expected =
        [
            ("appeared", 2), ("appear", 1), ("appears", 1), ("may", 1), ("probably", 1), ("could", 1), ("alleged", 1),
            ("without evidence", 1), ("unclear", 1), ("obscure", 1), ("unidentified officials", 1), ("claims", 1),
        ];
        foreach (var (phrase, count) in expected)
        {
            var covered = Occurrences(doc.Text, phrase).Count(o => result.Cues.Any(c => c.Span.Contains(o)));
            Assert.True(covered == count, $"{tier}: '{phrase}' caught {covered} times, expected {count}");
        }
    }

    [Fact]
    public void The_lexicon_tier_spans_it_remained_unclear_whole()
    {
        var (doc, result) = Run(HedgingTier.Lexicon);
        Assert.Contains(result.Cues, c => doc.GetString(c.Span) == "it remained unclear");
    }

    [Theory]
    [MemberData(nameof(Tiers))]
    public void The_month_and_that_are_not_cues(HedgingTier tier)
    {
        var (doc, result) = Run(tier);
        var months = Occurrences(doc.Text, "May").ToList();
        Assert.Equal(2, months.Count);
        Assert.DoesNotContain(result.Cues, c => months.Any(m => c.Span.OverlapsWith(m)));
        Assert.DoesNotContain(result.Cues, c => Regex.IsMatch(doc.GetString(c.Span), @"\bthat\b", RegexOptions.IgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Tiers))]
    public void Hedges_inside_Sivitskys_quotes_are_his_and_the_rest_the_authors(HedgingTier tier)
    {
        var (doc, result) = Run(tier);
        var quotes = doc.GetLayer(Layers.Quotes);
        foreach (var cue in result.Cues)
        {
            var quote = quotes.FirstOrDefault(q => q.Span.Contains(cue.Span));
            if (quote is not null)
                Assert.Equal((HolderKind.Speaker, Sivitsky, quote.Id), (cue.Holder, cue.HolderName, cue.QuoteId));
            else
                Assert.Equal(HolderKind.Author, cue.Holder);
        }
        Assert.Contains(result.Findings, f => f.RuleId == "HDG002" && doc.GetString(f.Span) == "unidentified officials");
        Assert.Contains(result.Findings, f => f.RuleId == "HDG001" && doc.GetString(f.Span) == "probably");
    }

    /// <summary>Word-bounded, case-sensitive occurrences of a phrase.</summary>
    private static IEnumerable<TextSpan> Occurrences(string text, string phrase) =>
        Regex.Matches(text, $@"\b{Regex.Escape(phrase)}\b").Select(m => new TextSpan(m.Index, m.Length));
}
