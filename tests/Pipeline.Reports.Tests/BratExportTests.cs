using System.Runtime.CompilerServices;
using Pipeline.Host.Exports;
using Pipeline.Host.Reports;
using Pipeline.Learning.Gold;
using Pipeline.Sdk;
using Pipeline.Text;
using Pipeline.Text.Records;

namespace Pipeline.Reports.Tests;

public class BratExportTests
{
    private static string Folder([CallerMemberName] string test = "") => Fixtures.NewFolder("brat", test);

    private static string Quotes(Document d) => string.Join("|", d.GetLayerOrEmpty(Layers.Quotes).Select(q =>
    {
        var a = d.GetLayerOrEmpty(Layers.Attributions).First(x => x.QuoteId == q.Id);
        return $"{string.Join(";", q.Content.Select(d.GetString))} / {(q.Cue is { } c ? d.GetString(c) : "")} / "
               + $"{(AttributionRelations.WrittenSource(q, a) is { } s ? d.GetString(s) : "")}";
    }));

    [Fact]
    public void Each_document_is_written_as_text_and_annotations_that_read_back_as_its_entities_and_quotes()
    {
        var dir = Folder();
        AnnotationRecord[] records = [Fixtures.Seed("in/a.txt"), Fixtures.Seed("other/a.txt"), Fixtures.Rejected("d.bin")];
        var output = new StringWriter();
        RunReports.Write(Fixtures.WriteJsonl(dir, records), dir, html: false, [ExportFormat.Brat], output, TextWriter.Null);

        string brat = Path.Combine(dir, BratExport.Folder);
        Assert.Equal(["a-2.ann", "a-2.txt", "a.ann", "a.txt", "annotation.conf"], Directory.GetFiles(brat).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var seed = records[0].Document!;
        Assert.StartsWith($"brat: {brat} (2 documents, {2 * seed.GetLayer(Layers.Entities).Length} entity mentions, {2 * seed.GetLayer(Layers.Quotes).Length} quotes)", output.ToString());

        var errors = new List<string>();
        var read = GoldFormats.Read(brat, null, null, errors.Add).ToList();
        Assert.Empty(errors);
        Assert.Equal(2, read.Count);
        Assert.Equal(seed.Text, read[0].Text);
        Assert.Equal(seed.GetLayer(Layers.Entities).Select(e => (e.Span, e.Type)).Order(), read[0].GetLayer(Layers.Entities).Select(e => (e.Span, e.Type)));
        Assert.Equal(Quotes(seed), Quotes(read[0]));
        Assert.Contains(read[0].GetLayer(Layers.Quotes), q => q.Content.Length == 2); // the two-segment quote stays one quote
    }

    [Fact]
    public void Offsets_count_code_points_and_bad_lines_are_named_and_skipped()
    {
        var dir = Folder();
        const string text = "😀 Smith said: \"We will win.\"";
        var doc = DocumentFactory.Create(text, new DocumentMetadata { SourcePath = "e.txt" });
        TextSpan At(string part) => new(text.IndexOf(part, StringComparison.Ordinal), part.Length);
        doc = doc.WithLayer(Layers.Entities, [new EntityMention { Id = "e1", Span = At("Smith"), Type = EntityTypes.Person, ClusterId = "c1", CanonicalName = "Smith" }])
            .WithLayer(Layers.Quotes, [new Quote { Id = "q1", Span = At("\"We will win.\""), Kind = QuoteKind.Direct, Content = [At("\"We will win.\"")], Cue = At("said") }])
            .WithLayer(Layers.Attributions, [new Attribution { Id = "a1", QuoteId = "q1", Span = At("Smith"), SpeakerText = "Smith", SpeakerKind = SpeakerKind.Named }]);
        var record = new AnnotationRecord { Id = DocumentFactory.ContentHash(text), Path = "e.txt", Status = DocumentStatus.Ok, Document = doc };
        string jsonl = Fixtures.WriteJsonl(dir, [record]);
        File.AppendAllText(jsonl, "{not json\n");
        var log = new StringWriter();
        var result = BratExport.Write(jsonl, Path.Combine(dir, "brat"), log);
        Assert.Equal(1, result.Documents);
        Assert.StartsWith($"{jsonl}:2: ", log.ToString());
        var ann = File.ReadAllLines(Path.Combine(dir, "brat", "e.ann"));
        Assert.Equal("T1\tPER 2 7\tSmith", ann[0]);
        Assert.Contains("T3\tCue 8 12\tsaid", ann);
        Assert.Equal("E1\tAttribution:T5 Content:T2 Cue:T3 Source:T4", ann[^1]);
        Assert.Equal(text, File.ReadAllText(Path.Combine(dir, "brat", "e.txt")));
    }
}
