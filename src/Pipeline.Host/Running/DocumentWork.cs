using System.Collections.Immutable;
using System.Diagnostics;
using Pipeline.Host.Configuration;
using Pipeline.Host.Execution;
using Pipeline.Host.Output;
using Pipeline.Sdk;
using Pipeline.Text;
using Pipeline.Text.Reading;
using Pipeline.Text.Records;

namespace Pipeline.Host.Running;

/// <summary>One input document's result, ready to be written in its turn.</summary>
/// <param name="Line">The record line (JSON + '\n').</param>
/// <param name="Kept">Where the line already is in annotations.jsonl, when --resume kept it.</param>
internal sealed record DocumentOutcome(long Seq, DocumentStatus Status, byte[] Line, LineRef? Kept, ImmutableArray<ReportedFinding> Reported, long Characters);

/// <summary>What a worker does with one read input: reject it, keep its previous record, or segment and analyse it.</summary>
internal sealed class DocumentWork
{
    private readonly EffectiveConfig _config;
    private readonly ResumeIndex? _resume;
    private readonly LineSource? _previous;
    private readonly AnalysisSession _session;
    private readonly IReadOnlySet<string> _notRun;
    private readonly CancellationToken _cancellationToken;
    private long _segmentationTicks, _segmented, _characters, _tokens;

    public DocumentWork(AnalysisSession session, EffectiveConfig config, RunLimits limits, ResumeIndex? resume, LineSource? previous, CancellationToken cancellationToken)
    {
        _config = config;
        Limits = limits;
        _resume = resume;
        _previous = previous;
        _session = session;
        _notRun = session.NotRunning.ToHashSet(StringComparer.Ordinal);
        _cancellationToken = cancellationToken;
    }

    public RunLimits Limits { get; }
    public TimeSpan SegmentationTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _segmentationTicks));
    public long Segmented => Interlocked.Read(ref _segmented);
    public long Characters => Interlocked.Read(ref _characters);
    public long Tokens => Interlocked.Read(ref _tokens);

    public async Task<DocumentOutcome> ProcessAsync(long seq, ReadResult read)
    {
        try
        {
            switch (read)
            {
                case ReadFailure failure:
                    return Rejected(seq, failure.Path, failure.Reason);
                case ArticleRead article:
                    Interlocked.Add(ref _characters, article.Text.Length);
                    if (_resume is not null && _resume.TryGet(article.Path, DocumentFactory.ContentHash(article.Text), out var kept))
                    {
                        var line = _previous!.Read(kept);
                        var (status, reported) = ReusedRecord.Read(line, _config.For(article.Path), _notRun);
                        return WithReadWarning(new DocumentOutcome(seq, status, line, kept, reported, article.Text.Length), article);
                    }
                    return WithReadWarning(await AnalyseAsync(seq, article), article);
                default:
                    throw new InvalidOperationException($"unknown read result {read.GetType().Name}");
            }
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && _cancellationToken.IsCancellationRequested))
        {
            return HostFailed(seq, read, ex);
        }
    }

    private async Task<DocumentOutcome> AnalyseAsync(long seq, ArticleRead article)
    {
        long start = Stopwatch.GetTimestamp();
        var document = DocumentFactory.Create(article.Text, article.Metadata);
        Interlocked.Add(ref _segmentationTicks, Stopwatch.GetTimestamp() - start);
        Interlocked.Increment(ref _segmented);
        Interlocked.Add(ref _tokens, document.Tokens.Length);

        var processed = await _session.AnalyseAsync(document, article.Path, _cancellationToken);
        var line = AnnotationRecordWriter.ToLine(new AnnotationRecord
        {
            Id = document.Id,
            Path = article.Path,
            Status = processed.Status,
            Reason = processed.Reason,
            Document = processed.Document,
            Findings = processed.Findings,
            Failures = processed.Failures,
        });
        return new DocumentOutcome(seq, processed.Status, line, null, processed.Reported, article.Text.Length);
    }

    /// <summary>The reader's warning (PL2002) first among what the document reports; the record itself stays as analysed.</summary>
    private DocumentOutcome WithReadWarning(DocumentOutcome outcome, ArticleRead article)
    {
        if (article.Warning is null) return outcome;
        var severity = _config.For(article.Path).SeverityOf(HostRules.InputWarning.Id);
        if (severity == Severity.None) return outcome;
        var warning = new ReportedFinding(HostRules.InputWarning.Id, severity, article.Warning, HostRules.Analyzer) { Location = new FindingLocation(article.Path) };
        return outcome with { Reported = outcome.Reported.Insert(0, warning) };
    }

    private DocumentOutcome Rejected(long seq, string path, string reason) =>
        Unanalysed(seq, path, DocumentStatus.Rejected, reason, HostRules.InputRejected, reason);

    private DocumentOutcome HostFailed(long seq, ReadResult read, Exception ex)
    {
        var message = Finding.Create(HostRules.HostFailed, default, $"{ex.GetType().Name}: {ex.Message}").Message;
        return Unanalysed(seq, read.Path, DocumentStatus.Failed, message, HostRules.HostFailed, message, ex);
    }

    private DocumentOutcome Unanalysed(long seq, string path, DocumentStatus status, string reason, RuleDescriptor rule, string message, Exception? ex = null)
    {
        var record = new AnnotationRecord
        {
            Id = DocumentFactory.ContentHash(path),
            Path = path,
            Status = status,
            Reason = reason,
            Failures = ex is null ? [] : [new FailureRecord(rule.Id, HostRules.Analyzer, message) { Exception = $"{ex.GetType().FullName}: {ex.Message}", StackTrace = ex.StackTrace }],
        };
        var severity = _config.For(path).SeverityOf(rule.Id);
        ImmutableArray<ReportedFinding> reported = severity == Severity.None ? []
            : [new ReportedFinding(rule.Id, severity, message, HostRules.Analyzer) { Location = new FindingLocation(path) }];
        return new DocumentOutcome(seq, status, AnnotationRecordWriter.ToLine(record), null, reported, 0);
    }
}
