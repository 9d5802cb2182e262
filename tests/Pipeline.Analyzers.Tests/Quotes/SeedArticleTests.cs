using Pipeline.Analyzers.Quotes;
using Pipeline.Sdk;
using Pipeline.Tests;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>The seed article (seeds/dialog-of-dictators.txt) with its people and organisations seeded as entities.</summary>
public sealed class SeedArticleTests
{
    private static readonly Seed[] Entities =
    [
        new("Alyaksandr Lukashenka", EntityTypes.Person, "lukashenka"),
        new("Lukashenka", EntityTypes.Person, "lukashenka"),
        new("Lukashenko", EntityTypes.Person, "lukashenka"),
        new("Vladimir Putin", EntityTypes.Person, "putin"),
        new("Putin", EntityTypes.Person, "putin"),
        new("Arseny Sivitsky", EntityTypes.Person, "sivitsky"),
        new("Sivitsky", EntityTypes.Person, "sivitsky"),
        new("Kommersant", EntityTypes.Organization, "kommersant"),
        new("Kremlin", EntityTypes.Organization, "kremlin"),
        new("Federal Security Service", EntityTypes.Organization, "fsb"),
        new("Security Council", EntityTypes.Organization, "security-council"),
        new("Center for Strategic and Foreign Policy Studies", EntityTypes.Organization, "center"),
        new("Atlantic Council", EntityTypes.Organization, "atlantic-council"),
        new("Brian Whitmore", EntityTypes.Person, "whitmore"),
        new("Viktor", EntityTypes.Person, "viktor"),
        new("Russia", EntityTypes.Location, "russia"),
        new("Belarus", EntityTypes.Location, "belarus"),
        new("Moscow", EntityTypes.Location, "moscow"),
        new("Minsk", EntityTypes.Location, "minsk"),
        new("Sochi", EntityTypes.Location, "sochi"),
        new("United States", EntityTypes.Location, "us"),
    ];

    private static readonly Lazy<QuoteRun> Run = new(() =>
        QuoteTestKit.Analyze(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "seeds", "dialog-of-dictators.txt")), Entities));

    [Fact]
    public void Quote_interrupted_by_its_attribution_is_one_quote_by_Sivitsky()
    {
        var r = Run.Value.QuoteWith("Lukashenko periodically flies off");
        Assert.Contains("This is because it is obvious", Run.Value.Content(r));
        Assert.Equal(2, r.Quote.Quote.Content.Length);
        Assert.Equal(QuoteKind.Direct, r.Quote.Quote.Kind);
        Assert.Equal("wrote", Run.Value.Text(r.Quote.Quote.Cue!.Value));
        Assert.Equal("sivitsky", r.Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void He_added_after_a_colon_is_Sivitsky()
    {
        var r = Run.Value.QuoteWith("The main issue is organizing the transfer of power");
        Assert.Equal(QuoteKind.Direct, r.Quote.Quote.Kind);
        Assert.Equal(SpeakerKind.Pronoun, r.Speaker.Kind);
        Assert.Equal("He", r.Speaker.Text);
        Assert.Equal("sivitsky", r.Speaker.Entity?.ClusterId);
        Assert.Equal("Arseny Sivitsky", r.Speaker.Entity?.CanonicalName);
    }

    [Theory]
    [InlineData("the most principled decision of my quarter-of-a-century presidency")]
    [InlineData("it will be serious")]
    [InlineData("formalize")]
    [InlineData("by the top political leadership")]
    [InlineData("grateful to Putin")]
    public void Partial_quotations_in_reported_clauses_are_Lukashenkas(string words)
    {
        var r = Run.Value.QuoteWith(words);
        Assert.NotEqual(QuoteKind.Indirect, r.Quote.Quote.Kind);
        Assert.Equal("lukashenka", r.Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void Kommersant_report_is_an_indirect_quote_citing_unidentified_officials()
    {
        var r = Run.Value.QuoteWith("preparations are being made");
        Assert.Equal(QuoteKind.Indirect, r.Quote.Quote.Kind);
        Assert.Equal("reported", Run.Value.Text(r.Quote.Quote.Cue!.Value));
        Assert.Equal("kommersant", r.Speaker.Entity?.ClusterId);
        var anonymous = Assert.Single(Run.Value.Findings, f => f.RuleId == QuoteRules.AnonymousSource.Id);
        Assert.StartsWith("unidentified officials", Run.Value.Text(anonymous.Span));
        Assert.Contains(r.Quote.Quote.Id, anonymous.AnnotationIds);
    }

    [Fact]
    public void Citing_phrase_that_opens_the_sentence_belongs_to_the_subject_after_it()
    {
        var r = Run.Value.QuoteWith("unidentified officials in Moscow");
        Assert.Equal("Citing", Run.Value.Text(r.Quote.Quote.Cue!.Value));
        Assert.Equal("sieve:participle-subject", r.Method);
        Assert.Equal("kommersant", r.Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void Impersonal_it_and_the_writers_we_resolve_to_no_entity()
    {
        var noting = Run.Value.QuoteWith("wields considerable power");
        Assert.Equal("It", noting.Speaker.Text);
        Assert.Null(noting.Speaker.Entity);
        var know = Run.Value.QuoteWith("the two leaders went skiing");
        Assert.Equal("we", know.Speaker.Text);
        Assert.Null(know.Speaker.Entity);
    }

    [Fact]
    public void Lukashenka_revealed_that_is_an_indirect_quote_by_Lukashenka()
    {
        var r = Run.Value.QuoteWith("he would sign a decree");
        Assert.Equal(QuoteKind.Indirect, r.Quote.Quote.Kind);
        Assert.Equal("revealed", Run.Value.Text(r.Quote.Quote.Cue!.Value));
        Assert.Equal("lukashenka", r.Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void Scare_quoted_phrase_with_a_cue_is_not_an_orphan_quote()
    {
        Assert.DoesNotContain(Run.Value.Results, r => r.Quote.Cue is null && Run.Value.Content(r).Contains("strategic partnership", StringComparison.Ordinal));
    }
}
