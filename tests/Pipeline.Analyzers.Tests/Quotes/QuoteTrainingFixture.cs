using System.Collections.Immutable;
using System.Text.Json;
using Pipeline.Analyzers.Quotes;
using Pipeline.Analyzers.Quotes.Learning;
using Pipeline.Analyzers.Quotes.Lexicon;
using Pipeline.Learning;
using Pipeline.Learning.Linear;
using Pipeline.Learning.Gold;
using Pipeline.Learning.Training;
using Pipeline.Sdk;
using Pipeline.Tests;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// What the tests of the quote trainer's tuned taggers share: a scratch folder, the shipped quote
/// lexicon, small training options and a training run on <see cref="ReportingArticles"/>.
/// </summary>
public abstract class QuoteTrainingFixture : IDisposable
{
    protected string Root { get; } = Path.Combine(Path.GetTempPath(), "pipeline-quote-training-tests", Guid.NewGuid().ToString("N"));
    private static readonly string Models = Path.Combine(TestPaths.RepoRoot, "models");
    internal static readonly QuotesLexicon Lexicon = QuotesLexicon.Load(Path.Combine(Models, QuotesLexicon.DefaultName));

    protected QuoteTrainingFixture() => Directory.CreateDirectory(Root);

    public void Dispose()
    {
        try { Directory.Delete(Root, true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    /// <summary>Trainer options: the given ones, the shipped lexicon, no clusters and 2^16 hashed features.</summary>
    protected static AnalyzerOptions Options(params (string Key, string Value)[] values) =>
        new(values.Append((Key: "lexicon", Value: Path.Combine(Models, QuotesLexicon.DefaultName))).Append((Key: "clusters", Value: "none")).Append((Key: "bits", Value: "16"))
            .ToImmutableDictionary(v => v.Key, v => JsonSerializer.SerializeToElement(v.Value)));

    /// <summary>Trains a quote model into <paramref name="folder"/> on articles where "X contended that …" is attributed and "X visited …" is not.</summary>
    protected void Train(AnalyzerOptions options, string folder) => new QuotesAnalyzer().CreateTrainer().Train(new TrainingContext
    {
        Train = [.. new PolnearReader().Read(ReportingArticles.Write(Root, "train.jsonl", "contended"), new GoldReadOptions(), e => throw new InvalidOperationException(e))],
        Dev = [], OutputDirectory = folder, Seed = 1, Options = options,
    });

    /// <summary>
    /// Writes a share out of range, then one that is no number, as the tuned weight of the linear
    /// tagger <paramref name="linearFile"/> in a trained model folder: loading names that file and the reason.
    /// </summary>
    protected static void AssertBadTunedWeightsRefused(string folder, string linearFile)
    {
        string path = Path.Combine(folder, linearFile);
        var linear = LinearModel.Load(path);
        foreach (var (value, reason) in new[] { ("2", "its tuned_weight 2 is not above 0 and at most 1"), ("half", "its tuned_weight 'half' is not a number") })
        {
            linear.WithProperties(linear.Properties.SetItem("tuned_weight", value)).Save(path);
            var invalid = Assert.Throws<InvalidModelException>(() => QuoteModelFiles.Load(folder, name => name));
            Assert.Equal(path, invalid.File);
            Assert.Contains(reason, invalid.Reason);
        }
    }
}
