using System.CommandLine;
using Pipeline.Host.Loading;
using Pipeline.Host.Reports;
using Pipeline.Host.Running;
using Pipeline.Host.Scheduling;
using Pipeline.Host.Services;

namespace Pipeline.Cli.Commands;

/// <summary>`pipeline run`: analyse articles into annotations.jsonl, findings.sarif and console findings.</summary>
internal sealed class RunCommand : ICliCommand
{
    public Command Create()
    {
        var host = new HostSetup();
        var paths = new Argument<string[]>("paths") { Description = "Folders (recursively), files, globs, or @list files of articles", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Output folder", HelpName = "DIR", Required = true };
        var jobs = new Option<int>("--jobs") { Description = "Documents analysed in parallel", HelpName = "N", DefaultValueFactory = _ => Environment.ProcessorCount };
        var resume = new Option<bool>("--resume") { Description = "Keep the records of an interrupted run made with the same pipeline; analyse the rest" };
        var report = new Option<bool>("--report-analyzers") { Description = "Print the time each analyzer took" };
        var claims = new Option<string?>("--claims") { Description = "A file of claims (one per line) to judge every article against", HelpName = "FILE" };
        var maxChars = new Option<int?>("--max-chars") { Description = "Reject longer articles (overrides limits.maxCharacters)", HelpName = "N" };
        var timeout = new Option<double?>("--timeout") { Description = "Abandon an analyzer's call on a document after this many seconds; 0: never (overrides limits.analyzerTimeoutSeconds)", HelpName = "SECONDS" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only errors and the summary" };
        var html = new Option<string?>("--report") { Description = "After the run, write the HTML report into DIR/report/", HelpName = "html" };
        html.AcceptOnlyFromAmong("html");
        var reports = new ReportSetup();
        jobs.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--jobs must be at least 1"); });
        maxChars.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--max-chars must be at least 1"); });
        timeout.Validators.Add(r => { if (r.GetValueOrDefault<double?>() is < 0) r.AddError("--timeout must be 0 or more"); });

        var command = new Command("run", "Analyse articles: annotations.jsonl, findings.sarif and compiler-style findings on the console")
        {
            paths, output, jobs, resume, report, claims, maxChars, timeout, quiet, html, reports.Export,
        };
        host.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var environment = host.Load(parse);
            if (environment is null) return ExitCodes.Usage;
            // A run with nothing to run would write records without a layer: say so, once.
            if (!environment.Catalog.Analyzers.Any())
                error.WriteLine(environment.PluginFolders.Count == 0
                    ? $"pipeline: warning: no analyzers: no plugins folder found (searched ./{PluginDiscovery.FolderName} and {Path.Combine(InstallFolders.Current, PluginDiscovery.FolderName)}); give one with --plugins DIR"
                    : $"pipeline: warning: no analyzers in {string.Join(", ", environment.PluginFolders.Select(HostSetup.Display))} (see `pipeline plugins`)");

            var claimList = parse.GetValue(claims) is { } claimsFile ? ReadClaims(claimsFile, error) : [];
            if (claimList is null) return ExitCodes.Usage;

            var config = environment.Config.Config;
            var models = ModelCatalog.Standard(config.ModelsDirectory, Directory.GetCurrentDirectory(), InstallFolders.Current);
            using var services = HostServices.CreateRegistry();
            var runner = new PipelineRunner(environment.Catalog, environment.Config, models, services);
            var options = new RunOptions
            {
                Inputs = parse.GetValue(paths)!,
                OutputDirectory = parse.GetValue(output)!,
                Jobs = parse.GetValue(jobs),
                Resume = parse.GetValue(resume),
                ReportAnalyzers = parse.GetValue(report),
                Quiet = parse.GetValue(quiet),
                Progress = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected,
                Claims = [.. claimList],
                MaxCharacters = parse.GetValue(maxChars),
                TimeoutSeconds = parse.GetValue(timeout),
                Out = parse.InvocationConfiguration.Output,
                Error = error,
            };
            try
            {
                var result = await runner.RunAsync(options, cancellationToken);
                var formats = reports.Formats(parse);
                if (result.Cancelled || (parse.GetValue(html) is null && formats.Count == 0)) return result.ExitCode;
                var outDir = parse.GetValue(output)!;
                int written = ReportSetup.Write(RunReports.AnnotationsPath(outDir), outDir, parse.GetValue(html) is not null, formats, options.Out, error);
                return written != ExitCodes.Ok ? written : result.ExitCode;
            }
            catch (StartupException ex)
            {
                foreach (var line in ex.Message.Split(Environment.NewLine)) error.WriteLine($"pipeline: error: {line}");
                return ExitCodes.Usage;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"pipeline: error: {parse.GetValue(output)}: {ex.Message}");
                return ExitCodes.Usage;
            }
        });
        return command;
    }

    private static string[]? ReadClaims(string file, TextWriter error)
    {
        try
        {
            return File.ReadLines(file).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"pipeline: error: {file}: {(ex is FileNotFoundException ? "file not found" : ex.Message)}");
            return null;
        }
    }
}
