using Pipeline.Learning.Gold;
using Pipeline.Sdk;

namespace Pipeline.Learning.Tests.Gold;

public class CodePointMapTests
{
    [Fact]
    public void Offsets_after_a_character_outside_the_BMP_shift_by_one()
    {
        string text = "😀 Obama said"; // the emoji is one code point, two UTF-16 units
        var map = new CodePointMap(text);
        Assert.Equal(12, map.CodePointLength);
        Assert.Equal(new TextSpan(3, 5), map.ToSpan(2, 7));
        Assert.Equal("Obama", text.Substring(3, 5));
        Assert.Throws<FormatException>(() => map.ToUtf16(13));
        Assert.Equal(new TextSpan(2, 3), new CodePointMap("ab cde").ToSpan(2, 5));
        Assert.Equal(2, map.ToCodePoint(3));   // back: "Obama" starts at code point 2
        Assert.Equal(0, map.ToCodePoint(1));   // inside the pair: the pair's start
        Assert.Equal(12, map.ToCodePoint(13));
    }
}

public class GoldReaderTests : IDisposable
{
    private readonly TempFiles _files = new();
    private readonly List<string> _errors = [];

    public void Dispose() => _files.Dispose();

    private List<Document> Read(string path, string? format = null, GoldReadOptions? options = null) =>
        GoldFormats.Read(path, format, options, _errors.Add).ToList();

    private static IEnumerable<(string Text, string Type)> Entities(Document d) =>
        d.GetLayer(Layers.Entities).Select(e => (d.GetString(e.Span), e.Type));

    [Fact]
    public void Conll_keeps_gold_tokens_and_sentences_and_decodes_iob1_iob2_and_bilou()
    {
        string path = _files.Write("x.bio",
            "-DOCSTART-\tO\n\nEU\tB-ORG\nrejects\tO\nGerman\tB-MISC\ncall\tO\n.\tO\n\nPeter\tI-PER\nBlackburn\tI-PER\n\n" +
            "-DOCSTART-\tO\n\nNew\tB-LOC\nYork\tL-LOC\nand\tO\nParis\tU-LOC\n\n");
        var docs = Read(path);
        Assert.Empty(_errors);
        Assert.Equal(2, docs.Count);
        Assert.Equal("EU rejects German call .\nPeter Blackburn", docs[0].Text);
        Assert.Equal(2, docs[0].Sentences.Length);
        Assert.Equal(7, docs[0].Tokens.Length);
        Assert.Equal([("EU", "ORG"), ("German", "MISC"), ("Peter Blackburn", "PER")], Entities(docs[0]));
        Assert.Equal([("New York", "LOC"), ("Paris", "LOC")], Entities(docs[1]));
        var mentions = docs[0].GetLayer(Layers.Entities);
        Assert.Equal(3, mentions.Select(m => m.ClusterId).Distinct().Count()); // each mention is its own cluster
        Assert.True(docs[0].Tokens[0].Has(TokenFlags.SentenceStart | TokenFlags.AllUpper | TokenFlags.Capitalized));
        Assert.Equal(TokenKind.Punctuation, docs[0].Tokens[4].Kind);
        Assert.EndsWith("x.bio:1", docs[0].Metadata.SourcePath);
    }

    [Fact]
    public void Conll_reports_a_malformed_line_with_file_and_line_and_reads_the_rest()
    {
        string path = _files.Write("bad.conll", "Obama\tB-PER\nsaid\n\nMerkel\tB-PER\nsmiled\tX-PER\n\nParis\tB-LOC\n");
        var docs = Read(path);
        Assert.Equal([$"{path}:2: expected a token and a tag separated by a tab; sentence skipped",
                      $"{path}:5: invalid tag \"X-PER\" (expected O or B-/I-/E-/S-/L-/U- followed by a type); sentence skipped"], _errors);
        var doc = Assert.Single(docs); // without -DOCSTART- every sentence is a document
        Assert.Equal("Paris", doc.Text);
        Assert.Equal([("Paris", "LOC")], Entities(doc));
    }

