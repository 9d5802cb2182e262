using System.Collections.Immutable;
using System.Text.Json;
using Pipeline.Analyzers.Quotes;
using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Analyzers.Quotes.Learning;
using Pipeline.Analyzers.Quotes.Lexicon;
using Pipeline.Learning.Gold;
using Pipeline.Sdk;
using Pipeline.Tests;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// `pipeline train quotes --option cueSilver=FILE`: the cues of documents another model labelled
/// train the cue tagger alongside the gold ones; their contents and sources train nothing.
/// </summary>
public sealed class CueSilverTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pipeline-cue-silver-tests", Guid.NewGuid().ToString("N"));
    private static readonly string Models = Path.Combine(TestPaths.RepoRoot, "models");
    private static readonly QuotesLexicon Lexicon = QuotesLexicon.Load(Path.Combine(Models, QuotesLexicon.DefaultName));

    public CueSilverTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }

    private TrainingResult Train(string folder, string? silver)
    {
        var options = new Dictionary<string, string> { ["lexicon"] = Path.Combine(Models, QuotesLexicon.DefaultName), ["clusters"] = "none", ["bits"] = "16" };
        if (silver is not null) options["cueSilver"] = silver;
        string gold = ReportingArticles.Write(_root, "gold.jsonl", "contended");
        return new QuotesAnalyzer().CreateTrainer().Train(new TrainingContext
        {
            Train = [.. new PolnearReader().Read(gold, new GoldReadOptions(), e => throw new InvalidOperationException(e))],
            Dev = [], OutputDirectory = folder, Seed = 1,
            Options = new(options.ToImmutableDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value))),
        });
    }

    private static List<string> Cues(string folder, string text)
    {
        var detector = new QuoteDetector(Lexicon, QuoteModelFiles.Load(folder, name => name), lonelyCueThreshold: 1f, lonelyLexiconCueThreshold: 1f);
        var doc = DocumentFactory.Create(text);
        return [.. detector.Detect(doc).Where(q => q.Cue is not null).Select(q => doc.TokenText(q.Cue!.Value.Start).ToString())];
    }

    [Fact]
    public void Silver_cues_teach_the_cue_tagger_a_verb_the_gold_data_lacks()
    {
        string goldOnly = Path.Combine(_root, "gold-only"), withSilver = Path.Combine(_root, "with-silver");
        var plain = Train(goldOnly, silver: null);
        var silvered = Train(withSilver, ReportingArticles.Write(_root, "silver.jsonl", "zorbled"));

        Assert.Empty(Cues(goldOnly, "Adams zorbled that prices will fall soon."));
        Assert.Equal(["zorbled"], Cues(withSilver, "Adams zorbled that prices will fall soon."));
        Assert.Empty(Cues(withSilver, "Adams visited Texas on Monday."));
        // The silver contents and sources trained nothing: those taggers are the gold-only ones.
        Assert.Equal(plain.Metrics["content_weight_rows"], silvered.Metrics["content_weight_rows"]);
        Assert.Equal(plain.Metrics["source_weight_rows"], silvered.Metrics["source_weight_rows"]);
        Assert.Equal(File.ReadAllBytes(Path.Combine(goldOnly, "content.plm")), File.ReadAllBytes(Path.Combine(withSilver, "content.plm")));
        Assert.Contains("silver.jsonl", silvered.Features["cue_silver"]);
    }
}
