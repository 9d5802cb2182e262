using System.Text.Json;
using Pipeline.Learning.Gold;
using Pipeline.Sdk;
using Pipeline.Tests;

namespace Pipeline.Learning.Tests.Gold;

/// <summary>The readers on the shared corpora: counts must equal the figures in corpora/stats.json.</summary>
public class SharedCorporaTests
{
    private static JsonElement Stats(string file)
    {
        var stats = JsonDocument.Parse(File.ReadAllText(TestPaths.RequireShared("corpora", "stats.json"))).RootElement;
        return stats.GetProperty(file);
    }

    private static List<Document> Read(string relative, List<string>? errors = null)
    {
        string path = TestPaths.RequireShared(["corpora", .. relative.Split('/')]);
        errors ??= [];
        var docs = GoldFormats.Read(path, null, null, errors.Add).ToList();
        Assert.Empty(errors);
        return docs;
    }

    [SkippableFact]
    public void Conll2003_dev()
    {
        var docs = Read("ner/conll2003/dev.bio");
        var stats = Stats("ner/conll2003/dev.bio");
        Assert.Equal(stats.GetProperty("docs").GetInt32(), docs.Count);
        Assert.Equal(stats.GetProperty("sentences").GetInt32(), docs.Sum(d => d.Sentences.Length));
        Assert.Equal(stats.GetProperty("tokens").GetInt32(), docs.Sum(d => d.Tokens.Length));
        foreach (var type in stats.GetProperty("entities").EnumerateObject())
            Assert.Equal(type.Value.GetInt32(), docs.Sum(d => d.GetLayer(Layers.Entities).Count(e => e.Type == type.Name)));
    }

    [SkippableFact]
    public void Szeged_factbank()
    {
        var docs = Read("hedging/szeged-uncertainty/factbank.jsonl");
        var stats = Stats("hedging/szeged-uncertainty/factbank.jsonl");
        Assert.Equal(stats.GetProperty("docs").GetInt32(), docs.Count);
        Assert.Equal(stats.GetProperty("sentences").GetInt32(), docs.Sum(d => d.GetLayer(Layers.Uncertainty).Length));
        Assert.Equal(stats.GetProperty("sentences").GetInt32(), docs.Sum(d => d.Sentences.Length));
        Assert.Equal(stats.GetProperty("uncertain_sentences").GetInt32(), docs.Sum(d => d.GetLayer(Layers.Uncertainty).Count(u => u.Uncertain)));
        foreach (var type in stats.GetProperty("cue_types").EnumerateObject())
            Assert.Equal(type.Value.GetInt32(), docs.Sum(d => d.GetLayer(Layers.HedgeCues).Count(c => c.Type.ToString().Equals(type.Name, StringComparison.OrdinalIgnoreCase))));
        var test = GoldFormats.Read(TestPaths.RequireShared("corpora", "hedging", "szeged-uncertainty", "factbank.jsonl"), null,
            new GoldReadOptions { Split = "test" }, _ => { }).Sum(d => d.Sentences.Length);
        Assert.Equal(393, test); // README: 2,558 / 178 / 393 sentences train/dev/test
    }

    [SkippableFact]
    public void NewsMtsc_devtest_mt()
    {
        var docs = Read("stance/newsmtsc/devtest_mt.jsonl");
        var stats = Stats("stance/newsmtsc/devtest_mt.jsonl");
        Assert.Equal(stats.GetProperty("sentences").GetInt32(), docs.Count);
        Assert.Equal(stats.GetProperty("targets").GetInt32(), docs.Sum(d => d.GetLayer(Layers.Stance).Length));
        foreach (var label in stats.GetProperty("labels").EnumerateObject())
            Assert.Equal(label.Value.GetInt32(), docs.Sum(d => d.GetLayer(Layers.Stance).Count(s => s.Label.ToString().Equals(label.Name, StringComparison.OrdinalIgnoreCase))));
        // Every target span reads as its target text.
        Assert.All(docs, d => Assert.All(d.GetLayer(Layers.Stance), s => Assert.Equal(s.CanonicalName, d.GetString(d.GetLayer(Layers.Entities).Single(e => e.Id == s.MentionId).Span))));
    }

