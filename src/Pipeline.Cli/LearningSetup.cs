using System.CommandLine;
using System.Text.Json;
using Pipeline.Host.Execution;
using Pipeline.Host.Loading;
using Pipeline.Host.Running;
using Pipeline.Host.Scheduling;
using Pipeline.Host.Services;
using Pipeline.Learning.Evaluation;
using Pipeline.Learning.Gold;
using Pipeline.Learning.Training;
using Pipeline.Sdk;

namespace Pipeline.Cli;

/// <summary>
/// What `pipeline train` and `pipeline eval` share: the analyzer argument, the gold-file and
/// --option options, the analyzer chain that runs a model, and one-line errors.
/// </summary>
internal sealed class LearningSetup
{
    public HostSetup Host { get; } = new();

    public Argument<string> Analyzer { get; } = new("analyzer") { Description = "The analyzer's id (see `pipeline plugins`)" };

    public Option<string?> Format { get; } = new("--format")
    {
        Description = "The gold format, when it cannot be told from the file: " + string.Join(", ", GoldFormats.All.Select(r => r.Format)),
        HelpName = "F",
    };

    public Option<string?> Split { get; } = new("--split") { Description = "Read only the records of this split (their \"split\" field); !S reads every record not in S", HelpName = "S" };

    public Option<string?> Bodies { get; } = new("--bodies") { Description = "FNC-1: the bodies file (default: next to the stances file)", HelpName = "FILE" };

    public Option<string[]> Options { get; } = new("--option")
    {
        Description = "An analyzer option over pipeline.json's, e.g. --option tier=lexicon (repeatable; numbers, true/false and JSON arrays are read as JSON)",
        HelpName = "KEY=VALUE",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public void AddTo(Command command)
    {
        command.Add(Analyzer);
        command.Add(Format);
        command.Add(Split);
        command.Add(Bodies);
        command.Add(Options);
        Host.AddTo(command);
    }

    /// <summary>A gold file with the --format and --bodies options.</summary>
    public GoldSource Gold(ParseResult parse, string path, string? split) => new(path)
    {
        Format = parse.GetValue(Format),
        Options = new GoldReadOptions { Split = split, BodiesPath = parse.GetValue(Bodies) },
    };

    /// <summary>The analyzer's top-level options from pipeline.json with the --option values over them.</summary>
    /// <exception cref="ArgumentException">An --option is not KEY=VALUE.</exception>
    public AnalyzerOptions AnalyzerOptions(ParseResult parse, HostEnvironment environment, string analyzerId)
    {
        var options = environment.Config.Config.OptionsFor(analyzerId);
        foreach (var pair in parse.GetValue(Options) ?? [])
        {
            int equals = pair.IndexOf('=');
            if (equals <= 0) throw new ArgumentException($"--option {pair}: expected KEY=VALUE");
            options = options.With(pair[..equals], OptionValue(pair[(equals + 1)..]));
        }
        return options;
    }

    /// <summary>The model store the analyzer's plugin sees (to resolve --model as the analyzer would).</summary>
    public static ModelCatalog Models(HostEnvironment environment) =>
        ModelCatalog.Standard(environment.Config.Config.ModelsDirectory, Directory.GetCurrentDirectory(), InstallFolders.Current);

    /// <summary>The analyzer and the enabled analyzers producing what it reads, run with the host's execution.</summary>
    public static AnalyzerChain Chain(HostEnvironment environment, string analyzerId, AnalyzerOptions options, ModelCatalog models,
        ServiceRegistry services, TextWriter error, IRunLog log)
    {
        var config = environment.Config.Config;
        return new AnalyzerChain(environment.Catalog, config, analyzerId, options, new SessionOptions
        {
            Models = models,
            Services = services,
            Claims = config.Claims,
            Log = error,
            Timeout = config.AnalyzerTimeoutSeconds > 0 ? TimeSpan.FromSeconds(config.AnalyzerTimeoutSeconds) : null,
        }, log);
    }

    /// <summary>The installed analyzer with the id, or null after printing what is installed.</summary>
    public static InstalledAnalyzer? Find(HostEnvironment environment, string id, TextWriter error)
    {
        var analyzer = environment.Catalog.Analyzers.FirstOrDefault(a => a.Id == id);
        if (analyzer is null)
            error.WriteLine($"pipeline: error: no installed analyzer has the id '{id}' (installed: {AnalyzerChain.Installed(environment.Catalog)}; see `pipeline plugins`)");
        return analyzer;
    }

    /// <summary>
    /// Prints an error of training or evaluation as one line naming the file and the reason;
    /// returns the exit code (2 for start-up and usage errors, 1 for bad data or models).
    /// </summary>
    /// <param name="file">The file an error without a file of its own concerns (the gold file of an evaluation).</param>
    public static int Fail(Exception ex, TextWriter error, string file)
    {
        var (message, code) = ex switch
        {
            StartupException or ArgumentException => (ex.Message, ExitCodes.Usage),
            EvaluationException => ($"{file}: {ex.Message}", ExitCodes.Findings),
            GoldFormatException or LabelSetMismatchException or IOException or UnauthorizedAccessException or InvalidDataException
                => (ex.Message, ExitCodes.Findings),
            _ => ($"{ex.GetType().Name}: {ex.Message}", ExitCodes.Findings),
        };
        error.WriteLine($"pipeline: error: {message.ReplaceLineEndings(" ")}");
        return code;
    }

    // Numbers, true/false, arrays and objects are JSON; anything else is a string (model=hedging-ml).
    private static JsonElement OptionValue(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Array or JsonValueKind.Object)
                return json.RootElement.Clone();
        }
        catch (JsonException)
        {
        }
        return JsonSerializer.SerializeToElement(text);
    }
}

/// <summary>Progress and warnings of `pipeline train` and `pipeline eval`, on the error stream.</summary>
internal sealed class CliLog(TextWriter error) : IRunLog
{
    public void Info(string message)
    {
        lock (error) error.WriteLine($"pipeline: {message}");
    }

    public void Warning(string message)
    {
        lock (error) error.WriteLine($"pipeline: warning: {message}");
    }
}
