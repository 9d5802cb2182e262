using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Pipeline.Analyzers.Stance;
using Pipeline.Analyzers.Stance.Models;
using Pipeline.Learning.Gold;
using Pipeline.Learning.Training;
using Pipeline.Sdk;
using Pipeline.Tests;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Stance;

/// <summary>
/// `pipeline train stance` on tiny fixtures through the training runner (fast tier, no encoder):
/// the task follows the gold layers, the model folder is complete, and the trained model reproduces
/// the fixture's plain lexical cues.
/// </summary>
public sealed class StanceTrainingTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pipeline-stance-tests", Guid.NewGuid().ToString("N"));
    private static readonly string[] Names = ["Smith", "Jones", "Brown", "Garcia", "Miller", "Davis", "Wilson", "Moore", "Taylor", "Clark", "Lewis", "Walker"];

    public StanceTrainingTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }

    private static readonly AnalyzerOptions FastMaxEnt = Options(("tier", "fast"), ("algorithm", "maxent"),
        ("lexicon", Path.Combine(StanceTestHost.ModelsFolder, "stance-lexicon")), ("hashBits", "16"));

    private static AnalyzerOptions Options(params (string Key, string Value)[] values) =>
        new(values.ToImmutableDictionary(v => v.Key, v => JsonSerializer.SerializeToElement(v.Value)));

    [Fact]
    public void Entity_stance_trains_from_NewsMTSC_records_and_learns_their_cues()
    {
        var records = new StringBuilder();
        int id = 0;
        foreach (var name in Names)
        {
            foreach (var (text, label) in new[]
            {
                ($"{name} praised the reform and won wide applause.", "positive"),
                ($"Critics condemned {name} over the disastrous scandal.", "negative"),
                ($"{name} travelled to Ohio on Tuesday.", "neutral"),
            })
            {
                int start = text.IndexOf(name, StringComparison.Ordinal);
                records.Append(JsonSerializer.Serialize(new { id = $"r{++id}", text, target = name, target_span = new[] { start, start + name.Length }, label, sentence_id = $"s{id}" })).Append('\n');
            }
        }
        string train = Write("train.jsonl", records.ToString());
        var outcome = Train(train);

        Assert.Equal("stance", outcome.Manifest.Task);
        Assert.Equal(["negative", "neutral", "positive"], outcome.Manifest.Labels.ToArray());
        Assert.Equal("entity", outcome.Manifest.Features["task"]);
        string model = Path.Combine(_root, "model");
        Assert.Equal(StanceTask.Entity, StanceModelSettings.Load(model).Task);
        Assert.True(File.Exists(Path.Combine(model, StanceClassifier.WeightsFile)));
        Assert.True(File.Exists(Path.Combine(model, StanceClassifier.LexiconFolder, "sentiment.tsv")));

        var annotator = StanceTestHost.Load(new StanceOptions { Tier = "fast", Model = model, EntityModel = model, ClaimModel = "no-such-model" });
        var doc = StanceTestHost.WithEntities(DocumentFactory.Create("Adams praised the plan. Voters condemned Baker over the scandal. Clark travelled to Ohio."),
            ("adams", EntityTypes.Person, ["Adams"]), ("baker", EntityTypes.Person, ["Baker"]), ("clark", EntityTypes.Person, ["Clark"]));
        var stances = StanceTestHost.Annotate(annotator, doc).GetLayer(Layers.Stance).Where(s => s.Scope == StanceScope.Mention).ToDictionary(s => s.ClusterId, s => s.Label);
        Assert.Equal(StanceLabel.Positive, stances["adams"]);
        Assert.Equal(StanceLabel.Negative, stances["baker"]);
        Assert.Equal(StanceLabel.Neutral, stances["clark"]);
    }

    [Fact]
    public void A_tuned_encoder_layer_tells_two_targets_of_one_sentence_apart()
    {
        // The same sentence holds a winner and a loser: only a classifier that knows which name is the target can label both.
        var records = new StringBuilder();
        int id = 0;
        for (int i = 0; i < Names.Length; i++)
        {
            string winner = Names[i], loser = Names[(i + 5) % Names.Length];
            string text = $"{winner} defeated {loser} in the debate.";
            foreach (var (target, label) in new[] { (winner, "positive"), (loser, "negative") })
            {
                int start = text.IndexOf(target, StringComparison.Ordinal);
                records.Append(JsonSerializer.Serialize(new { id = $"r{++id}", text, target, target_span = new[] { start, start + target.Length }, label, sentence_id = $"s{id}" })).Append('\n');
            }
        }
        var options = Options(("tier", "fast"), ("algorithm", "maxent"), ("lexicon", Path.Combine(StanceTestHost.ModelsFolder, "stance-lexicon")), ("hashBits", "16"),
            ("tune", "true"), ("tuneEpochs", "8"), ("tuneRate", "0.0002"), ("tuneBatch", "4"), ("tunedWeight", "1"));
        Train(Write("train.jsonl", records.ToString()), options);

        string model = Path.Combine(_root, "model");
        Assert.Equal(1f, StanceModelSettings.Load(model).TunedWeight);
        Assert.True(File.Exists(Path.Combine(model, StanceClassifier.TunedFile)));
        var annotator = StanceTestHost.Load(new StanceOptions { Tier = "fast", Model = model, EntityModel = model, ClaimModel = "no-such-model" });
        var doc = StanceTestHost.WithEntities(DocumentFactory.Create("Adams defeated Baker in the debate."),
            ("adams", EntityTypes.Person, ["Adams"]), ("baker", EntityTypes.Person, ["Baker"]));
        var stances = StanceTestHost.Annotate(annotator, doc).GetLayer(Layers.Stance).Where(s => s.Scope == StanceScope.Mention).ToDictionary(s => s.ClusterId, s => s.Label);
        Assert.Equal(StanceLabel.Positive, stances["adams"]);
        Assert.Equal(StanceLabel.Negative, stances["baker"]);
    }

    [Fact]
    public void Claim_stance_trains_from_FNC1_pairs_and_tells_related_from_unrelated()
    {
        var bodies = new StringBuilder();
        var pairs = new StringBuilder();
        string[] topics = ["meteorite", "volcano", "election", "hurricane", "vaccine", "bridge", "satellite", "museum", "airline", "harbour", "stadium", "glacier"];
        int id = 0;
        for (int b = 0; b < topics.Length; b++)
        {
            string t = topics[b], other = topics[(b + 5) % topics.Length];
            bodies.Append(JsonSerializer.Serialize(new { body_id = b, body = $"Officials confirmed that the {t} report is accurate. The {t} damaged several homes in the town. Residents described the {t} in detail." })).Append('\n');
            foreach (var (headline, label) in new[]
            {
                ($"The {t} damaged homes in the town", "agree"),
                ($"Officials say the {t} story is a hoax and fake", "disagree"),
                ($"Reports claim a {t} may have hit the town", "discuss"),
                ($"Local chef wins {other} cooking award", "unrelated"),
                ($"Football club signs new striker for record fee", "unrelated"),
            })
                pairs.Append(JsonSerializer.Serialize(new { id = $"p{++id}", target = headline, body_id = b, label, split = "train" })).Append('\n');
        }
        Write("bodies_train.jsonl", bodies.ToString());
        string train = Write("train.jsonl", pairs.ToString());
        var outcome = Train(train);
        Assert.Equal("claim", outcome.Manifest.Features["task"]);
        string model = Path.Combine(_root, "model");
        Assert.True(File.Exists(Path.Combine(model, "idf.tsv")));

        var annotator = StanceTestHost.Load(new StanceOptions { Tier = "fast", Model = model, EntityModel = "no-such-model" },
            runClaims: ["The volcano damaged homes in the town"]);
        var doc = DocumentFactory.Create("Officials confirmed that the volcano report is accurate. The volcano damaged several homes in the town.",
            new DocumentMetadata { Claims = ["Football club signs new striker for record fee", "  ", "The volcano damaged homes in the town"] });
        var claims = StanceTestHost.Annotate(annotator, doc).GetLayer(Layers.ClaimStance);
        // One result per claim given, the run's first; the blank claim is left out.
        Assert.Equal(["The volcano damaged homes in the town", "Football club signs new striker for record fee", "The volcano damaged homes in the town"],
            claims.Select(c => c.Claim).ToArray());
        Assert.NotEqual(ClaimStanceLabel.Unrelated, claims[0].Label);
        Assert.NotEmpty(claims[0].Evidence);
        Assert.Equal(claims[0] with { Id = "" }, claims[2] with { Id = "" });
        Assert.Equal(ClaimStanceLabel.Unrelated, claims[1].Label);
        Assert.Empty(claims[1].Evidence);
        Assert.All(claims, c => Assert.Equal(1.0, c.Scores.Sum(), 4));
    }

    [Fact]
    public void Gold_with_neither_stance_layer_is_refused_with_a_clear_message()
    {
        var doc = DocumentFactory.Create("Nothing to learn here.");
        var context = new TrainingContext { Train = [doc], Dev = [doc], OutputDirectory = Path.Combine(_root, "model"), Seed = 1, Options = FastMaxEnt };
        var error = Assert.Throws<ArgumentException>(() => new StanceAnalyzer().CreateTrainer().Train(context));
        Assert.Contains("neither a \"stance\" nor a \"claims\" layer", error.Message);
    }

    [Theory]
    [InlineData("tuneBatch", "0", "tuneBatch must be at least 1")]
    [InlineData("tuneEpochs", "0", "tuneEpochs and tuneBatch must be at least 1")]
    [InlineData("tunedWeight", "1.5", "tunedWeight is the tuned classifier's share")]
    public void Tuning_options_out_of_range_are_refused_with_a_clear_message(string key, string value, string message)
    {
        var doc = DocumentFactory.Create("Nothing to learn here.");
        var options = Options(("tier", "fast"), ("task", "entity"), ("tune", "true"), (key, value));
        var context = new TrainingContext { Train = [doc], Dev = [doc], OutputDirectory = Path.Combine(_root, "model"), Seed = 1, Options = options };
        var error = Assert.Throws<ArgumentException>(() => new StanceAnalyzer().CreateTrainer().Train(context));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_tuned_layer_for_claim_stance_is_refused_with_a_clear_message()
    {
        var doc = DocumentFactory.Create("Nothing to learn here.");
        var options = Options(("tier", "fast"), ("task", "claim"), ("tune", "true"), ("lexicon", Path.Combine(StanceTestHost.ModelsFolder, "stance-lexicon")));
        var context = new TrainingContext { Train = [doc], Dev = [doc], OutputDirectory = Path.Combine(_root, "model"), Seed = 1, Options = options };
        var error = Assert.Throws<ArgumentException>(() => new StanceAnalyzer().CreateTrainer().Train(context));
        Assert.Contains("option tune applies to entity stance only", error.Message);
    }

    private TrainingOutcome Train(string trainFile, AnalyzerOptions? options = null)
    {
        var log = new RecordingLog();
        var produces = new StanceAnalyzer().Produces;
        return new TrainingRunner(log, TextWriter.Null).Run(new TrainingRequest
        {
            Analyzer = "stance", Trainer = new StanceAnalyzer().CreateTrainer(), Produces = produces,
            Train = new GoldSource(trainFile), OutputDirectory = Path.Combine(_root, "model"), Options = options ?? FastMaxEnt,
            CommandLine = "pipeline train stance", Seed = 7,
            Analyze = (model, docs, _) =>
            {
                var annotator = StanceTestHost.Load(new StanceOptions { Tier = "fast", Model = model, EntityModel = "no-such-model", ClaimModel = "no-such-model" });
                return docs.Select(d => StanceTestHost.Annotate(annotator, d)).ToList();
            },
        });
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(_root, name);
        File.WriteAllText(path, content);
        return path;
    }
}
