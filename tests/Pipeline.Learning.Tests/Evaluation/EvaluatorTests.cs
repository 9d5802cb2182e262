using System.Collections.Immutable;
using Pipeline.Learning.Evaluation;
using Pipeline.Learning.Gold;
using Pipeline.Sdk;
using Pipeline.Text;

namespace Pipeline.Learning.Tests.Evaluation;

public class EvaluatorTests : IDisposable
{
    private readonly TempFiles _files = new();
    public void Dispose() => _files.Dispose();

    private List<Document> Gold(string name, string content) => GoldFormats.Read(_files.Write(name, content), null, null, e => throw new Exception(e)).ToList();

    [Fact]
    public void Entities_are_scored_with_conll_exact_spans_and_end_with_a_result_line()
    {
        var gold = Gold("g.bio", "Obama\tB-PER\nvisited\tO\nNew\tB-LOC\nYork\tI-LOC\n");
        var doc = gold[0];
        var g = doc.GetLayer(Layers.Entities);
        var predicted = doc.WithLayer(Layers.Entities, [g[0], g[1] with { Span = new TextSpan(g[1].Span.Start, 3) }]); // "New" only
        var report = Evaluator.Evaluate([Layers.Entities], gold, [predicted]);
        Assert.Equal("RESULT f1=0.5000 precision=0.5000 recall=0.5000", report.ResultLine);
        string text = report.ToString();
        Assert.Contains("PER", text);
        Assert.EndsWith("RESULT f1=0.5000 precision=0.5000 recall=0.5000" + Environment.NewLine, text);
    }

    [Fact]
    public void Hedging_reports_cue_and_sentence_F1_and_derives_sentences_from_cues_when_needed()
    {
        var gold = Gold("h.jsonl", """
            {"text": "It may rain.", "cues": [{"start": 3, "end": 6}], "label": "uncertain", "doc_id": "d"}
            {"text": "It rained.", "cues": [], "label": "certain", "doc_id": "d"}
            {"text": "Perhaps not.", "cues": [{"start": 0, "end": 7}], "label": "uncertain", "doc_id": "d"}
            """);
        var doc = gold[0];
        var cues = doc.GetLayer(Layers.HedgeCues);
        // The prediction finds "may" and a false cue "rained" but no uncertainty layer: sentences follow the cues.
        var rained = new TextSpan(doc.Text.IndexOf("rained", StringComparison.Ordinal), 6);
        var predicted = doc.WithoutLayer(Layers.Uncertainty).WithLayer(Layers.HedgeCues, [cues[0], cues[0] with { Id = "h9", Span = rained }]);
        var report = Evaluator.Evaluate([Layers.HedgeCues], gold, [predicted]);
        // cues: tp 1, fp 1, fn 1 -> F1 0.5; sentences: gold U C U, predicted U U C -> tp 1, fp 1, fn 1 -> F1 0.5
        Assert.StartsWith("RESULT cue_f1=0.5000 sentence_f1=0.5000 ", report.ResultLine);
    }

    [Fact]
    public void Stance_is_matched_by_mention_span_and_scored_with_macro_F1()
    {
        var gold = Gold("n.jsonl", """
            {"text": "Trump praised Biden and Pelosi.", "target": "Trump", "target_span": [0, 5], "label": "positive", "sentence_id": "s1"}
            {"text": "Trump praised Biden and Pelosi.", "target": "Biden", "target_span": [14, 19], "label": "positive", "sentence_id": "s1"}
            {"text": "Trump praised Biden and Pelosi.", "target": "Pelosi", "target_span": [24, 30], "label": "negative", "sentence_id": "s1"}
            """);
        var doc = gold[0];
        var entities = doc.GetLayer(Layers.Entities);
        var stances = doc.GetLayer(Layers.Stance);
        // The prediction has its own entity ids; Biden is judged neutral, Pelosi is missed.
        var predictedEntities = entities.Select((e, i) => e with { Id = $"x{i}" }).ToImmutableArray();
        var predicted = doc.WithLayer(Layers.Entities, predictedEntities).WithLayer(Layers.Stance,
            [stances[0] with { MentionId = "x0" }, stances[1] with { MentionId = "x1", Label = StanceLabel.Neutral }]);
        var report = Evaluator.Evaluate([Layers.Stance], gold, [predicted]);
        // positive: tp 1 fn 1 -> F1 2/3; negative: fn 1 -> 0; neutral: fp 1 -> 0; macro 2/9; accuracy 1/3
        Assert.Equal("RESULT macro_f1=0.2222 accuracy=0.3333", report.ResultLine);
    }

