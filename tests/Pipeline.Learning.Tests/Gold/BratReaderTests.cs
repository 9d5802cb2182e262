using Pipeline.Learning.Gold;
using Pipeline.Sdk;

namespace Pipeline.Learning.Tests.Gold;

public class BratReaderTests : IDisposable
{
    // Offsets are code points: the emoji makes UTF-16 offsets one larger after it.
    private const string Text = "😀 \"We will win,\" Smith said Friday, \"and soon.\" Officials said it was over.\n";
    private readonly TempFiles _files = new();
    private readonly List<string> _errors = [];

    public void Dispose() => _files.Dispose();

    /// <summary>A T line for the first occurrence of each fragment (after <paramref name="after"/>), in code points.</summary>
    private static string Bound(string id, string type, string after, params string[] fragments)
    {
        var ranges = fragments.Select(f =>
        {
            int start = Text.IndexOf(f, Text.IndexOf(after, StringComparison.Ordinal), StringComparison.Ordinal) - 1;
            return $"{start} {start + f.Length}";
        });
        return $"{id}\t{type} {string.Join(';', ranges)}\t{string.Join(' ', fragments)}";
    }

    private static readonly string Annotation = string.Join('\n',
        Bound("T1", "Source", "", "Smith"),
        Bound("T2", "Cue", "", "said Friday"),
        Bound("T3", "Content", "", "We will win,", "and soon."),
        Bound("T4", "Attribution", "", "said Friday"),
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        "A1\tDiscuss E1",
        Bound("T5", "Cue", "Officials", "said"),
        Bound("T6", "Content", "", "it was over"),
        Bound("T7", "Attribution-no-source", "Officials", "said"),
        "E2\tAttribution-no-source:T7 Content:T6 Cue:T5",
        "E3\tAttribution:T7 Content:T99") + "\n";

    [Fact]
    public void Attribution_events_become_quotes_with_their_cues_sources_and_discontinuous_content()
    {
        _files.Write("text/article.txt", Text);
        string ann = _files.Write("attributions/article_a1.ann", Annotation);
        var doc = Assert.Single(GoldFormats.Read(ann, null, null, _errors.Add));
        Assert.Equal($"{ann}:11: E3: argument Content:T99: no such text span", Assert.Single(_errors));
        var quotes = doc.GetLayer(Layers.Quotes);
        var attributions = doc.GetLayer(Layers.Attributions);
        Assert.Equal(["We will win,", "and soon."], quotes[0].Content.Select(doc.GetString));
        Assert.Equal("said Friday", doc.GetString(quotes[0].Cue!.Value));
        Assert.Equal([QuoteKind.Direct, QuoteKind.Indirect], quotes.Select(q => q.Kind));
        Assert.Equal("said", doc.GetString(quotes[1].Cue!.Value));
        Assert.Equal(["Smith", null], attributions.Select(a => a.SpeakerText));
        Assert.Equal([SpeakerKind.Named, SpeakerKind.Unknown], attributions.Select(a => a.SpeakerKind));
        Assert.Equal("a1", doc.Metadata.Extra[BratReader.AnnotatorKey]);
        Assert.Equal("article_a1", doc.Metadata.ExternalId);
    }

    [Fact]
    public void A_surface_text_over_a_line_break_continues_its_T_line()
    {
        string text = "Jones said the plan\nwould fail.\n";
        _files.Write("a.txt", text);
        string ann = _files.Write("a.ann", "T1\tCue 6 10\tsaid\nT2\tContent 11 30\tthe plan\nwould fail\nE1\tAttribution:T1 Content:T2 Cue:T1\n");
        var doc = Assert.Single(GoldFormats.Read(ann, "brat", null, _errors.Add));
        Assert.Empty(_errors);
        Assert.Equal("the plan\nwould fail", doc.GetString(Assert.Single(Assert.Single(doc.GetLayer(Layers.Quotes)).Content)));
    }

    [Fact]
    public void Named_entity_spans_become_entity_mentions_and_a_file_of_entities_alone_has_no_quote_layers()
    {
        string text = "Angela Merkel met IBM staff in Paris.\n";
        _files.Write("ner.txt", text);
        string ner = _files.Write("ner.ann", "T1\tPerson 0 13\tAngela Merkel\nT2\tORG 18 21\tIBM\nT3\tLOC 31 36\tParis\nT4\tGPE 31 36\tParis\n");
        var doc = Assert.Single(GoldFormats.Read(ner, null, null, _errors.Add));
        Assert.Empty(_errors);
        Assert.Equal([("Angela Merkel", "PER"), ("IBM", "ORG"), ("Paris", "LOC")], doc.GetLayer(Layers.Entities).Select(e => (doc.GetString(e.Span), e.Type)));
        Assert.False(doc.HasLayer(Layers.Quotes));

        _files.Write("text/article.txt", Text);
        string both = _files.Write("attributions/article_a1.ann", Annotation + Bound("T20", "PER", "", "Smith") + "\n");
        var mixed = Assert.Single(GoldFormats.Read(both, null, null, _ => { }));
        Assert.Equal("Smith", mixed.GetString(Assert.Single(mixed.GetLayer(Layers.Entities)).Span));
        Assert.Equal(2, mixed.GetLayer(Layers.Quotes).Length);
    }

    [Fact]
    public void A_folder_is_read_file_by_file_with_the_text_beside_each_and_bad_files_reported()
    {
        _files.Write("set/one.txt", Text);
        _files.Write("set/one.ann", Annotation);
        _files.Write("set/two.txt", "Another text entirely.\n");
        _files.Write("set/two.ann", Bound("T1", "Content", "", "We will win,") + "\nE1\tAttribution:T1 Content:T1\n");
        string orphan = _files.Write("set/three.ann", "");
        string folder = _files.PathOf("set");
        Assert.Equal("brat", GoldFormats.Resolve(folder).Format);
        var docs = GoldFormats.Read(folder, null, null, _errors.Add).ToList();
        Assert.Equal(2, docs.Count);
        Assert.Equal(2, docs[0].GetLayer(Layers.Quotes).Length);
        Assert.Empty(docs[1].GetLayer(Layers.Quotes));
        Assert.Contains(_errors, e => e.StartsWith($"{_files.PathOf("set/two.ann")}:1: T1: the offsets hold", StringComparison.Ordinal) && e.EndsWith("(is the text file the annotated one?)", StringComparison.Ordinal));
        Assert.Contains($"{orphan}: no text file (looked for its name with .txt beside it and in ../text)", _errors);
        _files.Write("empty/x.txt", "x");
        Assert.Contains("a folder of no known gold format", Assert.Throws<GoldFormatException>(() => GoldFormats.Resolve(_files.PathOf("empty"))).Message);
    }
}
