using System.Text.Json;
using Pipeline.Cli;
using Pipeline.Tests;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>`pipeline eval quotes` on small PolNeAR and brat gold sets, with the shipped model; `--export brat` and `--agreement`.</summary>
public sealed class EvalCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pipeline-quotes-eval-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>One relation of the gold file: the source, cue and content as they are written.</summary>
    private sealed record Relation(string Source, string Cue, string Content);

    [Fact]
    public void Eval_prints_cue_content_source_and_speaker_scores_and_ends_with_the_RESULT_line()
    {
        const string text = "A new bridge for the city.\n\n" +
            "\"The bridge will open next spring and nobody will pay a toll,\" Mayor Anna Berg said on Monday.\n\n" +
            "The city council said that the budget for the project had doubled since last year.";
        string gold = WriteGold(text,
            new Relation("Mayor Anna Berg", "said", "The bridge will open next spring and nobody will pay a toll,"),
            new Relation("The city council", "said", "that the budget for the project had doubled since last year"));
        string config = Path.Combine(_dir, "pipeline.json");
        File.WriteAllText(config, JsonSerializer.Serialize(new { modelsDirectory = Path.Combine(TestPaths.RepoRoot, "models") }));

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(["eval", "quotes", "--gold", gold, "--config", config,
            "--plugins", Path.Combine(TestPaths.RepoRoot, "plugins", "Pipeline.Analyzers.Quotes")], stdout, stderr);

        Assert.True(code == 0, stderr.ToString());
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var row in new[] { "content (exact)", "content (token overlap)", "cue", "source", "speaker" })
            Assert.Contains(lines, l => l.StartsWith(row + " ", StringComparison.Ordinal));
        // Both relations are plain news style: every measure is perfect on them.
        Assert.Equal("RESULT content_f1=1.0000 content_overlap_f1=1.0000 source_f1=1.0000 cue_f1=1.0000 speaker_accuracy=1.0000", lines[^1]);
    }

    private (int Code, string Stdout, string Stderr) Cli(params string[] args)
    {
        string config = Path.Combine(_dir, "pipeline.json");
        File.WriteAllText(config, JsonSerializer.Serialize(new { modelsDirectory = Path.Combine(TestPaths.RepoRoot, "models") }));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run([.. args, "--config", config, "--plugins", Path.Combine(TestPaths.RepoRoot, "plugins")], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void A_brat_export_is_gold_for_eval_and_two_annotators_of_it_are_scored_against_each_other()
    {
        string output = Path.Combine(_dir, "out");
        var run = Cli("run", TestPaths.Seeds, "--out", output, "--export", "brat");
        Assert.True(run.Code == 0, run.Stdout + run.Stderr);
        string brat = Path.Combine(output, "brat");
        Assert.Contains($"brat: {brat} (1 document, ", run.Stdout);

        // The analyzer scored against its own exported output agrees with it exactly.
        var eval = Cli("eval", "quotes", "--gold", brat);
        Assert.True(eval.Code == 0, eval.Stderr);
        Assert.Contains("RESULT content_f1=1.0000 content_overlap_f1=1.0000 source_f1=1.0000 cue_f1=1.0000", eval.Stdout);

        // A second annotator's copy with one cue dropped: the two disagree on that cue alone.
        string ann = Path.Combine(brat, "dialog-of-dictators.ann");
        var lines = File.ReadAllLines(ann).ToList();
        int cues = lines.Count(l => l.Split('\t')[1].StartsWith("Cue ", StringComparison.Ordinal));
        var e1 = lines.First(l => l.StartsWith("E1\t", StringComparison.Ordinal));
        lines[lines.IndexOf(e1)] = string.Join(' ', e1.Split(' ').Where(r => !r.StartsWith("Cue:", StringComparison.Ordinal)));
        string two = Path.Combine(_dir, "two");
        Directory.CreateDirectory(two);
        File.Copy(Path.Combine(brat, "dialog-of-dictators.txt"), Path.Combine(two, "dialog-of-dictators.txt"));
        File.Copy(ann, Path.Combine(two, "dialog-of-dictators_a.ann"));
        File.WriteAllLines(Path.Combine(two, "dialog-of-dictators_b.ann"), lines);
        var agreement = Cli("eval", "quotes", "--gold", two, "--agreement");
        Assert.True(agreement.Code == 0, agreement.Stderr);
        Assert.Contains("agreement: 1 texts annotated more than once, 1 annotator pairs scored both ways", agreement.Stderr);
        Assert.Contains($"cue_f1={2.0 * (cues - 1) / (2 * cues - 1):0.0000}", agreement.Stdout);
    }

    /// <summary>A one-article PolNeAR JSONL file (code point offsets; the text is ASCII). Each relation lies in one paragraph.</summary>
    private string WriteGold(string text, params Relation[] relations)
    {
        var quotes = relations.Select(r =>
        {
            int content = text.IndexOf(r.Content, StringComparison.Ordinal);
            Assert.True(content >= 0, r.Content);
            int paragraph = text.LastIndexOf('\n', content) + 1;
            int[][] Span(string part)
            {
                int start = text.IndexOf(part, paragraph, StringComparison.Ordinal);
                Assert.True(start >= 0, part);
                return [[start, start + part.Length]];
            }
            return new { source_spans = Span(r.Source), cue_spans = Span(r.Cue), content_spans = Span(r.Content) };
        });
        string path = Path.Combine(_dir, "gold.jsonl");
        File.WriteAllText(path, JsonSerializer.Serialize(new { id = "sample", title = "Mayor backs the new bridge", text, quotes }) + "\n");
        return path;
    }
}
