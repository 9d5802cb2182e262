using System.CommandLine;
using Pipeline.Host.Execution;
using Pipeline.Host.Running;
using Pipeline.Host.Services;
using Pipeline.Learning.Training;
using Pipeline.Text;
using Pipeline.Text.Evaluation;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `pipeline eval ANALYZER --gold FILE [--model DIR]`: runs the analyzer over gold documents as
/// `pipeline run` does and scores it with its task's standard metric; `pipeline eval segmentation
/// --gold FILE.conllu` scores the segmenter; `--agreement` scores the gold's annotators against
/// each other with the analyzer's metric. All end with a RESULT line.
/// </summary>
internal sealed class EvalCommand : ICliCommand
{
    /// <summary>The pseudo-analyzer naming the host's segmenter.</summary>
    public const string Segmentation = "segmentation";

    public Command Create()
    {
        var setup = new LearningSetup();
        var gold = new Option<string>("--gold") { Description = $"The gold file, or a folder of brat .ann files (for {Segmentation}: a CoNLL-U file)", HelpName = "FILE", Required = true };
        var model = new Option<string?>("--model") { Description = "The model folder or name to score (default: the one the analyzer is configured with)", HelpName = "DIR" };
        var errors = new Option<string?>("--errors") { Description = "Also write the span disagreements (entities, hedge cues, quote cues, sources and content segments) to this tab-separated file", HelpName = "FILE" };
        var agreement = new Option<bool>("--agreement") { Description = "Score the gold's annotators against each other instead of the analyzer: documents with the same text are one article annotated by several annotators (e.g. a folder of brat .ann files)" };
        var command = new Command("eval", $"Score an analyzer's model on gold data (or the segmenter: `eval {Segmentation}`); prints a table and a RESULT line")
        {
            gold, model, errors, agreement,
        };
        setup.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var output = parse.InvocationConfiguration.Output;
            var id = parse.GetValue(setup.Analyzer)!;
            var goldFile = parse.GetValue(gold)!;
            if (id == Segmentation) return Task.FromResult(EvaluateSegmentation(goldFile, output, error));

            var environment = setup.Host.Load(parse);
            if (environment is null) return Task.FromResult(ExitCodes.Usage);
            var analyzer = LearningSetup.Find(environment, id, error);
            if (analyzer is null) return Task.FromResult(ExitCodes.Usage);
            var log = new CliLog(error);
            try
            {
                var runner = new EvaluationRunner(log, output);
                if (parse.GetValue(agreement))
                {
                    runner.Run(new EvaluationRequest
                    {
                        Analyzer = id, Produces = analyzer.Produces, Gold = setup.Gold(parse, goldFile, parse.GetValue(setup.Split)),
                        ErrorsPath = parse.GetValue(errors), Agreement = true,
                    }, cancellationToken);
                    return Task.FromResult(ExitCodes.Ok);
                }
                var options = setup.AnalyzerOptions(parse, environment, id);
                var models = LearningSetup.Models(environment);
                // --model, else the configured one, resolved as the analyzer would, so that its labels can be checked first.
                var modelName = parse.GetValue(model) ?? options.GetString(AnalyzerChain.ModelOption);
                var modelDirectory = modelName is null ? null : models.ForPlugin(analyzer.Plugin.Directory).Resolve(modelName);
                if (modelDirectory is not null) log.Info($"model: {modelDirectory}");
                using var services = HostServices.CreateRegistry();
                var chain = LearningSetup.Chain(environment, id, options, models, services, error, log);
                runner.Run(new EvaluationRequest
                {
                    Analyzer = id,
                    Produces = analyzer.Produces,
                    Gold = setup.Gold(parse, goldFile, parse.GetValue(setup.Split)),
                    ModelDirectory = modelDirectory,
                    Analyze = chain.Analyze,
                    ErrorsPath = parse.GetValue(errors),
                }, cancellationToken);
                return Task.FromResult(ExitCodes.Ok);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return Task.FromResult(ExitCodes.Interrupted);
            }
            catch (Exception ex)
            {
                return Task.FromResult(LearningSetup.Fail(ex, error, goldFile));
            }
        });
        return command;
    }

    private static int EvaluateSegmentation(string conllu, TextWriter output, TextWriter error)
    {
        if (!File.Exists(conllu))
        {
            error.WriteLine($"pipeline: error: {conllu}: gold file not found");
            return ExitCodes.Findings;
        }
        try
        {
            new SegmentationEvaluator(Segmenter.Default).EvaluateFile(conllu).WriteTo(output);
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException)
        {
            error.WriteLine($"pipeline: error: {conllu}: {ex.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.Findings;
        }
    }
}