    [Fact]
    public void Conllu_rebuilds_the_text_splits_multiword_tokens_and_keeps_documents_and_paragraphs()
    {
        string path = _files.Write("x.conllu", """
            # newdoc id = d1
            # newpar
            # text = I didn't go.
            1	I	I	PRON	PRP	_	3	nsubj	_	_
            2-3	didn't	_	_	_	_	_	_	_	_
            2	did	do	AUX	VBD	_	4	aux	_	_
            3	n't	not	PART	RB	_	4	advmod	_	_
            4	go	go	VERB	VB	_	0	root	_	SpaceAfter=No
            5	.	.	PUNCT	.	_	4	punct	_	_

            # text = Fine.
            1	Fine	fine	ADJ	JJ	_	0	root	_	SpaceAfter=No
            2	.	.	PUNCT	.	_	1	punct	_	_

            # newpar
            # text = Bye
            1	Bye	bye	INTJ	UH	_	0	root	_	_

            # newdoc id = d2
            # text = Hi
            1	Hi	hi	INTJ	UH	_	0	root	_	_

            """);
        var docs = Read(path);
        Assert.Empty(_errors);
        Assert.Equal(2, docs.Count);
        Assert.Equal("I didn't go. Fine.\n\nBye", docs[0].Text);
        Assert.Equal(["I", "did", "n't", "go", ".", "Fine", ".", "Bye"], docs[0].Tokens.Select(t => docs[0].GetString(t.Span)));
        Assert.Equal(3, docs[0].Sentences.Length);
        Assert.Equal(2, docs[0].Paragraphs.Length);
        Assert.Equal("d1", docs[0].Metadata.ExternalId);
        Assert.Equal("Hi", docs[1].Text);
    }

    [Fact]
    public void Hedge_sentences_group_by_document_and_cue_offsets_count_code_points()
    {
        string path = _files.Write("h.jsonl", """
            {"id": "s1", "doc_id": "d1", "split": "train", "text": "😀 It may rain.", "cues": [{"start": 5, "end": 8, "text": "may", "type": "epistemic"}], "label": "uncertain"}
            {"id": "s2", "doc_id": "d1", "split": "train", "text": "It rained.", "cues": [], "label": "certain"}
            {"id": "s3", "doc_id": "d2", "split": "test", "text": "We investigated whether it rained.", "cues": [{"start": 3, "end": 15, "type": "investigation"}, {"start": 16, "end": 23, "type": "investigation"}], "label": "uncertain"}
            {"id": "s4", "doc_id": "d2", "split": "test", "text": "Bad cue.", "cues": [{"start": 0, "end": 3, "text": "Cue"}], "label": "certain"}
            """);
        var train = Read(path, options: new GoldReadOptions { Split = "train" });
        var doc = Assert.Single(train);
        Assert.Equal("😀 It may rain. It rained.", doc.Text);
        Assert.Equal(2, doc.Sentences.Length);
        var cue = Assert.Single(doc.GetLayer(Layers.HedgeCues));
        Assert.Equal("may", doc.GetString(cue.Span));
        Assert.Equal(HedgeType.Epistemic, cue.Type);
        var sentences = doc.GetLayer(Layers.Uncertainty);
        Assert.Equal([true, false], sentences.Select(s => s.Uncertain));
        Assert.Equal<string>([cue.Id], sentences[0].CueIds);
        Assert.Equal(doc.Sentences[1].Span, sentences[1].Span);
        Assert.Empty(_errors);

        var test = Assert.Single(Read(path, options: new GoldReadOptions { Split = "test" }));
        Assert.Equal("d1", Assert.Single(Read(path, options: new GoldReadOptions { Split = "!test" })).Metadata.ExternalId);
        Assert.Equal(["investigated", "whether"], test.GetLayer(Layers.HedgeCues).Select(c => test.GetString(c.Span)));
        Assert.Equal($"{path}:4: cue [0, 3) reads \"Bad\", not \"Cue\"", Assert.Single(_errors));
    }

