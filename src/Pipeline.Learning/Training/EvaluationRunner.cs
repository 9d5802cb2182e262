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
    /// <summary>Runs the analyzer; not needed for <see cref="Agreement"/>.</summary>
    public AnalyzeWithModel? Analyze { get; init; }
    /// <summary>Where to list the span disagreements (<see cref="SpanErrors"/>); null: not listed.</summary>
    public string? ErrorsPath { get; init; }
    /// <summary>Score the gold's annotators against each other (<see cref="AnnotatorAgreement"/>) instead of the analyzer.</summary>
    public bool Agreement { get; init; }
}

/// <summary>
/// `pipeline eval`: reads gold data, checks its labels against the model's manifest, runs the
/// analyzer on the documents stripped of the layers it produces, and prints the report ending
/// with the RESULT line. With <see cref="EvaluationRequest.Agreement"/> it scores the gold's
/// annotators against each other with the same metric instead: the ceiling a model is measured under.
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
        if (request.Agreement) return Score(request, AgreementPairs(request.Gold.Path, gold));
        if (request.ModelDirectory is { } model && File.Exists(Path.Combine(model, ModelManifest.FileName)))
            ModelManifest.Read(model).CheckGoldLabels(GoldLabels.Of(gold, request.Produces), model);
        var input = gold.Select(d => TrainingRunner.StripLayers(d, request.Produces)).ToList();
        var analyze = request.Analyze ?? throw new ArgumentException("an evaluation needs the analyzer to run", nameof(request));
        var predicted = analyze(request.ModelDirectory, input, cancellationToken);
        return Score(request, (gold, predicted));
    }

    private (IReadOnlyList<Document>, IReadOnlyList<Document>) AgreementPairs(string path, IReadOnlyList<Document> gold)
    {
        var agreement = AnnotatorAgreement.Of(gold);
        if (agreement.Articles == 0) throw new GoldFormatException($"{path}: no text is annotated more than once, so there is no agreement to measure");
        log.Info($"agreement: {agreement.Articles} texts annotated more than once, {agreement.Pairs} annotator pairs scored both ways ({agreement.SingleAnnotations} texts annotated once left out)");
        return (agreement.Gold, agreement.Other);
    }

    private EvaluationReport Score(EvaluationRequest request, (IReadOnlyList<Document> Gold, IReadOnlyList<Document> Predicted) pair)
    {
        var report = Evaluator.Evaluate(request.Produces, pair.Gold, pair.Predicted);
        report.WriteTo(output);
        if (request.ErrorsPath is { } errorsPath)
            log.Info($"{errorsPath}: {SpanErrors.Write(errorsPath, request.Produces, pair.Gold, pair.Predicted)} span disagreements");
        return report;
    }
}
