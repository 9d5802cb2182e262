using Pipeline.Learning.Evaluation;
using Pipeline.Learning.Gold;
using Pipeline.Learning.Training;
using Pipeline.Sdk;

namespace Pipeline.Learning.Tests.Evaluation;

public class AnnotatorAgreementTests : IDisposable
{
    private const string Text = "Smith said Friday that taxes would rise. Jones said they would not.\n";
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>An annotation of <see cref="Text"/> whose first cue is <paramref name="firstCue"/>.</summary>
    private string Annotate(string name, string firstCue)
    {
        string T(string id, string type, string s, int from = 0)
        {
            int start = Text.IndexOf(s, from, StringComparison.Ordinal);
            return $"{id}\t{type} {start} {start + s.Length}\t{s}";
        }
        int jones = Text.IndexOf("Jones", StringComparison.Ordinal);
        return _files.Write($"attributions/{name}.ann", string.Join('\n',
            T("T1", "Source", "Smith"), T("T2", "Cue", firstCue), T("T3", "Content", "that taxes would rise"),
            "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1",
            T("T4", "Source", "Jones"), T("T5", "Cue", "said", jones), T("T6", "Content", "they would not"),
            "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4") + "\n");
    }

    [Fact]
    public void Annotators_of_one_text_are_scored_against_each_other_both_ways()
    {
        _files.Write("text/article.txt", Text);
        _files.Write("text/single.txt", "Nobody said anything here.\n");
        Annotate("article_a", "said Friday");
        Annotate("article_b", "said");
        Annotate("article_c", "said");
        _files.Write("attributions/single_a.ann", "");
        var log = new List<string>();
        var output = new StringWriter();
        var report = new EvaluationRunner(new ListLog(log), output).Run(new EvaluationRequest
        {
            Analyzer = "quotes", Produces = [Layers.Quotes, Layers.Attributions],
            Gold = new GoldSource(_files.PathOf("attributions")), Agreement = true,
        });
        // Three annotators, three pairs, each with two cues: b and c agree on both, a on one with each.
        Assert.Equal((2 + 1 + 1) / 6.0, report["cue_f1"], 6);
        Assert.Equal(1.0, report["content_f1"], 6);
        Assert.Equal(1.0, report["source_f1"], 6);
        Assert.Contains(log, l => l == "agreement: 1 texts annotated more than once, 3 annotator pairs scored both ways (1 texts annotated once left out)");
        Assert.Contains("RESULT content_f1=1.0000", output.ToString());
    }

    [Fact]
    public void A_gold_set_without_a_second_annotation_has_no_agreement_to_measure()
    {
        _files.Write("text/article.txt", Text);
        Annotate("article_a", "said");
        var runner = new EvaluationRunner(new ListLog(), TextWriter.Null);
        var error = Assert.Throws<GoldFormatException>(() => runner.Run(new EvaluationRequest
        {
            Analyzer = "quotes", Produces = [Layers.Quotes, Layers.Attributions], Gold = new GoldSource(_files.PathOf("attributions")), Agreement = true,
        }));
        Assert.Contains("no text is annotated more than once", error.Message);
    }
}
