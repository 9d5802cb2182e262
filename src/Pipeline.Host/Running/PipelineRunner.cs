using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Threading.Channels;
using Pipeline.Host.Configuration;
using Pipeline.Host.Execution;
using Pipeline.Host.Loading;
using Pipeline.Host.Output;
using Pipeline.Host.Scheduling;
using Pipeline.Host.Services;
using Pipeline.Sdk;
using Pipeline.Text;
using Pipeline.Text.Reading;
using Pipeline.Text.Records;

namespace Pipeline.Host.Running;

/// <summary>
/// A batch run: reads the inputs, segments and analyses documents in parallel, and writes
/// every output in input order. Streaming: a bounded number of documents is in flight (read,
/// being analysed, or waiting for their turn to be written), whatever the number of inputs.
/// </summary>
public sealed class PipelineRunner(AnalyzerCatalog catalog, EffectiveConfig config, ModelCatalog models, ServiceRegistry services)
{
    public const string SarifFileName = "findings.sarif";

    /// <exception cref="StartupException">The analyzers cannot be scheduled.</exception>
    public async Task<RunResult> RunAsync(RunOptions options, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var limits = new RunLimits(options.MaxCharacters ?? config.Config.MaxCharacters, options.TimeoutSeconds ?? config.Config.AnalyzerTimeoutSeconds);
        var claims = config.Config.Claims.AddRange(options.Claims);
        var state = new RunState(options);
        foreach (var problem in catalog.Problems) state.ReportNow(problem with { Severity = config.TopLevel.SeverityOf(problem.RuleId) });

        var session = AnalysisSession.Start(catalog, config, new SessionOptions
        {
            Models = models, Services = services, Claims = claims, Log = options.Error, Quiet = options.Quiet, Timeout = limits.Timeout,
        }, cancellationToken);
        foreach (var problem in session.StartProblems) state.ReportNow(problem);

        var output = Path.GetFullPath(options.OutputDirectory);
        Directory.CreateDirectory(output);

        var manifest = RunManifest.Create(session, models, config.Config.CanonicalJson, limits, claims);
        var annotationsPath = Path.Combine(output, AnnotationsFile.FileName);
        ResumeIndex? resume = OpenResume(options, output, annotationsPath, manifest);
        using var annotations = resume is null ? AnnotationsFile.Create(annotationsPath) : AnnotationsFile.Append(annotationsPath);
        // The fingerprint is written after the file is started over, never before: records and run.json always agree.
        manifest.Write(Path.Combine(output, RunManifest.FileName));
        using var previous = resume is null ? null : new LineSource(annotationsPath);

        using var sarif = new SarifWriter(Path.Combine(output, SarifFileName), catalog.Rules, ToolVersion);
        state.Sarif = sarif;
        state.FlushEarlyFindings();

        var work = new DocumentWork(session, config, limits, resume, previous, cancellationToken);
        var writer = new OrderedWriter(annotations, state, resume);
        var passedOver = new PassedOverFiles();
        bool cancelled = false;
        using (var progress = options.Progress ? new ProgressLine(options.Error, state) : null)
        {
            try
            {
                await RunPipelineAsync(options, work, writer, passedOver, Math.Max(1, options.Jobs), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
            }
        }

        annotations.Dispose();
        if (session.Runtimes.Any(r => r.HasAbandonedCalls)) services.LeaveUndisposed();
        if (!cancelled)
        {
            foreach (var finding in session.End()) state.Report(finding, console: true);
            if (resume is not null && !writer.InInputOrder) writer.Compact(annotationsPath, previous!);
        }
        sarif.Complete(executionSuccessful: !cancelled);
        clock.Stop();

        var timings = new RunTimings(clock.Elapsed, options.Jobs, state.Documents,
            new AnalyzerTiming("segmentation (host)", TimeSpan.Zero, work.SegmentationTime, work.Segmented),
            session.Runtimes.Select(r => new AnalyzerTiming(r.Id, Stopwatch.GetElapsedTime(0, r.RunStartTicks), r.DocumentTime, r.Calls)).ToImmutableArray());
        timings.WriteJson(Path.Combine(output, RunTimings.FileName));

        var result = state.Result(clock.Elapsed, cancelled, work.Characters, work.Tokens);
        if (passedOver.Describe() is { } notice) options.Error.WriteLine(notice);
        options.Out.WriteLine(Summary(result, options.OutputDirectory));
        if (options.ReportAnalyzers) timings.Print(options.Out);
        return result;
    }

    private static string ToolVersion =>
        typeof(PipelineRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private static ResumeIndex? OpenResume(RunOptions options, string output, string annotationsPath, RunManifest manifest)
    {
        if (!options.Resume) return null;
        if (!File.Exists(annotationsPath))
        {
            options.Error.WriteLine($"pipeline: resume: no {AnnotationsFile.FileName} in {options.OutputDirectory}; analysing every document");
            return null;
        }
        var previous = RunManifest.TryRead(Path.Combine(output, RunManifest.FileName));
        if (previous?.Fingerprint != manifest.Fingerprint)
        {
            var changed = previous is null ? $"no readable {RunManifest.FileName}"
                : "changed: " + string.Join(", ", manifest.Components.Except(previous.Components).Select(c => c.Split(' ')[0] + " " + c.Split(' ')[1]).Distinct().DefaultIfEmpty("components"));
            options.Error.WriteLine($"pipeline: resume: the previous output was made with another pipeline ({changed}); analysing every document again");
            return null;
        }
        var index = ResumeIndex.Open(annotationsPath);
        if (!options.Quiet)
            options.Error.WriteLine($"pipeline: resume: {index.Count} records can be kept" +
                (index.TruncatedBytes > 0 ? $"; dropped a partial last line ({index.TruncatedBytes} bytes)" : "") +
                (index.Malformed > 0 ? $"; {index.Malformed} malformed lines will be dropped" : ""));
        return index;
    }

    /// <summary>Producer (reads inputs) → workers (segment and analyse) → the ordered writer, with at most <c>4 × jobs</c> documents in flight.</summary>
    private static async Task RunPipelineAsync(RunOptions options, DocumentWork work, OrderedWriter writer, PassedOverFiles passedOver, int jobs, CancellationToken ct)
    {
        var slots = new SemaphoreSlim(jobs * 4);
        var queue = Channel.CreateBounded<(long Seq, ReadResult Read)>(new BoundedChannelOptions(jobs * 2) { SingleWriter = true });
        var done = Channel.CreateUnbounded<DocumentOutcome>(new UnboundedChannelOptions { SingleReader = true });

        var producer = Task.Run(async () =>
        {
            try
            {
                long seq = 0;
                foreach (var read in ReadInputs(options.Inputs, work.Limits, Path.GetFullPath(options.OutputDirectory), passedOver))
                {
                    await slots.WaitAsync(ct);
                    await queue.Writer.WriteAsync((seq++, read), ct);
                }
            }
            finally
            {
                queue.Writer.Complete();
            }
        }, ct);

        var workers = Enumerable.Range(0, jobs).Select(_ => Task.Run(async () =>
        {
            await foreach (var (seq, read) in queue.Reader.ReadAllAsync(ct))
                await done.Writer.WriteAsync(await work.ProcessAsync(seq, read), ct);
        }, ct)).ToArray();
        var finished = Task.WhenAll(workers).ContinueWith(_ => done.Writer.Complete(), TaskScheduler.Default);

        await foreach (var outcome in done.Reader.ReadAllAsync(CancellationToken.None))
        {
            int written = writer.Add(outcome);
            if (written > 0) slots.Release(written);
        }
        await finished;
        await Task.WhenAll(workers.Append(producer));
    }

    /// <summary>
    /// Every article of every input, in order; an input that cannot be read yields one failure.
    /// Files inside the output folder are not inputs (`run . --out out` must not read its own records).
    /// </summary>
    private static IEnumerable<ReadResult> ReadInputs(IReadOnlyList<string> inputs, RunLimits limits, string outputDirectory, PassedOverFiles passedOver)
    {
        var readLimits = new ReadLimits { MaxCharacters = limits.MaxCharacters };
        var outputPrefix = Path.TrimEndingDirectorySeparator(outputDirectory) + Path.DirectorySeparatorChar;
        foreach (var input in InputResolver.Resolve(inputs))
        {
            if (Path.GetFullPath(input.Path).StartsWith(outputPrefix, StringComparison.Ordinal)) continue;
            if (input.OtherType)
            {
                passedOver.Add(input.Path);
                continue;
            }
            if (input.Error is not null)
            {
                yield return new ReadFailure(input.Path, input.Error);
                continue;
            }
            using var articles = ArticleReader.Default.Read(input.Path, readLimits).GetEnumerator();
            while (true)
            {
                ReadResult? next;
                bool failed = false;
                try
                {
                    next = articles.MoveNext() ? articles.Current : null;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A reader fault stops this input only.
                    next = new ReadFailure(input.Path, $"could not be read: {ex.Message}");
                    failed = true;
                }
                if (next is null) break;
                yield return next;
                if (failed) break;
            }
        }
    }

    private static string Summary(RunResult r, string outputDirectory)
    {
        var c = CultureInfo.InvariantCulture;
        var statuses = string.Join(", ", Enum.GetValues<DocumentStatus>().Select(s => $"{r.Statuses.GetValueOrDefault(s)} {AnnotationJson.Name(s)}"));
        var reused = r.Reused > 0 ? $", {r.Reused} kept from the previous run" : "";
        var speed = r.Elapsed.TotalSeconds > 0 ? r.Characters / 1e6 / r.Elapsed.TotalSeconds : 0;
        var counts = $"{r.Documents} document{(r.Documents == 1 ? "" : "s")} ({statuses}{reused}); {r.Errors} errors, {r.Warnings} warnings, {r.Suggestions} suggestions";
        var amount = r.Characters < 1_000_000 ? string.Create(c, $"{r.Characters:N0}") : string.Create(c, $"{r.Characters / 1e6:0.0} M");
        var size = string.Create(c, $"{amount} characters in {r.Elapsed.TotalSeconds:0.00} s ({speed:0.0} M/s)");
        return $"pipeline: {counts}; {size}; output in {outputDirectory}{(r.Cancelled ? "; interrupted" : "")}";
    }
}