    [SkippableFact]
    public void Fnc1_test()
    {
        var docs = Read("stance/fnc1/test.jsonl");
        var stats = Stats("stance/fnc1/test.jsonl");
        Assert.Equal(stats.GetProperty("bodies").GetInt32(), docs.Count);
        Assert.Equal(stats.GetProperty("pairs").GetInt32(), docs.Sum(d => d.GetLayer(Layers.ClaimStance).Length));
        foreach (var label in stats.GetProperty("labels").EnumerateObject())
            Assert.Equal(label.Value.GetInt32(), docs.Sum(d => d.GetLayer(Layers.ClaimStance).Count(s => s.Label.ToString().Equals(label.Name, StringComparison.OrdinalIgnoreCase))));
    }

    [SkippableFact]
    public void Emergent_test()
    {
        var docs = Read("stance/emergent/test.jsonl");
        var stats = Stats("stance/emergent/test.jsonl");
        Assert.Equal(stats.GetProperty("headlines").GetInt32(), docs.Count);
        Assert.Equal(stats.GetProperty("labels").GetProperty("against").GetInt32(), docs.Count(d => d.GetLayer(Layers.ClaimStance)[0].Label == ClaimStanceLabel.Disagree));
        Assert.Equal(stats.GetProperty("claims").GetInt32(), docs.Select(d => d.Metadata.Claims[0]).Distinct().Count());
    }

    [SkippableFact]
    public void Polnear_dev()
    {
        var docs = Read("quotes/polnear/dev.jsonl");
        var stats = Stats("quotes/polnear/dev.jsonl");
        Assert.Equal(stats.GetProperty("articles").GetInt32(), docs.Count);
        Assert.Equal(stats.GetProperty("attributions").GetInt32(), docs.Sum(d => d.GetLayer(Layers.Quotes).Length));
        Assert.Equal(stats.GetProperty("with_source").GetInt32(), docs.Sum(d => d.GetLayer(Layers.Attributions).Count(a => a.SpeakerText is not null)));
        var kinds = docs.SelectMany(d => d.GetLayer(Layers.Quotes)).GroupBy(q => q.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(kinds.GetValueOrDefault(QuoteKind.Direct) > 200 && kinds.GetValueOrDefault(QuoteKind.Indirect) > 1000 && kinds.GetValueOrDefault(QuoteKind.Mixed) > 20,
            string.Join(", ", kinds));
    }

    [SkippableFact]
    public void Polnear_dev_as_released_in_brat_reads_as_the_jsonl()
    {
        // The JSONL keeps each article's first annotator; the brat folder has every annotator's file.
        var jsonl = Read("quotes/polnear/dev.jsonl").ToDictionary(d => d.Metadata.ExternalId!);
        var brat = Read("quotes/polnear/original/dev/attributions");
        static string Name(Document d) => d.Metadata.ExternalId![..^(d.Metadata.Extra[BratReader.AnnotatorKey].Length + 1)];
        var first = brat.GroupBy(Name).Select(g => g.Count() == 1 ? g.Single() : g.Single(d => d.Metadata.Extra[BratReader.AnnotatorKey] == "4b22")).ToList();
        Assert.Equal(jsonl.Count, first.Count);
        static string Quotes(Document d) => string.Join("|", d.GetLayer(Layers.Quotes).Zip(d.GetLayer(Layers.Attributions))
            .Select(p => $"{string.Join(";", p.First.Content)} {p.First.Cue} {p.Second.Span} {p.First.Kind} {p.Second.SpeakerKind}").Order());
        foreach (var doc in first)
        {
            var gold = jsonl[Name(doc)];
            Assert.Equal(gold.Text, doc.Text);
            Assert.Equal(Quotes(gold), Quotes(doc));
        }
        Assert.Equal(94, brat.Count);
    }

    [SkippableFact]
    public void Ud_english_ewt_dev()
    {
        var docs = Read("ud-english-ewt/en_ewt-ud-dev.conllu");
        string path = TestPaths.RequireShared("corpora", "ud-english-ewt", "en_ewt-ud-dev.conllu");
        var lines = File.ReadLines(path).ToList();
        Assert.Equal(lines.Count(l => l.StartsWith("# newdoc")), docs.Count);
        Assert.Equal(lines.Count(l => l.StartsWith("# sent_id")), docs.Sum(d => d.Sentences.Length));
        // The rebuilt sentences read as the treebank's "# text" lines.
        var texts = lines.Where(l => l.StartsWith("# text = ")).Select(l => l["# text = ".Length..].Trim()).ToList();
        var rebuilt = docs.SelectMany(d => d.Sentences.Select(s => d.GetString(s.Span))).ToList();
        Assert.True(texts.Zip(rebuilt).Count(p => p.First == p.Second) > texts.Count * 0.98);
    }
}
