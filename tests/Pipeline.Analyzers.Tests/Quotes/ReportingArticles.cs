using System.Text;
using System.Text.Json;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// A small PolNeAR-style training file for the quote trainer's tests: in each article "X {verb}
/// that taxes will rise next year." is attributed (cue, content, source) and "X visited Ohio on
/// Tuesday." is not.
/// </summary>
internal static class ReportingArticles
{
    private static readonly string[] Names = ["Smith", "Jones", "Brown", "Garcia", "Miller", "Davis", "Wilson", "Moore", "Taylor", "Clark"];

    /// <summary>Writes the articles to <paramref name="folder"/>/<paramref name="file"/> and returns its path.</summary>
    public static string Write(string folder, string file, string verb)
    {
        var records = new StringBuilder();
        foreach (var name in Names)
        {
            string text = $"{name} {verb} that taxes will rise next year. {name} visited Ohio on Tuesday.";
            int cue = text.IndexOf(verb, StringComparison.Ordinal), content = text.IndexOf("taxes", StringComparison.Ordinal);
            var quote = new { content_spans = new[] { new[] { content, text.IndexOf('.') } }, cue_spans = new[] { new[] { cue, cue + verb.Length } }, source_spans = new[] { new[] { 0, name.Length } } };
            records.Append(JsonSerializer.Serialize(new { id = name, text, quotes = new[] { quote } })).Append('\n');
        }
        string path = Path.Combine(folder, file);
        File.WriteAllText(path, records.ToString());
        return path;
    }
}