    [Fact]
    public void Ptb_bracket_tokens_of_a_tokenised_hedge_corpus_read_as_brackets_with_the_cues_moved()
    {
        // The CoNLL-2010 evaluation text is tokenised: "-LRB-" for "(".
        string text = "IL-2 -LRB- a cytokine -RRB- may act -LSB- 1 -RSB- , we suggest .";
        int may = text.IndexOf("may", StringComparison.Ordinal), suggest = text.IndexOf("suggest", StringComparison.Ordinal);
        string path = _files.Write("b.jsonl", $$"""{"text": "{{text}}", "cues": [{"start": {{may}}, "end": {{may + 3}}, "text": "may"}, {"start": {{suggest}}, "end": {{suggest + 7}}}], "label": "uncertain"}""" + "\n");
        var doc = Assert.Single(Read(path));
        Assert.Empty(_errors);
        Assert.Equal("IL-2 ( a cytokine ) may act [ 1 ] , we suggest .", doc.Text);
        Assert.Equal(["may", "suggest"], doc.GetLayer(Layers.HedgeCues).Select(c => doc.GetString(c.Span)));
        Assert.Equal(doc.FullSpan, Assert.Single(doc.GetLayer(Layers.Uncertainty)).Span);
    }

    [Fact]
    public void NewsMtsc_targets_of_one_sentence_share_a_document_with_one_cluster_per_person()
    {
        string path = _files.Write("n.jsonl", """
            {"id": "a", "text": "😀 Trump praised Biden, and he thanked him.", "target": "Trump", "target_span": [2, 7], "label": "positive", "further_mentions": [[38, 41]], "sentence_id": "s1"}
            {"id": "b", "text": "😀 Trump praised Biden, and he thanked him.", "target": "Biden", "target_span": [16, 21], "label": "neutral", "further_mentions": [[27, 29]], "sentence_id": "s1"}
            {"id": "c", "text": "Pelosi lost.", "target": "Pelosi", "target_span": [0, 6], "label": "sideways", "sentence_id": "s2"}
            """);
        var doc = Assert.Single(Read(path));
        Assert.Equal($"{path}:3: label \"sideways\" is not negative, neutral or positive", Assert.Single(_errors));
        Assert.Single(doc.Sentences);
        var stances = doc.GetLayer(Layers.Stance);
        Assert.Equal([StanceLabel.Positive, StanceLabel.Neutral], stances.Select(s => s.Label));
        var entities = doc.GetLayer(Layers.Entities);
        Assert.Equal(["Trump", "Biden", "he", "him"], entities.Select(e => doc.GetString(e.Span)));
        Assert.Equal(entities.Single(e => doc.GetString(e.Span) == "him").ClusterId, stances[0].ClusterId);
        Assert.Equal("Trump", doc.GetString(entities.Single(e => e.Id == stances[0].MentionId).Span));
        Assert.All(stances, s => Assert.Equal(StanceScope.Mention, s.Scope));
    }

    [Fact]
    public void Fnc1_gives_one_document_per_body_with_its_headlines_as_claims_from_jsonl_and_csv()
    {
        _files.Write("fnc/bodies_train.jsonl", """
            {"body_id": 7, "body": "A meteorite fell on Managua."}
            {"body_id": 9, "body": "Nothing happened."}
            """);
        string jsonl = _files.Write("fnc/train.jsonl", """
            {"target": "Meteorite hits Nicaragua", "body_id": 7, "label": "agree", "split": "train", "baseline_split": "train"}
            {"target": "Cat elected mayor", "body_id": 9, "label": "unrelated", "split": "train", "baseline_split": "holdout"}
            {"target": "No meteorite, says NASA", "body_id": 7, "label": "disagree", "split": "train", "baseline_split": "train"}
            {"target": "Ghost body", "body_id": 1, "label": "discuss", "split": "train", "baseline_split": "train"}
            """);
        var docs = Read(jsonl, options: new GoldReadOptions { Split = "train" });
        Assert.Equal([$"{jsonl}:4: body 1 is not in {_files.PathOf("fnc/bodies_train.jsonl")}"], _errors);
        Assert.Equal(["A meteorite fell on Managua.", "Nothing happened."], docs.Select(d => d.Text));
        Assert.Equal<string>(["Meteorite hits Nicaragua", "No meteorite, says NASA"], docs[0].Metadata.Claims);
        Assert.Equal([ClaimStanceLabel.Agree, ClaimStanceLabel.Disagree], docs[0].GetLayer(Layers.ClaimStance).Select(c => c.Label));
        Assert.Single(Read(jsonl, options: new GoldReadOptions { Split = "holdout" }));

        _files.Write("fnc/train_bodies.csv", "Body ID,articleBody\n7,\"Line one, with a comma.\n\nSaid \"\"no\"\".\"\n");
        string csv = _files.Write("fnc/train_stances.csv", "Headline,Body ID,Stance\n\"Rock, falls\",7,discuss\n");
        var doc = Assert.Single(Read(csv));
        Assert.Equal("Line one, with a comma.\n\nSaid \"no\".", doc.Text);
        Assert.Equal(("Rock, falls", ClaimStanceLabel.Discuss), doc.GetLayer(Layers.ClaimStance).Select(c => (c.Claim, c.Label)).Single());
    }

