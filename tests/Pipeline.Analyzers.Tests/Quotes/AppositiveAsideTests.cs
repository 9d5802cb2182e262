using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// "Rosneft, meanwhile, said ...": an aside set off by commas before the cue is no apposition of
/// the speaker, whose words end before it.
/// </summary>
public sealed class AppositiveAsideTests
{
    [Theory]
    [InlineData("Rosneft, meanwhile, said it would not take part in the auction of the unit.", "Rosneft", "Rosneft")]
    [InlineData("Market leader Nintendo, however, said it had sold more handhelds than ever.", "Nintendo", "Market leader Nintendo")]
    [InlineData("Wine makers, however, claimed the support did not go far enough.", null, "Wine makers")]
    public void The_speaker_ends_before_an_aside(string text, string? entity, string speaker)
    {
        var run = QuoteTestKit.Analyze(text, new Seed("Rosneft", EntityTypes.Organization, "rosneft"), new Seed("Nintendo", EntityTypes.Organization, "nintendo"));
        var result = run.Results.Single();
        Assert.Equal(speaker, result.Speaker.Text);
        if (entity is not null) Assert.Equal(entity, result.Speaker.Entity?.CanonicalName);
    }
}
