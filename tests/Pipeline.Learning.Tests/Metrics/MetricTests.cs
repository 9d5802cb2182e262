using Pipeline.Learning.Gold;
using Pipeline.Learning.Metrics;
using Pipeline.Sdk;
using Pipeline.Text;

namespace Pipeline.Learning.Tests.Metrics;

public class ConllEvalTests
{
    private static string[] Tags(string s) => s.Split(' ');

    [Fact]
    public void Chunks_are_correct_only_with_the_same_start_end_and_type()
    {
        var eval = new ConllEval();
        eval.Add(Tags("B-ORG I-ORG O B-PER O"), Tags("B-ORG O O B-PER B-PER"));
        // gold ORG[0,2) PER[3,4); predicted ORG[0,1) PER[3,4) PER[4,5)
        var micro = eval.Chunks.Micro;
        Assert.Equal((1, 2, 1), (micro.TruePositives, micro.FalsePositives, micro.FalseNegatives));
        Assert.Equal(1 / 3.0, micro.Precision, 1e-12);
        Assert.Equal(0.5, micro.Recall, 1e-12);
        Assert.Equal(0.4, micro.F1, 1e-12);
        Assert.Equal(0.6, eval.TagAccuracy, 1e-12);
        Assert.Equal(0.5, eval.Chunks.ByType["PER"].Precision, 1e-12);
        Assert.Equal(0, eval.Chunks.ByType["ORG"].F1);
    }

    [Fact]
    public void An_I_tag_without_B_starts_a_chunk_as_in_conlleval()
    {
        Assert.Equal([new Chunk(0, 2, "PER"), new Chunk(3, 4, "LOC")], BioChunks.Decode(Tags("I-PER I-PER O I-LOC")));
        Assert.Equal([new Chunk(0, 1, "PER"), new Chunk(1, 2, "PER")], BioChunks.Decode(Tags("I-PER B-PER")));
        Assert.Equal([new Chunk(0, 1, "PER"), new Chunk(1, 2, "LOC")], BioChunks.Decode(Tags("B-PER I-LOC")));
        Assert.Equal([new Chunk(0, 2, "X"), new Chunk(2, 3, "X")], BioChunks.Decode(Tags("B-X E-X I-X")));
        Assert.Equal([new Chunk(0, 1, "PER"), new Chunk(1, 3, "LOC"), new Chunk(4, 5, "LOC")], BioChunks.Decode(Tags("U-PER B-LOC L-LOC O L-LOC")));
    }

    [Fact]
    public void Iob1_and_iob2_encodings_of_the_same_chunks_score_perfectly()
    {
        var eval = new ConllEval();
        eval.Add(Tags("I-PER I-PER O I-LOC B-LOC"), Tags("B-PER I-PER O B-LOC B-LOC"));
        Assert.Equal(1.0, eval.Chunks.Micro.F1);
    }
}

public class ClassificationAndFncTests
{
    [Fact]
    public void Macro_F1_is_the_mean_of_the_class_F1s_and_accuracy_the_share_correct()
    {
        var score = new ClassificationScore(["negative", "neutral", "positive"]);
        string[] gold = ["positive", "positive", "negative", "neutral", "neutral", "neutral"];
        string[] predicted = ["positive", "negative", "negative", "neutral", "positive", "neutral"];
        for (int i = 0; i < gold.Length; i++) score.Add(gold[i], predicted[i]);
        Assert.Equal(0.5, score.ForClass("positive").F1, 1e-12);
        Assert.Equal(2 / 3.0, score.ForClass("negative").F1, 1e-12);
        Assert.Equal(0.8, score.ForClass("neutral").F1, 1e-12);
        Assert.Equal((0.5 + 2 / 3.0 + 0.8) / 3, score.MacroF1, 1e-12);
        Assert.Equal(4 / 6.0, score.Accuracy, 1e-12);
    }

    [Fact]
    public void A_missing_prediction_is_a_false_negative_of_the_gold_class()
    {
        var score = new ClassificationScore(["a", "b"]);
        score.Add("a", "(none)");
        score.Add("b", "b");
        Assert.Equal((0, 0, 1), (score.ForClass("a").TruePositives, score.ForClass("a").FalsePositives, score.ForClass("a").FalseNegatives));
        Assert.Equal(0.5, score.Accuracy);
    }