    [Fact]
    public void Emergent_maps_for_against_observing_to_agree_disagree_discuss()
    {
        string path = _files.Write("e.jsonl", """
            {"id": "1", "split": "train", "text": "Apple to sell 19M watches", "target": "Apple will sell 19 million watches", "label": "for", "claim_id": "c"}
            {"id": "2", "split": "train", "text": "Watch sales claim doubtful", "target": "Apple will sell 19 million watches", "label": "against", "claim_id": "c"}
            {"id": "3", "split": "test", "text": "Analyst predicts watch sales", "target": "Apple will sell 19 million watches", "label": "observing", "claim_id": "c"}
            """);
        var docs = Read(path);
        Assert.Equal([ClaimStanceLabel.Agree, ClaimStanceLabel.Disagree, ClaimStanceLabel.Discuss], docs.Select(d => d.GetLayer(Layers.ClaimStance)[0].Label));
        Assert.Equal("Apple to sell 19M watches", docs[0].Text);
        Assert.Equal<string>(["Apple will sell 19 million watches"], docs[0].Metadata.Claims);
        Assert.Single(Read(path, options: new GoldReadOptions { Split = "test" }));
    }

    [Fact]
    public void Polnear_quotes_get_kinds_cues_and_sources_with_code_point_offsets()
    {
        // Offsets are code points; the emoji makes UTF-16 offsets one larger after it.
        string text = "😀 Smith said: \"We will win.\" Officials said the vote was \"rigged\" by rivals. He added that it was over.";
        string Pair(string s, string after = "")
        {
            int start = text.IndexOf(s, text.IndexOf(after, StringComparison.Ordinal), StringComparison.Ordinal) - 1;
            return $"[{start}, {start + s.Length}]";
        }
        string quotes = string.Join(", ",
            $$"""{"content_spans": [{{Pair("\"We will win.\"")}}], "cue_spans": [{{Pair("said:")}}], "source_spans": [{{Pair("Smith")}}]}""",
            $$"""{"content_spans": [{{Pair("the vote was \"rigged\" by rivals")}}], "cue_spans": [{{Pair("said", after: "Officials")}}], "source_spans": [{{Pair("Officials")}}]}""",
            $$"""{"content_spans": [{{Pair("it was over")}}], "cue_spans": [{{Pair("added")}}], "source_spans": [{{Pair("He")}}]}""",
            $$"""{"content_spans": [[0, 999]], "cue_spans": [], "source_spans": []}""");
        string path = _files.Write("p.jsonl", $$"""{"id": "x", "title": "T", "text": {{System.Text.Json.JsonSerializer.Serialize(text)}}, "quotes": [{{quotes}}]}""" + "\n");
        var doc = Assert.Single(Read(path));
        Assert.Equal($"{path}:1: quote 4: content_spans: offset 999 is outside the text ({text.Length - 1} code points)", Assert.Single(_errors));
        var q = doc.GetLayer(Layers.Quotes);
        var a = doc.GetLayer(Layers.Attributions);
        Assert.Equal([QuoteKind.Direct, QuoteKind.Mixed, QuoteKind.Indirect], q.Select(x => x.Kind));
        Assert.Equal("\"We will win.\"", doc.GetString(q[0].Span));
        Assert.Equal("said:", doc.GetString(q[0].Cue!.Value));
        Assert.Equal("said", doc.GetString(q[1].Cue!.Value));
        Assert.Equal(["Smith", "Officials", "He"], a.Select(x => x.SpeakerText));
        Assert.Equal([SpeakerKind.Named, SpeakerKind.Anonymous, SpeakerKind.Pronoun], a.Select(x => x.SpeakerKind));
        Assert.Equal(q.Select(x => x.Id), a.Select(x => x.QuoteId));
        Assert.Equal("T", doc.Metadata.Headline);
    }

