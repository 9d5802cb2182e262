using System.Collections.Immutable;
using Pipeline.Learning.Evaluation;
using Pipeline.Learning.Gold;
using Pipeline.Sdk;

namespace Pipeline.Learning.Training;

/// <summary>What `pipeline eval` asks for.</summary>
public sealed record EvaluationRequest
{
    public required string Analyzer { get; init; }
    /// <summary>The analyzer's Produces.</summary>
    public required ImmutableArray<LayerKey> Produces { get; init; }
    public required GoldSource Gold { get; init; }
    /// <summary>The model folder (checked against the gold labels); null: the analyzer's configured model.</summary>
    public string? ModelDirectory { get; init; }
    public required AnalyzeWithModel Analyze { get; init; }
    /// <summary>Where to list the span disagreements (<see cref="SpanErrors"/>); null: not listed.</summary>
    public string? ErrorsPath { get; init; }
}

/// <summary>
/// `pipeline eval`: reads gold data, checks its labels against the model's manifest, runs the
/// analyzer on the documents stripped of the layers it produces, and prints the report ending
/// with the RESULT line.
/// </summary>
public sealed class EvaluationRunner(IRunLog log, TextWriter output)
{
    public EvaluationReport Run(EvaluationRequest request, CancellationToken cancellationToken = default)
    {
        var reader = GoldFormats.Resolve(request.Gold.Path, request.Gold.Format);
        int errors = 0;
        var gold = reader.Read(request.Gold.Path, TrainingRunner.WithLabelLayer(request.Gold.Options, request.Produces), e => { errors++; log.Warning(e); }).ToList();
        if (gold.Count == 0) throw new GoldFormatException($"{request.Gold.Path}: no documents read");
        log.Info($"{request.Gold.Path}: {gold.Count} documents ({reader.Format}{(errors > 0 ? $", {errors} bad records skipped" : "")})");
        if (request.ModelDirectory is { } model && File.Exists(Path.Combine(model, ModelManifest.FileName)))
            ModelManifest.Read(model).CheckGoldLabels(GoldLabels.Of(gold, request.Produces), model);
        var input = gold.Select(d => TrainingRunner.StripLayers(d, request.Produces)).ToList();
        var predicted = request.Analyze(request.ModelDirectory, input, cancellationToken);
        var report = Evaluator.Evaluate(request.Produces, gold, predicted);
        report.WriteTo(output);
        if (request.ErrorsPath is { } errorsPath)
            log.Info($"{errorsPath}: {SpanErrors.Write(errorsPath, request.Produces, gold, predicted)} span disagreements");
        return report;
    }
}