    [Fact]
    public void Fnc_score_follows_the_official_scorer()
    {
        var fnc = new FncScore();
        fnc.Add(ClaimStanceLabel.Agree, ClaimStanceLabel.Agree);         // 0.25 + 0.75 of 1
        fnc.Add(ClaimStanceLabel.Unrelated, ClaimStanceLabel.Unrelated); // 0.25 of 0.25
        fnc.Add(ClaimStanceLabel.Discuss, ClaimStanceLabel.Agree);       // 0.25 of 1 (related, wrong class)
        fnc.Add(ClaimStanceLabel.Disagree, ClaimStanceLabel.Unrelated);  // 0 of 1
        fnc.Add(ClaimStanceLabel.Unrelated, ClaimStanceLabel.Discuss);   // 0 of 0.25
        Assert.Equal(1.5, fnc.Score, 1e-12);
        Assert.Equal(3.5, fnc.MaxScore, 1e-12);
        Assert.Equal(1.5 / 3.5, fnc.Relative, 1e-12);
    }
}

public class HedgeAndQuoteScoreTests
{
    [Fact]
    public void Hedge_cues_match_by_exact_span_and_sentences_by_the_uncertain_class()
    {
        var score = new HedgeScore();
        score.AddCues([(new TextSpan(0, 3), "epistemic"), (new TextSpan(10, 5), "doxastic")],
                      [(new TextSpan(0, 3), "doxastic"), (new TextSpan(10, 4), "doxastic"), (new TextSpan(20, 5), "condition")]);
        Assert.Equal(1 / 3.0, score.Cues.Precision, 1e-12);
        Assert.Equal(0.5, score.Cues.Recall, 1e-12);
        Assert.Equal(0.4, score.Cues.F1, 1e-12);
        foreach (var (g, p) in new[] { (true, true), (true, false), (false, true), (false, false), (true, true) }) score.AddSentence(g, p);
        Assert.Equal((2, 1, 1), (score.Sentences.TruePositives, score.Sentences.FalsePositives, score.Sentences.FalseNegatives));
        Assert.Equal(2 / 3.0, score.Sentences.F1, 1e-12);
    }

    private static Quote MakeQuote(string text, string content, int from, QuoteKind kind, string? cue, int cueFrom = 0)
    {
        int start = text.IndexOf(content, from, StringComparison.Ordinal);
        var span = new TextSpan(start, content.Length);
        return new Quote
        {
            Id = "q", Span = span, Content = [span], Kind = kind,
            Cue = cue is null ? null : new TextSpan(text.IndexOf(cue, cueFrom, StringComparison.Ordinal), cue.Length),
        };
    }

    [Fact]
    public void Quote_measures_on_a_hand_scored_document()
    {
        string text = "Smith said: \"We will win the vote.\" Officials said the count was wrong. He added it was over.";
        var doc = DocumentFactory.Create(text);
        TextSpan At(string s) => new(text.IndexOf(s, StringComparison.Ordinal), s.Length);
        int second = text.IndexOf("Officials", StringComparison.Ordinal);
        var gold = new List<QuoteScore.AttributedQuote>
        {
            new(MakeQuote(text, "\"We will win the vote.\"", 0, QuoteKind.Direct, "said"), At("Smith")),
            new(MakeQuote(text, "the count was wrong", 0, QuoteKind.Indirect, "said", second), At("Officials")),
            new(MakeQuote(text, "it was over", 0, QuoteKind.Indirect, "added"), At("He")),
        };
        var predicted = new List<QuoteScore.AttributedQuote>
        {
            new(MakeQuote(text, "We will win the vote", 0, QuoteKind.Direct, "said"), At("Smith")),   // same content once marks are trimmed
            new(MakeQuote(text, "count was wrong", 0, QuoteKind.Indirect, "said", second), At("Officials")), // partial content
        };
        var score = new QuoteScore();
        score.Add(doc, gold, predicted);
        Assert.Equal((1, 1, 2), (score.ContentExact.TruePositives, score.ContentExact.FalsePositives, score.ContentExact.FalseNegatives));
        Assert.Equal(0.4, score.ContentExact.F1, 1e-12);
        // Tokens: gold 6 + 4 + 3 = 13 (quotation marks excluded), predicted 5 + 3 = 8, all inside gold content.
        Assert.Equal((8, 0, 5), (score.ContentOverlap.TruePositives, score.ContentOverlap.FalsePositives, score.ContentOverlap.FalseNegatives));
        Assert.Equal(2 * (8 / 13.0) / (1 + 8 / 13.0), score.ContentOverlap.F1, 1e-12);
        Assert.Equal(0.8, score.Cue.F1, 1e-12);
        Assert.Equal((2, 0, 1), (score.Source.TruePositives, score.Source.FalsePositives, score.Source.FalseNegatives));
        Assert.Equal(1.0, score.SpeakerAccuracy);
    }
}
