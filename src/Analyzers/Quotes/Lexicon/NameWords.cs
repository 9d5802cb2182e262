namespace Pipeline.Analyzers.Quotes.Lexicon;

/// <summary>The words of an entity's name ("Bank of America", "Ward's Automotive Reports"): split at spaces, hyphens, apostrophes, dots and commas.</summary>
internal static class NameWords
{
    private static readonly char[] Separators = [' ', '-', '\'', '’', '.', ','];

    public static string[] Of(string name) => name.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
}
