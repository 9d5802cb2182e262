using System.Collections.Immutable;
using System.Text.Json;
using Pipeline.Analyzers.Entities;
using Pipeline.Learning.Encoders;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Entities;

public sealed class TrainingOptionTests
{
    private static AnalyzerOptions Options(params (string Key, string Value)[] pairs) =>
        new(pairs.ToImmutableDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value)));

    [Fact]
    public void The_encoder_option_names_a_checkpoint_and_an_unknown_one_is_refused_with_the_known_ones()
    {
        Assert.Same(MiniLmCheckpoint.AllMiniLmL6V2, EntityTrainingOptions.From(Options()).Checkpoint);
        var arctic = EntityTrainingOptions.From(Options(("encoder", "snowflake-arctic-embed-xs"), ("encoderLayers", "2,3,4")));
        Assert.Equal("snowflake-arctic-embed-xs@L2+3+4", MiniLmEncoder.ModelIdFor(arctic.Checkpoint, arctic.EncoderLayers));

        var error = Assert.Throws<ArgumentException>(() => EntityTrainingOptions.From(Options(("encoder", "bert-large"))));
        Assert.Contains("'bert-large'", error.Message);
        Assert.Contains("snowflake-arctic-embed-xs", error.Message);
    }
}
