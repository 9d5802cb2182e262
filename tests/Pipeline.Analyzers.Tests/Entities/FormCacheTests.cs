using System.Runtime.Intrinsics;
using Pipeline.Analyzers.Entities;
using Pipeline.Sdk;
using Pipeline.Tests;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Entities;

/// <summary>The tagger's per-form cache gives what computing every token's features afresh gives.</summary>
public class FormCacheTests
{
    private static readonly Lazy<EntityModel> Model = new(() => EntityModel.Load(Path.Combine(TestPaths.RepoRoot, "models", "entities-fast")));

    private static Document Seed() => DocumentFactory.Create(File.ReadAllText(Path.Combine(TestPaths.Seeds, "dialog-of-dictators.txt")));

    [Fact]
    public void Tokens_loaded_through_the_cache_equal_tokens_hashed_afresh()
    {
        var model = Model.Value;
        var forms = new FormCache(model.FirstPass, model.SecondPass);
        var cached = new DocumentTokens();
        // The second document repeats forms of the first, so most of its tokens come from the cache.
        foreach (var doc in new[] { DocumentFactory.Create("Putin met Lukashenka in Sochi. MOSCOW (Reuters) - Putin said."), Seed() })
        {
            cached.Load(doc, model.Lexicon, forms);
            var fresh = new DocumentTokens();
            fresh.Load(doc, model.Lexicon);
            AssertSameTokens(fresh, cached);
        }
    }

    [Fact]
    public void The_cache_starts_over_when_full_and_grows_for_a_longer_document()
    {
        var model = Model.Value;
        var forms = new FormCache(model.FirstPass, model.SecondPass);
        var cached = new DocumentTokens();
        // A document of 3/4 of the cache's forms; another as long, half of them new (the cache
        // starts over); one of 5/4 of its size (it grows).
        int quarter = FormCache.DefaultCapacity / 4;
        var words = Enumerable.Range(0, 5 * quarter).Select(i => $"w{i}").ToArray();
        foreach (var text in new[] { "Putin spoke. " + string.Join(' ', words[..(3 * quarter)]), string.Join(' ', words[(3 * quarter / 2)..(9 * quarter / 2)]) + " Putin spoke.", string.Join(' ', words) })
        {
            var doc = DocumentFactory.Create(text);
            cached.Load(doc, model.Lexicon, forms);
            var fresh = new DocumentTokens();
            fresh.Load(doc, model.Lexicon);
            AssertSameTokens(fresh, cached);
            AssertSameScores(model, forms, cached);
        }
    }

    [Fact]
    public void Cached_scores_equal_the_per_key_scores()
    {
        var model = Model.Value;
        var forms = new FormCache(model.FirstPass, model.SecondPass);
        var tokens = new DocumentTokens();
        tokens.Load(DocumentFactory.Create("Alyaksandr Lukashenka, Belarus's president, said on Friday."), model.Lexicon, forms);
        tokens.Load(Seed(), model.Lexicon, forms);
        AssertSameScores(model, forms, tokens);
    }

    private static void AssertSameTokens(DocumentTokens expected, DocumentTokens actual)
    {
        int n = expected.Count;
        Assert.Equal(n, actual.Count);
        Assert.Equal(expected.Word[..n], actual.Word[..n]);
        Assert.Equal(expected.Lower[..n], actual.Lower[..n]);
        Assert.Equal(expected.Shape[..n], actual.Shape[..n]);
        Assert.Equal(expected.Cap[..n], actual.Cap[..n]);
        Assert.Equal(expected.Affix[..(n * 2 * TokenHashes.AffixLengths)], actual.Affix[..(n * 2 * TokenHashes.AffixLengths)]);
        Assert.Equal(expected.Cluster[..(n * DocumentTokens.ClusterKeys)], actual.Cluster[..(n * DocumentTokens.ClusterKeys)]);
        Assert.Equal(expected.Gazetteer[..n], actual.Gazetteer[..n]);
        Assert.Equal(expected.Context[..n], actual.Context[..n]);
    }

    /// <summary>Per token: the first pass's static scores (with the capitalisation table's row), its label-and-form scores after O and after the sentence start, the second pass's form score.</summary>
    private static void AssertSameScores(EntityModel model, FormCache forms, DocumentTokens d)
    {
        var keys = new ulong[LocalFeatures.MaxStatic];
        var closedSets = new ClosedSetScores(model.FirstPass, model.SecondPass);
        var expected = new float[LinearWeights.Classes];
        var actual = new float[LinearWeights.Classes];
        for (int i = 0; i < d.Count; i++)
        {
            model.FirstPass.Start(expected);
            model.FirstPass.Add(keys.AsSpan(0, LocalFeatures.Static(d, i, keys)), expected);
            model.FirstPass.Start(actual);
            forms.AddWindow(d, i, actual);
            (Vector512.Create<float>(actual) + closedSets.Capitalisation(d, i)).CopyTo(actual);
            model.FirstPass.Add(keys.AsSpan(0, LocalFeatures.ContextKeys(d, i, keys)), actual);
            AssertClose(expected, actual);

            foreach (int previous in new[] { EntityLabels.Outside, LocalFeatures.StartLabel })
            {
                Array.Clear(expected);
                LocalFeatures.LabelAndForm(d, i, previous, keys);
                model.FirstPass.Add(keys.AsSpan(0, LocalFeatures.LabelAndFormCount), expected);
                forms.AfterLikelyLabel(d, i, previous).CopyTo(actual);
                AssertClose(expected, actual);
            }

            Array.Clear(expected);
            model.SecondPass.Add([DocumentContextFeatures.FormKey(d, i)], expected);
            forms.SecondPassFormScores(d, i).CopyTo(actual);
            AssertClose(expected, actual);
        }
    }

    /// <summary>Equal up to the rounding of a different addition order.</summary>
    private static void AssertClose(float[] expected, float[] actual)
    {
        for (int c = 0; c < expected.Length; c++) Assert.Equal(expected[c], actual[c], 1e-4);
    }
}
