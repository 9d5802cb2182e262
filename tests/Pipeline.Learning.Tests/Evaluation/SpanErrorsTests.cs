using Pipeline.Learning.Evaluation;
using Pipeline.Learning.Gold;
using Pipeline.Sdk;
using Pipeline.Text;

namespace Pipeline.Learning.Tests.Evaluation;

public class SpanErrorsTests : IDisposable
{
    private readonly TempFiles _files = new();
    public void Dispose() => _files.Dispose();

    [Fact]
    public void Each_disagreement_is_listed_with_its_kind_and_sentence()
    {
        var gold = GoldFormats.Read(_files.Write("g.bio", "Obama\tB-PER\nvisited\tO\nNew\tB-LOC\nYork\tI-LOC\nwith\tO\nReuters\tB-ORG\nand\tO\nCNN\tB-ORG\n.\tO\n"),
            null, null, e => throw new Exception(e)).ToList();
        var doc = gold[0];
        var g = doc.GetLayer(Layers.Entities); // Obama PER, New York LOC, Reuters ORG, CNN ORG
        var visited = new TextSpan(doc.Text.IndexOf("visited", StringComparison.Ordinal), 7);
        var predicted = doc.WithLayer(Layers.Entities,
        [
            g[0] with { Type = EntityTypes.Organization },                     // type
            g[1] with { Span = new TextSpan(g[1].Span.Start, 3) },             // bounds: "New"
            g[3],                                                              // right
            g[0] with { Id = "x9", Span = visited, Type = EntityTypes.Miscellaneous },  // spurious
        ]);                                                                    // Reuters: missed

        var lines = SpanErrors.Lines(Layers.Entities, doc, predicted).Select(l => l.Split('\t')).ToList();

        Assert.Equal(4, lines.Count);
        Assert.Equal(["type", "Obama", "PER", "Obama", "ORG"], lines[0][1..6]);
        Assert.Equal(["bounds", "New York", "LOC", "New", "LOC"], lines[1][1..6]);
        Assert.Equal(["missed", "Reuters", "ORG", "", ""], lines[2][1..6]);
        Assert.Equal(["spurious", "", "", "visited", "MISC"], lines[3][1..6]);
        Assert.All(lines, l => Assert.Equal("Obama visited New York with Reuters and CNN .", l[6]));

        var path = _files.PathOf("errors.tsv");
        Assert.Equal(4, SpanErrors.Write(path, [Layers.Entities], gold, [predicted]));
        var written = File.ReadAllLines(path);
        Assert.Equal(SpanErrors.Header, written[0]);
        Assert.Equal(5, written.Length);
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void A_misbounded_span_is_shown_with_the_overlapping_prediction_of_its_own_label()
    {
        const string text = "Officials in New York said so.";
        var doc = DocumentFactory.Create(text);
        TextSpan At(string part) => new(text.IndexOf(part, StringComparison.Ordinal), part.Length);
        EntityMention Mention(string id, string part, string type) => new() { Id = id, Span = At(part), Type = type, Confidence = 1, ClusterId = id, CanonicalName = part };
        var gold = doc.WithLayer(Layers.Entities, [Mention("g1", "New York", EntityTypes.Location)]);
        var predicted = doc.WithLayer(Layers.Entities, [Mention("p1", "in New", EntityTypes.Organization), Mention("p2", "York", EntityTypes.Location)]);

        var line = Assert.Single(SpanErrors.Lines(Layers.Entities, gold, predicted)).Split('\t');
        Assert.Equal(["bounds", "New York", "LOC", "York", "LOC"], line[1..6]);
    }

    [Fact]
    public void An_unwritable_error_list_is_reported_with_its_path()
    {
        var gold = GoldFormats.Read(_files.Write("g.bio", "Obama\tB-PER\n"), null, null, e => throw new Exception(e)).ToList();
        var path = Path.Combine(_files.PathOf("no-such-folder"), "errors.tsv");
        var error = Assert.Throws<IOException>(() => SpanErrors.Write(path, [Layers.Entities], gold, gold));
        Assert.StartsWith(path + ": cannot write the error list", error.Message);
    }

    [Fact]
    public void Quote_cues_written_sources_and_content_are_listed_as_spans()
    {
        const string text = "Officials said the talks failed, Reuters reported.";
        var doc = DocumentFactory.Create(text);
        TextSpan At(string part) => new(text.IndexOf(part, StringComparison.Ordinal), part.Length);
        Document With(string cue, string source, string content) => doc
            .WithLayer(Layers.Quotes, [new Quote { Id = "q1", Span = At(content), Kind = QuoteKind.Indirect, Content = [At(content)], Cue = At(cue) }])
            .WithLayer(Layers.Attributions, [new Attribution { Id = "a1", QuoteId = "q1", Span = At(source), SpeakerKind = SpeakerKind.Anonymous, SpeakerText = source }]);

        var lines = SpanErrors.Lines(Layers.Quotes, With("said", "Officials", "the talks failed"), With("reported", "Officials", "the talks failed, ")).Select(l => l.Split('\t')).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal(["missed", "said", "cue", "", ""], lines[0][1..6]);
        Assert.Equal(["spurious", "", "", "reported", "cue"], lines[1][1..6]);

        // A content running over a paragraph break stays on one line of the list.
        const string paragraphs = "He said:\n\"We will win.\nWe will not stop.\"";
        var two = DocumentFactory.Create(paragraphs);
        TextSpan In(string part) => new(paragraphs.IndexOf(part, StringComparison.Ordinal), part.Length);
        var quoted = two.WithLayer(Layers.Quotes, [new Quote { Id = "q1", Span = In("We will win.\nWe will not stop."), Kind = QuoteKind.Direct, Content = [In("We will win.\nWe will not stop.")] }]);
        var none = two.WithLayer(Layers.Quotes, []);
        Assert.Equal("missed\tWe will win. We will not stop\tcontent", string.Join('\t', Assert.Single(SpanErrors.Lines(Layers.Quotes, quoted, none)).Split('\t')[1..4]));

        // Content is compared trimmed of the final comma, as the score compares it.
        lines = SpanErrors.Lines(Layers.Quotes, With("said", "Officials", "the talks failed"), With("said", "Officials", "talks failed")).Select(l => l.Split('\t')).ToList();
        Assert.Equal(["bounds", "the talks failed", "content", "talks failed", "content"], Assert.Single(lines)[1..6]);

        // A source is misbounded only against a predicted source: one that falls inside predicted
        // content is missed, and a predicted source inside gold content is spurious.
        lines = SpanErrors.Lines(Layers.Quotes, With("reported", "Reuters", "Officials said the talks failed"), With("said", "Officials", "the talks failed, Reuters"))
            .Select(l => l.Split('\t')).Where(l => l[3] == "source" || l[5] == "source").ToList();
        Assert.Equal([["missed", "Reuters", "source", "", ""], ["spurious", "", "", "Officials", "source"]], lines.Select(l => l[1..6]));
    }

    [Fact]
    public void A_direct_quote_given_the_wrong_speaker_is_listed_with_both_speakers()
    {
        const string text = "\"We will win,\" Mr Brown told Mr Green.";
        var doc = DocumentFactory.Create(text);
        TextSpan At(string part) => new(text.IndexOf(part, StringComparison.Ordinal), part.Length);
        Document With(string? source) => doc
            .WithLayer(Layers.Quotes, [new Quote { Id = "q1", Span = At("\"We will win,\""), Kind = QuoteKind.Direct, Content = [At("\"We will win,\"")], Cue = At("told") }])
            .WithLayer(Layers.Attributions, source is null ? [] :
                [new Attribution { Id = "a1", QuoteId = "q1", Span = At(source), SpeakerKind = SpeakerKind.Named, SpeakerText = source }]);

        var lines = SpanErrors.Lines(Layers.Quotes, With("Mr Brown"), With("Mr Green")).Select(l => l.Split('\t')).ToList();
        Assert.Contains(["speaker", "Mr Brown", "speaker", "Mr Green", "speaker"], lines.Select(l => l[1..6]));
        // No speaker at all is listed too, with an empty prediction; the right one is not.
        Assert.Contains(["speaker", "Mr Brown", "speaker", "", ""], SpanErrors.Lines(Layers.Quotes, With("Mr Brown"), With(null)).Select(l => l.Split('\t')[1..6]));
        Assert.DoesNotContain(SpanErrors.Lines(Layers.Quotes, With("Mr Brown"), With("Mr Brown")), l => l.Contains("\tspeaker\t", StringComparison.Ordinal));
    }
}
