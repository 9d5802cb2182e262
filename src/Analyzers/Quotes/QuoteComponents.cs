using System.Collections.Concurrent;
using Pipeline.Analyzers.Quotes.Learning;
using Pipeline.Analyzers.Quotes.Lexicon;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Quotes;

/// <summary>
/// The lexicon and model the quote analyzer uses, loaded once per folder and shared by every run
/// of the process that names the same folders.
/// </summary>
internal static class QuoteComponents
{
    private static readonly ConcurrentDictionary<string, Lazy<QuotesLexicon>> Lexicons = new();
    private static readonly ConcurrentDictionary<string, Lazy<QuoteModel>> Models = new();

    /// <summary>Options: "lexicon" (default quotes-lexicon) and "model" (default quotes-polnear), names or paths.</summary>
    public static (QuotesLexicon Lexicon, QuoteModel Model) Load(RunStartContext run) =>
        Load(run.Models.Resolve, run.Options.GetString("lexicon", QuotesLexicon.DefaultName), run.Options.GetString("model", QuoteModelFiles.DefaultName));

    /// <summary>The default lexicon and model from a models folder (benchmarks, tests).</summary>
    public static (QuotesLexicon Lexicon, QuoteModel Model) Load(string modelsFolder) =>
        Load(name => Path.Combine(modelsFolder, name), QuotesLexicon.DefaultName, QuoteModelFiles.DefaultName);

    private static (QuotesLexicon, QuoteModel) Load(Func<string, string> resolve, string lexicon, string model)
    {
        string lexiconFolder = resolve(lexicon), modelFolder = resolve(model);
        return (
            Lexicons.GetOrAdd(Key(lexiconFolder), _ => new Lazy<QuotesLexicon>(() => QuotesLexicon.Load(lexiconFolder))).Value,
            Models.GetOrAdd(Key(modelFolder), _ => new Lazy<QuoteModel>(() => QuoteModelFiles.Load(modelFolder, resolve))).Value);
    }

    /// <summary>The folder and the time its newest file was written: a rewritten model is loaded again.</summary>
    private static string Key(string folder)
    {
        var full = Path.GetFullPath(folder);
        var newest = Directory.Exists(full) ? Directory.EnumerateFiles(full).Select(File.GetLastWriteTimeUtc).DefaultIfEmpty().Max() : default;
        return full + "|" + newest.Ticks;
    }
}
