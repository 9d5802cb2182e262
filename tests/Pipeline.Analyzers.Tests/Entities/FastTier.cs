using Pipeline.Analyzers.Entities;
using Pipeline.Tests;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Entities;

/// <summary>The shipped fast model, loaded once, for tests of what the recognizer writes.</summary>
internal static class FastTier
{
    private static readonly Lazy<EntityRecognizer> Recognizer = new(() =>
        new EntityRecognizer(EntityModel.Load(Path.Combine(TestPaths.RepoRoot, "models", "entities-fast")), encoder: null));

    /// <summary>The mentions of a text as (text, type), in text order.</summary>
    public static List<(string Text, string Type)> Recognize(string text)
    {
        var doc = DocumentFactory.Create(text);
        return Recognizer.Value.Recognize(doc).Select(e => (doc.GetString(e.Span), e.Type)).ToList();
    }
}
