using System.Collections.Immutable;
using System.Text.Json;
using Pipeline.Analyzers.Hedging;
using Pipeline.Analyzers.Hedging.Ml;
using Pipeline.Learning.Encoders;
using Pipeline.Sdk;
using Pipeline.Tests;
using Pipeline.Text;
using Pipeline.Text.Records;
using static Pipeline.Analyzers.Tests.Hedging.HedgingTestKit;

namespace Pipeline.Analyzers.Tests.Hedging;

public class TrainingTests
{
    private static List<Document> Gold(string file) =>
        [.. AnnotationRecordReader.ReadFile(Path.Combine(TestPaths.RepoRoot, "tests", "Pipeline.Analyzers.Tests", "Hedging", "Fixtures", file),
            error => Assert.Fail(error)).Select(r => r.Document!)];

    /// <summary>Trains on the tiny fixtures into <paramref name="output"/> with a small hash and few iterations, plus <paramref name="options"/>.</summary>
    private static TrainingResult TrainTiny(string output, params (string Key, object Value)[] options) =>
        TrainTiny(output, Gold("tiny-hedges-train.jsonl"), options);

    private static TrainingResult TrainTiny(string output, List<Document> train, params (string Key, object Value)[] options)
    {
        var values = ImmutableDictionary<string, JsonElement>.Empty
            .Add("lexicon", JsonSerializer.SerializeToElement(LexiconFolder))
            .Add("hashBits", JsonSerializer.SerializeToElement(16))
            .Add("iterations", JsonSerializer.SerializeToElement(60));
        foreach (var (key, value) in options) values = values.SetItem(key, JsonSerializer.SerializeToElement(value));
        return new HedgingAnalyzer().CreateTrainer()!.Train(new TrainingContext
        {
            Train = train,
            Dev = Gold("tiny-hedges-dev.jsonl"),
            OutputDirectory = output,
            Seed = 1,
            Options = new AnalyzerOptions(values),
        });
    }

    [Fact]
    public void The_trainer_writes_a_model_that_finds_the_cues_it_was_taught()
    {
        var output = Directory.CreateTempSubdirectory("hedging-ml").FullName;
        try
        {
            Assert.Equal("hedge-cues", new HedgingAnalyzer().CreateTrainer()!.Task);
            var result = TrainTiny(output);
            Assert.Equal(["O", "epistemic", "doxastic", "investigation", "condition"], result.Labels.ToArray());
            Assert.True(result.Metrics["dev_cue_f1"] > 0.9, $"dev cue F1 {result.Metrics["dev_cue_f1"]}");

            var detector = CueTaggerModel.Load(output).CreateDetector();
            Assert.Equal(["may"], Found(detector, "Inflation may ease next year."));
            Assert.Equal(["whether"], Found(detector, "It is not known whether the mayor will return."));
            Assert.Empty(Found(detector, "The talks resumed in May."));
        }
        finally { Directory.Delete(output, recursive: true); }
    }

    [Fact]
    public void A_given_cue_threshold_is_kept_instead_of_the_tuned_one()
    {
        var output = Directory.CreateTempSubdirectory("hedging-ml").FullName;
        try
        {
            var result = TrainTiny(output, ("cueThreshold", 0.35));
            Assert.Equal("0.35", result.Features["cue_threshold"]);
            Assert.Equal(0.35, CueTaggerModel.Load(output).CueThreshold, precision: 6);
        }
        finally { Directory.Delete(output, recursive: true); }
    }

    [Fact]
    public void Refitting_learns_from_the_dev_documents_too()
    {
        var output = Directory.CreateTempSubdirectory("hedging-ml").FullName;
        try
        {
            // Training documents without a cue: only the dev documents can teach the model.
            var withoutCues = Gold("tiny-hedges-train.jsonl").Select(d => d.WithLayer(Layers.HedgeCues, [])).ToList();
            Assert.Throws<InvalidDataException>(() => TrainTiny(output, withoutCues, ("cueThreshold", 0.35)));
            TrainTiny(output, withoutCues, ("cueThreshold", 0.35), ("refit", true));
            Assert.Equal(["may"], Found(CueTaggerModel.Load(output).CreateDetector(), "Inflation may ease next year."));
        }
        finally { Directory.Delete(output, recursive: true); }
    }

    [Fact]
    public void Refitting_on_the_dev_documents_needs_a_given_cue_threshold()
    {
        var output = Directory.CreateTempSubdirectory("hedging-ml").FullName;
        try
        {
            var e = Assert.Throws<ArgumentException>(() => TrainTiny(output, ("refit", true)));
            Assert.Contains("cueThreshold", e.Message);
        }
        finally { Directory.Delete(output, recursive: true); }
    }

