namespace Pipeline.Cli;

/// <summary>The `pipeline` command.</summary>
public static class CliApp
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("pipeline: no commands yet");
        return 2;
    }
}
