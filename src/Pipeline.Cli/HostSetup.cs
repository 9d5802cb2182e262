using System.CommandLine;
using Pipeline.Host.Configuration;
using Pipeline.Host.Loading;

namespace Pipeline.Cli;

/// <summary>What the commands share: the installed analyzers and the configuration.</summary>
internal sealed record HostEnvironment(IReadOnlyList<string> PluginFolders, AnalyzerCatalog Catalog, EffectiveConfig Config);

/// <summary>The --plugins and --config options, and loading what they name.</summary>
internal sealed class HostSetup
{
    public Option<string[]> Plugins { get; } = new("--plugins")
    {
        Description = "A plugins folder to load analyzers from (repeatable); ./plugins and the installation's plugins/ ($PIPELINE_HOME/plugins, else next to the executable or in the nearest folder above it) are always searched",
        HelpName = "DIR",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string?> Config { get; } = new("--config")
    {
        Description = "The configuration file (default: pipeline.json in the working directory, if any)",
        HelpName = "FILE",
    };

    public void AddTo(Command command)
    {
        command.Add(Plugins);
        command.Add(Config);
    }

    /// <summary>Loads plugins and configuration; null after printing the errors when that fails.</summary>
    public HostEnvironment? Load(ParseResult parse)
    {
        var error = parse.InvocationConfiguration.Error;
        var cwd = Directory.GetCurrentDirectory();
        IReadOnlyList<string> folders;
        try
        {
            folders = PluginDiscovery.Folders(parse.GetValue(Plugins) ?? [], cwd, InstallFolders.Current);
        }
        catch (DirectoryNotFoundException ex)
        {
            error.WriteLine($"pipeline: error: {ex.Message}");
            return null;
        }
        PipelineConfig config;
        try
        {
            config = ConfigReader.Load(parse.GetValue(Config), cwd);
        }
        catch (ConfigException ex)
        {
            foreach (var message in ex.Errors) error.WriteLine($"{message}");
            return null;
        }
        var catalog = AnalyzerCatalog.Load(PluginDiscovery.Discover(folders), new McMasterPluginLoader());
        var ids = catalog.Analyzers.Select(a => a.Id).ToHashSet();
        foreach (var setting in config.Analyzers.Concat(config.Overrides.SelectMany(o => o.Analyzers)).Where(a => !ids.Contains(a.Id)))
            error.WriteLine($"{config.DisplayName}: {setting.JsonPath}: warning: no installed analyzer has the id '{setting.Id}' (installed: {(ids.Count == 0 ? "none" : string.Join(", ", ids.Order()))})");
        return new HostEnvironment(folders, catalog, new EffectiveConfig(config, catalog));
    }

    /// <summary>A path as short as it can be shown: relative to the working directory when inside it.</summary>
    public static string Display(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
