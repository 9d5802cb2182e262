using System.Reflection;

namespace Pipeline.Host.Loading;

/// <summary>
/// Creates the load context of a plugin. One context per plugin: assemblies of one plugin see
/// each other and their private dependencies; only the host-provided assemblies
/// (<see cref="SharedAssemblies"/>) are shared with the host and the other plugins.
/// </summary>
public interface IPluginLoader
{
    IPluginLoadContext CreateContext(PluginSource plugin);
}

/// <summary>A plugin's load context.</summary>
public interface IPluginLoadContext
{
    /// <summary>Loads one of the plugin's assemblies into the context.</summary>
    Assembly LoadAssembly(string path);
}
