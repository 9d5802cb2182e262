using Pipeline.Sdk;
using Pipeline.Tests;
using Pipeline.Text.Evaluation;

namespace Pipeline.Text.Tests.Evaluation;

public class SegmentationEvaluatorTests
{
    private const string Conllu = """
        # newdoc id = news-a
        # newpar id = p1
        # text = I don't know.
        1	I	I	PRON	_	_	0	root	_	_
        2-3	don't	_	_	_	_	_	_	_	_
        2	do	do	AUX	_	_	0	root	_	_
        3	n't	not	PART	_	_	0	root	_	_
        4	know	know	VERB	_	_	0	root	_	SpaceAfter=No
        5	.	.	PUNCT	_	_	0	root	_	_

        # text = Mr. Smith left
        1	Mr.	Mr.	PROPN	_	_	0	root	_	_
        2	Smith	Smith	PROPN	_	_	0	root	_	_
        3	left	leave	VERB	_	_	0	root	_	_

        # newpar id = p2
        # text = It rained.
        1	It	it	PRON	_	_	0	root	_	_
        2	rained	rain	VERB	_	_	0	root	_	SpaceAfter=No
        3	.	.	PUNCT	_	_	0	root	_	_

        # newdoc id = mail-b
        # newpar id = p1
        # text = Thanks
        1	Thanks	thanks	NOUN	_	_	0	root	_	_

        # text = See you.
        1	See	see	VERB	_	_	0	root	_	_
        2	you	you	PRON	_	_	0	root	_	SpaceAfter=No
        3	.	.	PUNCT	_	_	0	root	_	_

        """;

    private static string WriteFixture()
    {
        var path = Path.Combine(Path.GetTempPath(), $"segeval-{Guid.NewGuid():N}.conllu");
        File.WriteAllText(path, Conllu.Replace("\r\n", "\n"));
        return path;
    }

    [Fact]
    public void Documents_are_rebuilt_from_text_and_newpar()
    {
        var path = WriteFixture();
        try
        {
            var docs = ConlluDocumentReader.Read(path).ToList();
            Assert.Equal(["news-a", "mail-b"], docs.Select(d => d.Id));
            var a = docs[0];
            Assert.Equal("I don't know. Mr. Smith left\n\nIt rained.", a.Text);
            string At(TextSpan s) => a.Text.Substring(s.Start, s.Length);
            Assert.Equal(["I", "don't", "know", ".", "Mr.", "Smith", "left", "It", "rained", "."], a.Tokens.Select(At));
            Assert.Equal(["I", "do", "n't", "know", "."], a.Words.Take(5).Select(At));
            Assert.Equal([13, 28, 40], a.SentenceEnds.ToArray());
            Assert.Equal("Thanks See you.", docs[1].Text);
            Assert.Equal(0, a.UnlocatedForms);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Scores_count_exact_span_matches()
    {
        var path = WriteFixture();
        try
        {
            var report = new SegmentationEvaluator(Segmenter.Default).EvaluateFile(path);
            var total = report.Total;
            Assert.Equal(2, total.Documents);
            // every token is right (don't counts once as a token, twice as words); the sentence
            // "Thanks" has no punctuation and is not found, the title "Mr." splits nothing
            Assert.Equal(new PrfCounts(14, 14, 14), total.Tokens);
            Assert.Equal(new PrfCounts(15, 15, 15), total.Words);
            Assert.Equal(new PrfCounts(5, 4, 4), total.Sentences);
            Assert.Equal(new PrfCounts(2, 1, 1), total.InnerSentences); // paragraph and document ends left out
            Assert.Equal(["mail", "news"], report.Groups.Keys);
        }
        finally { File.Delete(path); }
    }

    [SkippableFact]
    public void Ewt_test_documents_score_high()
    {
        var conllu = TestPaths.RequireShared("corpora", "ud-english-ewt", "en_ewt-ud-test.conllu");
        var report = new SegmentationEvaluator(Segmenter.Default).EvaluateFile(conllu, maxDocuments: 60);
        Assert.Equal(60, report.Total.Documents);
        Assert.True(report.Total.Tokens.F1 > 0.98, $"token F1 {report.Total.Tokens.F1:F4}");
        Assert.True(report.Total.Sentences.F1 > 0.85, $"sentence F1 {report.Total.Sentences.F1:F4}");
        Assert.True(report.Total.Sentences.Precision > 0.95, $"sentence precision {report.Total.Sentences.Precision:F4}");
        Assert.True(report.Total.InnerSentences.F1 > 0.75, $"inner sentence F1 {report.Total.InnerSentences.F1:F4}");
    }
}
