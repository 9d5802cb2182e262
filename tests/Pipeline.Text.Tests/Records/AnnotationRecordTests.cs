using System.Text;
using System.Text.Json;
using Pipeline.Sdk;
using Pipeline.Text.Records;

namespace Pipeline.Text.Tests.Records;

public class AnnotationRecordTests
{
    private static readonly LayerKey<LabeledSpan> Topics = new("topics", "t");

    [Fact]
    public void An_annotation_over_the_whole_document_is_written_without_a_copy_of_the_text()
    {
        const string text = "Putin met Lukashenka in Sochi.";
        var doc = DocumentFactory.Create(text).WithLayer(Topics,
        [
            new LabeledSpan { Id = "t1", Span = new TextSpan(0, text.Length), Label = "politics" },
            new LabeledSpan { Id = "t2", Span = new TextSpan(0, 5), Label = "person" },
        ]);
        var line = Encoding.UTF8.GetString(AnnotationRecordWriter.ToLine(new AnnotationRecord { Id = doc.Id, Path = "a.txt", Status = DocumentStatus.Ok, Document = doc }));

        var items = JsonDocument.Parse(line).RootElement.GetProperty("layers").GetProperty("topics").EnumerateArray().ToArray();
        Assert.False(items[0].TryGetProperty("text", out _));
        Assert.Equal("Putin", items[1].GetProperty("text").GetString());

        var back = AnnotationRecordReader.Parse(line, "a.txt").Document!.GetLayer(Topics);
        Assert.Equal([new TextSpan(0, text.Length), new TextSpan(0, 5)], back.Select(t => t.Span));
        Assert.Equal(["politics", "person"], back.Select(t => t.Label));
    }
}
