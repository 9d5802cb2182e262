using System.CommandLine;
using Pipeline.Host.Running;
using Pipeline.Host.Services;
using Pipeline.Learning.Training;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `pipeline train ANALYZER --train FILE --out DIR`: trains the analyzer's model with its own
/// trainer, evaluates it on the dev set by running the analyzer as `pipeline run` does, and writes
/// the model with manifest.json.
/// </summary>
internal sealed class TrainCommand : ICliCommand
{
    /// <summary>The encoder cache, under the working directory, when --cache is not given.</summary>
    public static readonly string DefaultCache = Path.Combine(".cache", "encoder");

    public Command Create()
    {
        var setup = new LearningSetup();
        var train = new Option<string[]>("--train") { Description = "A gold file to train on (repeatable: the files are concatenated)", HelpName = "FILE", Required = true, Arity = ArgumentArity.OneOrMore };
        var dev = new Option<string[]>("--dev") { Description = "A gold file to tune and evaluate on (repeatable: the files are concatenated; default: 10% of the train documents, held out)", HelpName = "FILE" };
        var devSplit = new Option<string?>("--dev-split") { Description = "Read only this split of the dev file (!S: every record not in S)", HelpName = "S" };
        var output = new Option<string>("--out") { Description = "The model folder to write (new, empty, or a previous model's)", HelpName = "DIR", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the dev split, folds and trainer", HelpName = "N", DefaultValueFactory = _ => 42 };
        var folds = new Option<int>("--cv") { Description = "Cross-validate on K folds of the train documents first", HelpName = "K" };
        var cache = new Option<string?>("--cache") { Description = $"Folder caching encoder outputs across trainings (default: {DefaultCache})", HelpName = "DIR" };
        folds.Validators.Add(r => { if (r.GetValueOrDefault<int>() is 1 or < 0) r.AddError("--cv must be at least 2"); });

        var command = new Command("train", "Train an analyzer's model on gold data; writes the model and manifest.json, and prints the dev metrics")
        {
            train, dev, devSplit, output, seed, folds, cache,
        };
        setup.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var environment = setup.Host.Load(parse);
            if (environment is null) return Task.FromResult(ExitCodes.Usage);
            var id = parse.GetValue(setup.Analyzer)!;
            var analyzer = LearningSetup.Find(environment, id, error);
            if (analyzer is null) return Task.FromResult(ExitCodes.Usage);
            var trainer = analyzer.Analyzer.CreateTrainer();
            if (trainer is null)
            {
                error.WriteLine($"pipeline: error: analyzer '{id}' has no trainer: it does not learn a model");
                return Task.FromResult(ExitCodes.Usage);
            }

            var files = parse.GetValue(train)!;
            var devFiles = parse.GetValue(dev) ?? [];
            var log = new CliLog(error);
            try
            {
                var options = setup.AnalyzerOptions(parse, environment, id);
                var cacheDirectory = Path.GetFullPath(parse.GetValue(cache) ?? DefaultCache);
                using var services = HostServices.CreateRegistry(cacheDirectory, log);
                var chain = LearningSetup.Chain(environment, id, options, LearningSetup.Models(environment), services, error, log);
                var split = parse.GetValue(setup.Split);
                var request = new TrainingRequest
                {
                    Analyzer = id,
                    Trainer = trainer,
                    Produces = analyzer.Produces,
                    Train = setup.Gold(parse, files[0], split),
                    AdditionalTrain = files.Skip(1).Select(f => setup.Gold(parse, f, split)).ToList(),
                    Dev = devFiles.Length > 0 ? setup.Gold(parse, devFiles[0], parse.GetValue(devSplit)) : null,
                    AdditionalDev = devFiles.Skip(1).Select(f => setup.Gold(parse, f, parse.GetValue(devSplit))).ToList(),
                    OutputDirectory = parse.GetValue(output)!,
                    Seed = parse.GetValue(seed),
                    CrossValidationFolds = parse.GetValue(folds),
                    Options = options,
                    CacheDirectory = cacheDirectory,
                    Services = services.Get,
                    CommandLine = CommandLine(parse),
                    Analyze = chain.Analyze,
                };
                new TrainingRunner(log, parse.InvocationConfiguration.Output).Run(request, cancellationToken);
                return Task.FromResult(ExitCodes.Ok);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return Task.FromResult(ExitCodes.Interrupted);
            }
            catch (Exception ex)
            {
                return Task.FromResult(LearningSetup.Fail(ex, error, devFiles.FirstOrDefault() ?? files[0]));
            }
        });
        return command;
    }

    /// <summary>The command line as typed (for the manifest), arguments with spaces quoted.</summary>
    private static string CommandLine(ParseResult parse) =>
        "pipeline " + string.Join(" ", parse.Tokens.Select(t => t.Value.Contains(' ') ? $"\"{t.Value}\"" : t.Value));
}
