using Pipeline.Cli;

namespace Pipeline.Learning.Tests.Cli;

/// <summary>The `pipeline` command run in-process, with what it printed.</summary>
public sealed record CliRun(int Code, string Stdout, string Stderr)
{
    public static CliRun Of(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The lines of the error stream that are errors (progress lines aside).</summary>
    public string[] Errors => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("pipeline: error:", StringComparison.Ordinal)).ToArray();
}
