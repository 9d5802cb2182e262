using System.Collections.Immutable;
using System.Text.Json;
using Pipeline.Analyzers.Entities;
using Pipeline.Sdk;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Entities;

/// <summary>The accurate tier's k-means clusters of encoder vectors and the features made of them.</summary>
public class ContextualClusterTests
{
    /// <summary>Noisy copies of three directions around a common offset (which centring removes).</summary>
    private static List<float[]> ThreeGroups(int perGroup, int seed)
    {
        var random = new Random(seed);
        var points = new List<float[]>();
        for (int g = 0; g < 3; g++)
            for (int p = 0; p < perGroup; p++)
            {
                var v = new float[6];
                for (int d = 0; d < v.Length; d++) v[d] = 10 + 0.1f * (float)(random.NextDouble() - 0.5);
                v[g] += 1;
                points.Add(v);
            }
        return points;
    }

    private static int[] Ids(ContextualClusters clusters, float[] vector)
    {
        var ids = new int[clusters.Codebooks];
        clusters.Assign(vector, ids);
        return ids;
    }

    [Fact]
    public void K_means_puts_each_group_in_its_own_cluster_and_the_model_file_keeps_them()
    {
        var sample = ThreeGroups(20, seed: 1);
        var clusters = ContextualClusters.Fit(sample, [3, 6], iterations: 10, seed: 7);
        Assert.Equal([3, 6], clusters.Sizes.ToArray());

        var coarse = sample.Select(v => Ids(clusters, v)[0]).ToArray();
        for (int g = 0; g < 3; g++)
            Assert.Single(coarse.Skip(g * 20).Take(20).Distinct());
        Assert.Equal(3, coarse.Distinct().Count());

        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) clusters.Write(writer);
        stream.Position = 0;
        var read = ContextualClusters.Read(new BinaryReader(stream));
        foreach (var v in ThreeGroups(5, seed: 2)) Assert.Equal(Ids(clusters, v), Ids(read, v));
    }

    [Fact]
    public void Contextual_keys_follow_the_clusters_of_the_token_and_its_neighbours()
    {
        var doc = DocumentFactory.Create("Kremlin officials spoke.");
        var clusters = ContextualClusters.Fit(ThreeGroups(10, seed: 3), [3], iterations: 10, seed: 1);
        var tokens = new DocumentTokens();
        tokens.Load(doc, EntityLexicon.Empty);
        var keys = new ulong[LocalFeatures.MaxStatic];
        Assert.Equal(0, LocalFeatures.ContextualKeys(tokens, 1, keys)); // no vectors assigned: no keys

        ulong[] KeysOfMiddle(params int[] groups)
        {
            var vectors = groups.Select(g => { var v = new float[6]; Array.Fill(v, 10f); v[g] += 1; return v; }).ToList();
            vectors.Add(vectors[^1]); // the full stop
            tokens.AssignContextual(clusters, vectors);
            int n = LocalFeatures.ContextualKeys(tokens, 1, keys);
            Assert.Equal(4, n); // left, self, right, self with capitalisation
            return keys[..n];
        }

        var baseline = KeysOfMiddle(0, 1, 2);
        var otherLeft = KeysOfMiddle(2, 1, 2);
        Assert.NotEqual(baseline[0], otherLeft[0]);
        Assert.Equal(baseline[1..], otherLeft[1..]);
        var otherSelf = KeysOfMiddle(0, 0, 2);
        Assert.NotEqual(baseline[1], otherSelf[1]);
        Assert.NotEqual(baseline[3], otherSelf[3]);
        Assert.Equal(baseline[2], otherSelf[2]);
    }

    [Fact]
    public void A_model_with_contextual_clusters_saves_them_and_needs_the_encoder()
    {
        var docs = new[]
        {
            "[PER Vladimir Putin] met [PER Alyaksandr Lukashenka] in [LOC Sochi] on Friday.",
            "[ORG Reuters] reported that [PER Lukashenka] flew to [LOC Moscow].",
            "[PER Angela Merkel] visited [LOC Paris] and spoke to [ORG Le Monde].",
            "Officials in [LOC Minsk] denied the report, [ORG Kommersant] said.",
        }.Select(GoldMarkup.Parse).ToList();
        var output = Path.Combine(Path.GetTempPath(), "entities-contextual-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new AnalyzerOptions(new Dictionary<string, string>
            {
                ["tier"] = "accurate", ["encoderLayers"] = "2,3,4", ["contextualClusters"] = "4,8", ["denseVectors"] = "false",
                ["clusters"] = "none", ["gazetteers"] = "none", ["iterations"] = "30", ["l1"] = "0", ["l2"] = "0.1",
            }.ToImmutableDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value)));
            new EntitiesAnalyzer().CreateTrainer()!.Train(new TrainingContext { Train = docs, Dev = docs, OutputDirectory = output, Seed = 1, Options = options });

            var model = EntityModel.Load(output);
            Assert.Equal([4, 8], model.ContextualClusters!.Sizes.ToArray());
            Assert.Equal(0, model.FirstPass.DenseDimension);
            Assert.True(model.ReadsEncoder);
            Assert.Equal(384, model.EncoderDimension);
            var error = Assert.Throws<InvalidOperationException>(() => new EntityRecognizer(model, encoder: null));
            Assert.Contains("no text encoder", error.Message);
            Assert.Throws<ArgumentException>(() => new EntityTagger(model).Tag(docs[0]));
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }
}
