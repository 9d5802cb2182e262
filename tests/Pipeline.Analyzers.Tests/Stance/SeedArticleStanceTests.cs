using Pipeline.Analyzers.Stance;
using Pipeline.Analyzers.Stance.Training;
using Pipeline.Sdk;
using Pipeline.Tests;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Stance;

/// <summary>
/// The seed article is a sharply critical piece about Lukashenka and Putin that cites Kommersant
/// as a source. Lexicon sentiment tools (wink-nlp, AFINN) score it mildly positive; the author's
/// stance must come out negative toward both men and neutral toward the newspaper. Here the
/// accurate tier judges a hand-made entity layer; SeedArticlePipelineTests runs the default (fast)
/// tier on the entity analyzer's own layer.
/// </summary>
public sealed class SeedArticleStanceTests
{
    private static readonly Lazy<Document> Annotated = new(() => Annotate(int8: false));
    private static readonly Lazy<Document> AnnotatedInt8 = new(() => Annotate(int8: true));

    private static Document Annotate(bool int8)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.Seeds, "dialog-of-dictators.txt"));
        var doc = StanceTestHost.WithEntities(DocumentFactory.Create(text),
            ("lukashenka", EntityTypes.Person, ["Alyaksandr Lukashenka", "Lukashenka", "Lukashenko"]),
            ("putin", EntityTypes.Person, ["Vladimir Putin", "Putin"]),
            ("kommersant", EntityTypes.Organization, ["Kommersant"]),
            ("sivitsky", EntityTypes.Person, ["Arseny Sivitsky", "Sivitsky"]),
            ("kremlin", EntityTypes.Organization, ["Kremlin"]),
            ("fsb", EntityTypes.Organization, ["Federal Security Service"]),
            ("council", EntityTypes.Organization, ["Security Council"]),
            ("atlantic", EntityTypes.Organization, ["Atlantic Council"]),
            ("viktor", EntityTypes.Person, ["Viktor"]),
            ("whitmore", EntityTypes.Person, ["Brian Whitmore"]),
            ("russia", EntityTypes.Location, ["Russia"]),
            ("belarus", EntityTypes.Location, ["Belarus"]),
            ("moscow", EntityTypes.Location, ["Moscow"]),
            ("minsk", EntityTypes.Location, ["Minsk"]),
            ("sochi", EntityTypes.Location, ["Sochi"]));
        var accurate = new StanceOptions { Tier = StanceTiers.Accurate, EntityModel = "stance-entity-" + StanceTiers.Accurate, Int8 = int8 };
        return StanceTestHost.Annotate(StanceTestHost.Load(accurate), doc);
    }

    private static EntityStance AuthorStanceToward(string cluster, bool int8 = false) =>
        (int8 ? AnnotatedInt8 : Annotated).Value.GetLayer(Layers.Stance).Single(s => s.Scope == StanceScope.Article && s.ClusterId == cluster && s.Holder == HolderKind.Author);

    [Fact]
    public void With_8_bit_encoder_weights_the_author_is_still_negative_toward_both_men_and_neutral_toward_Kommersant()
    {
        Assert.Equal(StanceLabel.Negative, AuthorStanceToward("lukashenka", int8: true).Label);
        Assert.Equal(StanceLabel.Negative, AuthorStanceToward("putin", int8: true).Label);
        Assert.Equal(StanceLabel.Neutral, AuthorStanceToward("kommersant", int8: true).Label);
    }

    [Fact]
    public void The_author_is_negative_toward_Lukashenka() => Assert.Equal(StanceLabel.Negative, AuthorStanceToward("lukashenka").Label);

    [Fact]
    public void The_author_is_negative_toward_Putin() => Assert.Equal(StanceLabel.Negative, AuthorStanceToward("putin").Label);

    [Fact]
    public void The_author_is_neutral_toward_Kommersant() => Assert.Equal(StanceLabel.Neutral, AuthorStanceToward("kommersant").Label);

    [Fact]
    public void Mentions_inside_Sivitskys_quote_are_held_by_a_speaker_not_the_author()
    {
        var doc = Annotated.Value;
        int open = doc.Text.IndexOf("“Lukashenko periodically", StringComparison.Ordinal);
        var quote = TextSpan.FromBounds(open, doc.Text.IndexOf('”', open));
        var mentions = doc.GetLayer(Layers.Entities).ToDictionary(e => e.Id, e => e.Span);
        var stances = doc.GetLayer(Layers.Stance).Where(s => s.Scope == StanceScope.Mention).ToList();
        var inQuote = stances.Where(s => quote.Contains(mentions[s.MentionId!])).ToList();
        Assert.Equal(2, inQuote.Count); // Lukashenko, Putin
        Assert.All(inQuote, s => Assert.Equal(HolderKind.Speaker, s.Holder));
        var sivitsky = stances.Single(s => s.ClusterId == "sivitsky" && s.Span.Contains(open));
        Assert.Equal(HolderKind.Author, sivitsky.Holder); // "Sivitsky wrote" is outside the quote
    }

    [Fact]
    public void Article_stances_carry_scores_confidence_and_evidence_sentences()
    {
        var doc = Annotated.Value;
        var putin = AuthorStanceToward("putin");
        Assert.Equal(3, putin.Scores.Length);
        Assert.Equal(1.0, putin.Scores.Sum(), 3);
        Assert.InRange(putin.Confidence, 0.0, 1.0);
        Assert.NotEmpty(putin.Evidence);
        Assert.All(putin.Evidence, e => Assert.Contains(doc.Sentences, s => s.Span == e));
        Assert.Equal("Vladimir Putin", putin.CanonicalName);
    }
}
