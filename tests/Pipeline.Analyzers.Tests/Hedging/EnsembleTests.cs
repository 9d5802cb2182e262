using System.Collections.Immutable;
using System.Text.Json;
using Pipeline.Analyzers.Hedging;
using Pipeline.Analyzers.Hedging.Ml;
using Pipeline.Learning;
using Pipeline.Learning.Training;
using Pipeline.Sdk;
using Pipeline.Tests;
using Pipeline.Text;
using static Pipeline.Analyzers.Tests.Hedging.HedgingTestKit;

namespace Pipeline.Analyzers.Tests.Hedging;

/// <summary>Cue tagger folders that list several trained taggers, their probabilities averaged.</summary>
public sealed class EnsembleTests : IDisposable
{
    private readonly string _models = Directory.CreateTempSubdirectory("hedging-ensemble").FullName;

    public EnsembleTests()
    {
        Directory.CreateSymbolicLink(Path.Combine(_models, "news"), ModelFolder);
        Directory.CreateSymbolicLink(Path.Combine(_models, "bio"), Path.Combine(TestPaths.RepoRoot, "models", "hedging-ml-bio"));
    }

    public void Dispose() => Directory.Delete(_models, recursive: true);

    private static TrainingResult Combine(string output, string members, double? threshold = null)
    {
        var options = ImmutableDictionary<string, JsonElement>.Empty.Add("members", JsonSerializer.SerializeToElement(members));
        if (threshold is { } t) options = options.Add("cueThreshold", JsonSerializer.SerializeToElement(t));
        return new HedgingAnalyzer().CreateTrainer()!.Train(new TrainingContext
        {
            Train = [],
            Dev = [],
            OutputDirectory = output,
            Seed = 1,
            Options = new AnalyzerOptions(options),
        });
    }

    [Fact]
    public void An_ensemble_decides_at_its_own_threshold_when_its_list_gives_one()
    {
        // The same member twice: the combined probabilities are the member's, so only the threshold differs.
        var output = Path.Combine(_models, "strict");
        var result = Combine(output, "news,news", threshold: 0.95);
        Assert.Equal("0.95", result.Features["cue_threshold"]);
        Assert.Equal(0.95, EnsembleList.Threshold(output));
        const string text = "The minister may resign, and it is not clear whether the talks will resume, officials appear to believe.";
        var options = new HedgingOptions { LexiconFill = LexiconFill.None };
        var strict = Cues(HedgeDetectors.LoadModel(output, options), text);
        var single = Cues(HedgeDetectors.LoadModel(ModelFolder, options), text);
        Assert.True(strict.Count < single.Count, "a stricter threshold keeps fewer cues");
        Assert.All(strict, cue => Assert.True(cue.Confidence >= 0.95, $"{cue} is below the list's threshold"));
        // The run option still overrides the list.
        var overridden = Cues(HedgeDetectors.LoadModel(output, new HedgingOptions { LexiconFill = LexiconFill.None, CueThreshold = 0.5 }), text);
        Assert.Equal(Cues(HedgeDetectors.LoadModel(ModelFolder, new HedgingOptions { LexiconFill = LexiconFill.None, CueThreshold = 0.5 }), text).Select(c => (c.First, c.End)),
            overridden.Select(c => (c.First, c.End)));
    }

    [Fact]
    public void An_ensemble_of_one_tagger_twice_finds_what_the_tagger_finds()
    {
        var output = Path.Combine(_models, "twice");
        Combine(output, "news,news:3");
        var ensemble = HedgeDetectors.LoadModel(output, new HedgingOptions { LexiconFill = LexiconFill.None });
        var single = HedgeDetectors.LoadModel(ModelFolder, new HedgingOptions { LexiconFill = LexiconFill.None });
        const string text = "The minister may resign, and it is not clear whether the talks will resume, officials appear to believe.";
        Assert.Equal(Found(single, text), Found(ensemble, text));
        Assert.StartsWith("twice@", ensemble.ModelId);
    }

    [Fact]
    public void Members_are_averaged_with_their_weights()
    {
        var output = Path.Combine(_models, "mixed");
        var result = Combine(output, "bio:0.5,news:0.5");
        Assert.Equal(["O", "epistemic", "doxastic", "investigation", "condition"], result.Labels.ToArray());
        var options = new HedgingOptions { LexiconFill = LexiconFill.None };
        var bio = HedgeDetectors.LoadModel(Path.Combine(_models, "bio"), options);
        var news = HedgeDetectors.LoadModel(ModelFolder, options);
        var mixed = HedgeDetectors.LoadModel(output, options);
        const string text = "These results suggest that the protein can bind DNA, although this could reflect an artefact.";
        var union = Found(bio, text).Union(Found(news, text)).ToHashSet();
        Assert.All(Found(mixed, text), cue => Assert.Contains(cue, union));
        // A one-word cue's confidence is its cue probability: the mean of the members'.
        double Suggest(ICueDetector d) => Cues(d, text).Single(c => c.First == 2).Confidence;
        Assert.Equal((Suggest(bio) + Suggest(news)) / 2, Suggest(mixed), precision: 4);
    }

    private static List<CueSpan> Cues(ICueDetector detector, string text)
    {
        var cues = new List<CueSpan>();
        detector.Detect(DocumentFactory.Create(text), cues);
        return cues;
    }

    [Fact]
    public void Combining_a_missing_member_names_it_and_leaves_no_ensemble_list()
    {
        var output = Path.Combine(_models, "broken");
        var error = Assert.ThrowsAny<Exception>(() => Combine(output, "news,gone"));
        Assert.Contains("gone", error.Message);
        Assert.False(File.Exists(Path.Combine(output, EnsembleList.FileName)));
    }

    [Fact]
    public void A_malformed_ensemble_list_is_refused_naming_the_file()
    {
        var folder = Path.Combine(_models, "bad");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, EnsembleList.FileName);
        File.WriteAllText(path, """{"members": [{"model": "news", "weight": -1}]}""");
        var error = Assert.Throws<InvalidModelException>(() => HedgeDetectors.LoadModel(folder, new HedgingOptions()));
        Assert.Contains(path, error.Message);
        Assert.Contains("weights must be positive", error.Message);
    }
}
