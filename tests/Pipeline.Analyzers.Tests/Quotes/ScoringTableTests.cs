using Pipeline.Analyzers.Quotes.Attribution;
using Pipeline.Analyzers.Quotes;
using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Analyzers.Quotes.Learning;
using Pipeline.Analyzers.Quotes.Lexicon;
using Pipeline.Learning.Linear;
using Pipeline.Tests;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// The taggers score closed feature sets from tables and a token's form features from a cache;
/// training hashes every feature. Both must give a token the same probabilities, or the shipped
/// models would not behave as they were trained.
/// </summary>
public sealed class ScoringTableTests
{
    private static Lazy<(QuotesLexicon Lexicon, QuoteModel Model)> Components => QuoteTestKit.Components;

    private static TokenView SeedArticle()
    {
        var (lexicon, model) = Components.Value;
        var doc = DocumentFactory.Create(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "seeds", "dialog-of-dictators.txt")));
        return new TokenView(doc, lexicon, model.Clusters);
    }

    /// <summary>Asserts the tagger's buffer and a training buffer (every feature hashed) give the same probabilities.</summary>
    private static void AssertSame(ITokenClassifier tagger, int bits, Action<FeatureBuffer> features, string what)
    {
        var tables = tagger.CreateBuffer();
        var hashed = new FeatureBuffer(bits);
        Span<float> expected = stackalloc float[Bio.Count], actual = stackalloc float[Bio.Count];
        features(hashed);
        features(tables);
        Assert.True(tables.Count < hashed.Count, $"{what}: the tables replaced no feature");
        tagger.Probabilities(hashed, expected);
        tagger.Probabilities(tables, actual);
        // The tables sum the model's weights; hashed features are scored from lead rows in steps of about 1e-5.
        for (int c = 0; c < Bio.Count; c++)
            Assert.True(Math.Abs(expected[c] - actual[c]) < 5e-5, $"{what}: P({Bio.Names[c]}) {actual[c]} from the tables, {expected[c]} from the hashed features");
    }

    [Fact]
    public void The_cue_tagger_scores_every_token_and_previous_label_as_from_hashed_features()
    {
        var v = SeedArticle();
        var model = Components.Value.Model;
        foreach (var sentence in v.Doc.Sentences)
            for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
                for (int label = 0; label < Bio.Count; label++)
                    AssertSame(model.Cue, model.Bits, f => QuoteFeatures.Cue(v, t, sentence.FirstToken, sentence.EndToken, label, f), $"cue at token {t} '{v.Doc.TokenText(t)}' after {Bio.Names[label]}");
    }

    [Fact]
    public void The_content_and_source_taggers_score_every_token_around_a_cue_as_from_hashed_features()
    {
        var v = SeedArticle();
        var model = Components.Value.Model;
        int cue = Enumerable.Range(0, v.Count).First(t => v.CueAt[t] is not null && v.SentenceOf[t] > 3);
        var cues = new CueMarks(v.Count, [(cue, cue + 1)]);
        int lemma = QuoteFeatures.CueLemma(v, cue, cue + 1);
        for (int t = Math.Max(0, cue - 60); t < Math.Min(v.Count, cue + 60); t++)
        {
            if (t == cue) continue;
            for (int label = 0; label < Bio.Count; label++)
            {
                AssertSame(model.Content, model.Bits, f => QuoteFeatures.Content(v, cues, t, cue, cue + 1, lemma, label, f), $"content at token {t} after {Bio.Names[label]}");
                AssertSame(model.Source, model.Bits, f => QuoteFeatures.Source(v, t, cue, cue + 1, lemma, label, f), $"source at token {t} after {Bio.Names[label]}");
            }
        }
    }

    /// <summary>A tagger that never passes over a token: every one is scored in full.</summary>
    private sealed class ScoringEveryToken(ITokenClassifier tagger) : ITokenClassifier
    {
        public FeatureBuffer CreateBuffer() => tagger.CreateBuffer();
        public void Probabilities(FeatureBuffer features, Span<float> probabilities) => tagger.Probabilities(features, probabilities);
        public bool CannotBegin(FeatureBuffer features, float logOdds) => false;
    }

    /// <summary>Counts the tokens the tagger passes over.</summary>
    private sealed class CountingPasses(ITokenClassifier tagger) : ITokenClassifier
    {
        public int Passed { get; private set; }
        public FeatureBuffer CreateBuffer() => tagger.CreateBuffer();
        public void Probabilities(FeatureBuffer features, Span<float> probabilities) => tagger.Probabilities(features, probabilities);
        public bool CannotBegin(FeatureBuffer features, float logOdds)
        {
            bool cannot = tagger.CannotBegin(features, logOdds);
            if (cannot) Passed++;
            return cannot;
        }
    }

    private static string Describe(TokenView v, QuoteDetector detector, QuoteModel model)
    {
        var quotes = detector.Detect(v);
        var lines = new List<string>();
        var spans = new List<TaggedSpan>();
        var attributor = new QuoteAttributor(Components.Value.Lexicon, model);
        var buffer = model.Source.CreateBuffer();
        foreach (var q in quotes)
        {
            spans.Clear();
            if (q.Cue is { } cue) attributor.FindSource(v, cue.Start, cue.End, t => q.Content.Any(c => c.Start <= t && t < c.End), buffer, spans);
            lines.Add($"{q.Method} cue {q.Cue} content {string.Join(" ", q.Content)} p {q.Confidence:R} sources {string.Join(" ", spans)}");
        }
        return string.Join("\n", lines);
    }

    [Theory]
    [InlineData(float.NaN, QuoteDetector.DefaultLonelyCueThreshold)]
    [InlineData(float.NaN, 0.2f)]
    [InlineData(0.3f, QuoteDetector.DefaultLonelyCueThreshold)]
    public void Passing_over_tokens_that_cannot_open_a_span_changes_no_cue_content_or_source(float cueThreshold, float lonelyCueThreshold)
    {
        var v = SeedArticle();
        var (lexicon, model) = Components.Value;
        var (cue, content, source) = (new CountingPasses(model.Cue), new CountingPasses(model.Content), new CountingPasses(model.Source));
        var screening = new QuoteModel(model.Id, model.Bits, cue, content, source, model.Clusters, model.CueSkipWords);
        var scoringAll = new QuoteModel(model.Id, model.Bits, new ScoringEveryToken(model.Cue), new ScoringEveryToken(model.Content),
            new ScoringEveryToken(model.Source), model.Clusters, model.CueSkipWords);

        string expected = Describe(v, new QuoteDetector(lexicon, scoringAll, cueThreshold, lonelyCueThreshold), scoringAll);
        string actual = Describe(v, new QuoteDetector(lexicon, screening, cueThreshold, lonelyCueThreshold), screening);

        Assert.Equal(expected, actual);
        Assert.True(cue.Passed > 100 && content.Passed > 100 && source.Passed > 10,
            $"the taggers passed over {cue.Passed}, {content.Passed} and {source.Passed} tokens: the bound screens almost nothing");
    }

    [Theory]
    [InlineData("cue.plm")]
    [InlineData("content.plm")]
    [InlineData("source.plm")]
    public void Packed_lead_rows_give_the_models_probabilities_for_every_token_of_the_seed_article(string file)
    {
        var v = SeedArticle();
        var model = LinearModel.Load(Path.Combine(TestPaths.RepoRoot, "models", "quotes-polnear", file));
        var leads = new LeadRows(model);
        var hashed = new FeatureBuffer(model.HashBits);
        Span<float> expected = stackalloc float[Bio.Count], actual = stackalloc float[Bio.Count];
        int cue = Enumerable.Range(0, v.Count).First(t => v.CueAt[t] is not null && v.SentenceOf[t] > 3);
        var cues = new CueMarks(v.Count, [(cue, cue + 1)]);
        int lemma = QuoteFeatures.CueLemma(v, cue, cue + 1);
        int missing = 0;
        for (int t = 0; t < v.Count; t++)
        {
            if (t == cue) continue;
            var sentence = v.SentenceOfToken(t);
            for (int label = 0; label < Bio.Count; label++)
            {
                switch (file)
                {
                    case "cue.plm": QuoteFeatures.Cue(v, t, sentence.FirstToken, sentence.EndToken, label, hashed); break;
                    case "content.plm": QuoteFeatures.Content(v, cues, t, cue, cue + 1, lemma, label, hashed); break;
                    default: QuoteFeatures.Source(v, t, cue, cue + 1, lemma, label, hashed); break;
                }
                missing += hashed.Items.ToArray().Count(f => model.GetWeights(f).IsEmpty);
                model.Predict(hashed.Items, expected);
                leads.Score(hashed.Items, actual);
                LinearModel.Softmax(actual);
                for (int c = 0; c < Bio.Count; c++)
                    Assert.True(Math.Abs(expected[c] - actual[c]) < 1e-4, $"{file} at token {t} after {Bio.Names[label]}: P({Bio.Names[c]}) {actual[c]} from the lead rows, {expected[c]} from the model");
            }
        }
        Assert.True(missing > 0, "every feature had a row: features without one were not tried");
    }

    [Fact]
    public void The_closed_sets_pack_every_value_of_the_enumerations_they_read()
    {
        Assert.Equal(QuoteFeatures.TokenClasses, Enum.GetValues<TokenClass>().Length);
        Assert.Equal(QuoteFeatures.CueCategories, Enum.GetValues<CueCategory>().Length + 1);
        // A group ("analysts") reads as an unnamed source: the speaker classes the source tagger was trained with.
        Assert.Equal(QuoteFeatures.SpeakerClasses, Enum.GetValues<SpeakerWordClass>().Select(QuoteFeatures.FeatureClass).Distinct().Count());
        Assert.All(Enum.GetValues<SpeakerWordClass>(), c => Assert.InRange(QuoteFeatures.FeatureClass(c), 0, QuoteFeatures.SpeakerClasses - 1));
    }
}
