using System.Collections.Immutable;
using System.Text.Json;
using Pipeline.Analyzers.Entities;
using Pipeline.Sdk;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Entities;

public class TrainingSmokeTests
{
    private static readonly string[] Fixture =
    [
        "[PER Vladimir Putin] met [PER Alyaksandr Lukashenka] in [LOC Sochi] on Friday. [PER Putin] said the talks went well.",
        "[ORG Reuters] reported that [PER Lukashenka] flew to [LOC Moscow]. The [MISC Belarusian] leader met [PER Putin] there.",
        "[PER Angela Merkel] visited [LOC Paris]. [PER Merkel] spoke to [ORG Le Monde] about [LOC Europe] and the [ORG European Union].",
        "Officials in [LOC Minsk] denied the report. [ORG Kommersant] said [PER Putin] and [PER Lukashenka] would meet in [LOC Moscow].",
        "[PER Brian Whitmore] works at the [ORG Atlantic Council] in [LOC Washington]. [PER Whitmore] writes about [LOC Russia].",
        "The [MISC Russian] daily [ORG Kommersant] cited officials in [LOC Moscow]. [PER Merkel] was not available for comment.",
    ];

    [Fact]
    public void A_model_trained_on_a_tiny_fixture_learns_its_names_and_survives_saving()
    {
        var docs = Fixture.Select(GoldMarkup.Parse).ToList();
        var output = Path.Combine(Path.GetTempPath(), "entities-smoke-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new AnalyzerOptions(new Dictionary<string, string>
            {
                ["clusters"] = "none", ["gazetteers"] = "none", ["folds"] = "2", ["iterations"] = "60", ["l1"] = "0", ["l2"] = "0.1",
            }.ToImmutableDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value)));
            var trainer = new EntitiesAnalyzer().CreateTrainer()!;
            var result = trainer.Train(new TrainingContext { Train = docs, Dev = docs, OutputDirectory = output, Seed = 1, Options = options });
            Assert.Equal(EntityLabels.Count, result.Labels.Length);

            var model = EntityModel.Load(output);
            Assert.StartsWith("entities-smoke-", model.Id);
            // The first pass fits its training data; the second pass learned from held-out first-pass
            // output, so it is judged on unseen text below.
            var tagger = new EntityTagger(model);
            int gold = 0, found = 0;
            var spans = new List<TokenMention>();
            foreach (var doc in docs)
            {
                tagger.TagFirstPass(doc);
                spans.Clear();
                BilouCodec.Decode(tagger.FirstPassLabels, 0, spans);
                var actual = spans.Select(m => (TextSpan.FromBounds(doc.Tokens[m.First].Span.Start, doc.Tokens[m.End - 1].Span.End), EntityLabels.TypeName(m.Type))).ToHashSet();
                var expected = doc.GetLayer(Layers.Entities).Select(m => (m.Span, m.Type)).ToHashSet();
                gold += expected.Count;
                found += expected.Intersect(actual).Count();
            }
            Assert.True(found >= gold * 0.9, $"first pass recovered {found} of {gold} training mentions");

            var unseen = DocumentFactory.Create("Putin met Lukashenka in Moscow.");
            tagger.TagFirstPass(unseen);
            Assert.Equal("U-PER O U-PER O U-LOC O", string.Join(" ", tagger.FirstPassLabels.ToArray().Select(l => EntityLabels.Name(l))));

            // The whole recognizer (both passes, clusters) gives well-formed mentions.
            var recognizer = new EntityRecognizer(model, encoder: null);
            foreach (var doc in docs)
                foreach (var m in recognizer.Recognize(doc))
                {
                    Assert.Contains(m.Type, EntityTypes.All);
                    Assert.InRange(m.Confidence, 0f, 1f);
                    Assert.True(m.Span.End <= doc.Text.Length && !char.IsWhiteSpace(doc.Text[m.Span.Start]) && !char.IsWhiteSpace(doc.Text[m.Span.End - 1]));
                }
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }
}
