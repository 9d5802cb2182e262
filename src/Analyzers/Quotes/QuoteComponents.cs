using System.Collections.Concurrent;
using Pipeline.Analyzers.Quotes.Learning;
using Pipeline.Analyzers.Quotes.Lexicon;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Quotes;

/// <summary>
/// The lexicon and model both quote analyzers use, loaded once per folder and shared (the two
/// analyzers of a run read the same files).
/// </summary>
internal static class QuoteComponents
{
    private static readonly ConcurrentDictionary<string, Lazy<QuotesLexicon>> Lexicons = new();
    private static readonly ConcurrentDictionary<string, Lazy<QuoteModel>> Models = new();

    /// <summary>Options: "lexicon" (default quotes-lexicon) and "model" (default quotes-polnear), names or paths.</summary>
    public static (QuotesLexicon Lexicon, QuoteModel Model) Load(RunStartContext run)
    {
        string lexicon = run.Models.Resolve(run.Options.GetString("lexicon", QuotesLexicon.DefaultName));
        string model = run.Models.Resolve(run.Options.GetString("model", QuoteModelFiles.DefaultName));
        return (LoadLexicon(lexicon), LoadModel(model));
    }

    public static QuotesLexicon LoadLexicon(string folder) =>
        Lexicons.GetOrAdd(Key(folder), _ => new Lazy<QuotesLexicon>(() => QuotesLexicon.Load(folder))).Value;

    public static QuoteModel LoadModel(string folder) =>
        Models.GetOrAdd(Key(folder), _ => new Lazy<QuoteModel>(() => QuoteModelFiles.Load(folder))).Value;

    /// <summary>The folder and the time its newest file was written: a rewritten model is loaded again.</summary>
    private static string Key(string folder)
    {
        var full = Path.GetFullPath(folder);
        var newest = Directory.Exists(full) ? Directory.EnumerateFiles(full).Select(File.GetLastWriteTimeUtc).DefaultIfEmpty().Max() : default;
        return full + "|" + newest.Ticks;
    }
}