    [Fact]
    public void A_missing_model_file_is_a_clear_error()
    {
        var folder = Directory.CreateTempSubdirectory("hedging-ml").FullName;
        try
        {
            var e = Assert.ThrowsAny<IOException>(() => CueTaggerModel.Load(folder));
            Assert.Contains("model.bin", e.Message);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public void The_encoder_tier_reads_the_encoder_state_of_candidate_cue_tokens()
    {
        var output = Directory.CreateTempSubdirectory("hedging-ml").FullName;
        try
        {
            const string variant = "all-MiniLM-L6-v2@L2+3+4";
            // Every stem seen as a cue and as a non-cue ("may" and the month "May") is a candidate.
            var result = TrainTiny(output, ("encoderLayers", "2,3,4"), ("ambiguousMinCount", 1), ("cueThreshold", 0.5));
            Assert.Equal(variant, result.Features["encoder"]);
            var model = CueTaggerModel.Load(output);
            Assert.Equal(variant, model.Encoder);
            Assert.Contains("may", model.Features.AmbiguousStems);
            Assert.Contains(variant, Assert.Throws<InvalidOperationException>(() => model.CreateDetector()).Message);

            var encoder = new RecordingEncoder(MiniLmEncoder.ForModelId(variant)!);
            var detector = model.CreateDetector(LexiconFill.None, encoder);
            Assert.Equal(["may"], Found(detector, "Inflation may ease next year."));
            Assert.Empty(Found(detector, "The talks resumed."));
            Assert.Equal(["Inflation may ease next year."], encoder.Texts); // a sentence without a candidate is not encoded

            // The same encoder with 8-bit weights (the option int8) is accepted and finds the same cue.
            var int8 = model.CreateDetector(LexiconFill.None, MiniLmEncoder.ForModel(variant, () => null, int8: true));
            Assert.Equal(["may"], Found(int8, "Inflation may ease next year."));

            // The states take part in the decision: without them the cue scores differently.
            var withStates = Scores(detector, "Inflation may ease next year.");
            encoder.Zero = true;
            Assert.NotEqual(withStates, Scores(detector, "Inflation may ease next year."));
        }
        finally { Directory.Delete(output, recursive: true); }
    }

    [Fact]
    public void An_encoder_tier_model_refuses_a_different_encoder()
    {
        var output = Directory.CreateTempSubdirectory("hedging-ml").FullName;
        try
        {
            TrainTiny(output, ("encoderLayers", "2,3,4"), ("ambiguousMinCount", 1), ("cueThreshold", 0.5));
            var e = Assert.Throws<InvalidOperationException>(() => CueTaggerModel.Load(output).CreateDetector(LexiconFill.None, MiniLmEncoder.Shared));
            Assert.Contains("all-MiniLM-L6-v2@L2+3+4", e.Message);
        }
        finally { Directory.Delete(output, recursive: true); }
    }

    /// <summary>Passes calls to the encoder it wraps and records the texts it was asked for; with Zero set, returns zero vectors.</summary>
    private sealed class RecordingEncoder(ITextEncoder inner) : ITextEncoder
    {
        public List<string> Texts { get; } = [];
        public bool Zero { get; set; }
        public string ModelId => inner.ModelId;
        public int Dimension => inner.Dimension;
        public float[] EncodeSentence(string text) => inner.EncodeSentence(text);
        public float[][] EncodeSentences(IReadOnlyList<string> texts) => inner.EncodeSentences(texts);

        public float[][] EncodeWords(string text, IReadOnlyList<TextSpan> words)
        {
            Texts.Add(text);
            return Zero ? [.. words.Select(_ => new float[Dimension])] : inner.EncodeWords(text, words);
        }
    }

    private static double[] Scores(ICueDetector detector, string text)
    {
        var cues = new List<CueSpan>();
        detector.Detect(DocumentFactory.Create(text), cues);
        return [.. cues.Select(c => c.Confidence)];
    }
}

public class SentenceSetTests
{
    [Fact]
    public void Sentences_match_across_tokenisation_and_bracket_tokens()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """{"text": "IL-2 -LRB- a cytokine -RRB- may act , we think ."}""" + "\n");
            var set = SentenceSet.Load(file);
            Assert.True(set.Contains("IL-2 (a cytokine) may act, we think."));
            Assert.False(set.Contains("IL-2 (a cytokine) may act."));
            Assert.False(set.Contains("IL-2 may act."));
            Assert.False(set.Contains("cytokine"));
            File.WriteAllText(file, "{\"id\": 1}\n");
            Assert.Contains(":1:", Assert.Throws<InvalidDataException>(() => SentenceSet.Load(file)).Message);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void A_sentence_split_differently_still_matches_the_text_it_shares()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """
                {"text": "Hosts were cultured for 1 -- 6 weeks , dissected and fixed . Thick 50 µm sections were stained as described below ."}
                {"text": "Abstract"}
                {"text": "These data suggest that the protein may bind DNA ."}
                """);
            var set = SentenceSet.Load(file);
            Assert.True(set.Contains("Thick 50 µm sections were stained as described below."));
            Assert.True(set.Contains("Background. These data suggest that the protein may bind DNA. See Figure 2."));
            Assert.True(set.Contains("Abstract"));
            Assert.False(set.Contains("Abstract and introduction of the paper"));
            Assert.False(set.Contains("These data suggest that the receptor may bind RNA."));
        }
        finally { File.Delete(file); }
    }
}

public class CueSchemeTests
{
    private static string[] Kept(string scheme, string text, params (string Word, HedgeType Type)[] cues)
    {
        var doc = DocumentFactory.Create(text).WithLayer(Layers.HedgeCues, [.. cues.Select((c, i) => new HedgeCue
        {
            Id = $"h{i}",
            Span = new TextSpan(text.IndexOf(c.Word, StringComparison.Ordinal), c.Word.Length),
            Type = c.Type,
        })]);
        return [.. CueScheme.Parse(scheme).Apply(doc).GetLayerOrEmpty(Layers.HedgeCues).Select(c => doc.GetString(c.Span))];
    }

    [Fact]
    public void Conll2010_keeps_modal_conditions_and_interrogatives_only()
    {
        const string text = "If the gene were deleted, the cells would die; we examined whether they do.";
        (string, HedgeType)[] cues = [("If", HedgeType.Condition), ("would", HedgeType.Condition), ("examined", HedgeType.Investigation), ("whether", HedgeType.Investigation)];
        Assert.Equal(["would", "whether"], Kept("conll2010", text, cues));
        Assert.Equal(["If", "would", "examined", "whether"], Kept("szeged", text, cues));
    }
}