    [Fact]
    public void Labelled_sentences_go_into_the_named_layer_one_sentence_each()
    {
        string path = _files.Write("s.jsonl", """
            {"text": "Rates rose. Again.", "label": "economy", "doc_id": "a"}
            {"text": "The team won.", "label": "sport", "doc_id": "a"}
            {"text": "Rain fell.", "label": ""}
            {"text": "Snow fell.", "label": "weather", "split": "test"}
            """);
        var docs = Read(path, options: new GoldReadOptions { LabelLayer = "topic" });
        Assert.Equal($"{path}:3: empty label", Assert.Single(_errors));
        Assert.Equal(2, docs.Count);
        Assert.Equal("Rates rose. Again. The team won.", docs[0].Text);
        Assert.Equal(2, docs[0].Sentences.Length); // "Rates rose. Again." stays one gold sentence
        var labels = docs[0].GetLayer(new LayerKey<LabeledSpan>("topic", "t"));
        Assert.Equal([("Rates rose. Again.", "economy"), ("The team won.", "sport")], labels.Select(l => (docs[0].GetString(l.Span), l.Label)));
        Assert.Equal("sentences", GoldFormats.Resolve(path).Format);
    }

    [Fact]
    public void The_format_is_chosen_from_the_name_or_content_and_unknown_files_get_a_clear_error()
    {
        Assert.Equal("conll", GoldFormats.Resolve(_files.Write("a.bio", "A\tO\n")).Format);
        Assert.Equal("conllu", GoldFormats.Resolve(_files.Write("a.conllu", "# text = A\n")).Format);
        Assert.Equal("hedge", GoldFormats.Resolve(_files.Write("a.jsonl", "{\"text\": \"a\", \"cues\": []}\n")).Format);
        Assert.Equal("annotations", GoldFormats.Resolve(_files.Write("b.jsonl", "{\"schema\": \"pipeline.annotations/1\", \"text\": \"a\", \"layers\": {}}\n")).Format);
        Assert.Equal("polnear", GoldFormats.Resolve(_files.Write("c.jsonl", "{\"text\": \"a\", \"quotes\": []}\n"), "PolNeAR").Format);
        var unknown = Assert.Throws<GoldFormatException>(() => GoldFormats.Resolve(_files.Write("d.jsonl", "{\"foo\": 1}\n")));
        Assert.Contains("d.jsonl: cannot tell the gold format; give --format", unknown.Message);
        Assert.Contains("bodies file", Assert.Throws<GoldFormatException>(() => GoldFormats.Resolve(_files.Write("bodies_x.jsonl", "{\"body_id\": 1, \"body\": \"x\"}\n"))).Message);
        Assert.Contains("unknown gold format \"xml\"", Assert.Throws<GoldFormatException>(() => GoldFormats.Resolve("x", "xml")).Message);
        Assert.Contains("gold file not found", Assert.Throws<GoldFormatException>(() => GoldFormats.Read(_files.PathOf("none.bio"), null, null, _ => { })).Message);
    }

    [Fact]
    public void Annotation_records_are_read_with_their_layers_and_bad_lines_reported()
    {
        string path = _files.Write("gold.jsonl",
            "{\"text\": \"Obama spoke.\", \"layers\": {\"entities\": [{\"id\": \"e1\", \"start\": 0, \"end\": 5, \"type\": \"PER\", \"clusterId\": \"c1\", \"canonicalName\": \"Obama\"}]}}\n{oops\n");
        var doc = Assert.Single(Read(path));
        Assert.Equal([("Obama", "PER")], Entities(doc));
        Assert.StartsWith($"{path}:2: invalid JSON", Assert.Single(_errors));
    }
}