    [Fact]
    public void Claims_with_unrelated_pairs_add_the_fnc_score()
    {
        var doc = DocumentFactory.Create("A meteorite fell.");
        ClaimStance C(string claim, ClaimStanceLabel label) => new() { Id = "c", Span = doc.FullSpan, Claim = claim, Label = label };
        var gold = doc.WithLayer(Layers.ClaimStance, [C("a", ClaimStanceLabel.Agree), C("b", ClaimStanceLabel.Unrelated), C("c", ClaimStanceLabel.Discuss)]);
        var predicted = doc.WithLayer(Layers.ClaimStance, [C("a", ClaimStanceLabel.Agree), C("b", ClaimStanceLabel.Unrelated), C("c", ClaimStanceLabel.Unrelated)]);
        var report = Evaluator.Evaluate([Layers.ClaimStance], [gold], [predicted]);
        // FNC: 1 + 0.25 + 0 of 1 + 0.25 + 1
        Assert.Equal(1.25 / 2.25, report["fnc_score"], 1e-9);
        Assert.Equal(2 / 3.0, report["accuracy"], 1e-9);
        Assert.Contains("fnc_score=0.5556", report.ResultLine);
    }

    [Fact]
    public void An_analyzer_of_two_tasks_is_scored_on_the_task_the_gold_annotates()
    {
        var doc = DocumentFactory.Create("A meteorite fell.");
        var claim = new ClaimStance { Id = "c1", Span = doc.FullSpan, Claim = "a", Label = ClaimStanceLabel.Agree };
        var gold = doc.WithLayer(Layers.ClaimStance, [claim]);
        var report = Evaluator.Evaluate([Layers.Stance, Layers.ClaimStance], [gold], [gold]);
        Assert.Equal("claims", report.Task);
        Assert.Equal(1.0, report["accuracy"]);
    }

    [Fact]
    public void Quotes_report_the_quote_measures()
    {
        string text = "Smith said: \"We will win.\"";
        var doc = DocumentFactory.Create(text);
        var content = new TextSpan(12, 14);
        var quote = new Quote { Id = "q1", Span = content, Content = [content], Kind = QuoteKind.Direct, Cue = new TextSpan(6, 4) };
        var attribution = new Attribution { Id = "a1", QuoteId = "q1", Span = new TextSpan(0, 5), SpeakerText = "Smith", SpeakerKind = SpeakerKind.Named };
        var gold = doc.WithLayer(Layers.Quotes, [quote]).WithLayer(Layers.Attributions, [attribution]);
        var report = Evaluator.Evaluate([Layers.Quotes, Layers.Attributions], [gold], [gold]);
        Assert.Equal("RESULT content_f1=1.0000 content_overlap_f1=1.0000 source_f1=1.0000 cue_f1=1.0000 speaker_accuracy=1.0000", report.ResultLine);
    }

    [Fact]
    public void A_plugin_sentence_classifier_layer_gets_label_F1_and_macro_F1()
    {
        var key = new LayerKey<LabeledSpan>("sentence-topic", "t");
        var doc = DocumentFactory.Create("Rates rose. The team won. Rain fell.");
        LabeledSpan L(int i, string label) => new() { Id = $"t{i}", Span = doc.Sentences[i].Span, Label = label };
        var gold = doc.WithLayer(key, [L(0, "economy"), L(1, "sport"), L(2, "weather")]);
        var predicted = doc.WithLayer(key, [L(0, "economy"), L(1, "sport"), L(2, "sport")]);
        var report = Evaluator.Evaluate([key], [gold], [predicted]);
        Assert.Equal(2 / 3.0, report["f1"], 1e-9);
        Assert.Equal(2 / 3.0, report["accuracy"], 1e-9);
        Assert.Equal((1 + 2 / 3.0 + 0) / 3, report["macro_f1"], 1e-9);
    }

    [Fact]
    public void Mismatched_documents_and_missing_gold_layers_give_clear_errors()
    {
        var a = DocumentFactory.Create("One text.");
        var b = DocumentFactory.Create("Another text.");
        Assert.Contains("predicted text differs", Assert.Throws<EvaluationException>(() => Evaluator.Evaluate([Layers.Entities], [a], [b])).Message);
        Assert.Contains("none of the layers the analyzer produces (entities)", Assert.Throws<EvaluationException>(() => Evaluator.Evaluate([Layers.Entities], [a], [a])).Message);
        Assert.Contains("1 gold documents but 0 predicted", Assert.Throws<EvaluationException>(() => Evaluator.Evaluate([Layers.Entities], [a], [])).Message);
    }
}
