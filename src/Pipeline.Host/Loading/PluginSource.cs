using System.Collections.Immutable;

namespace Pipeline.Host.Loading;

/// <summary>
/// A plugin found on disk: a subfolder of a plugins folder (loaded into one context) or a loose
/// DLL in a plugins folder (its own plugin).
/// </summary>
/// <param name="Name">The folder's name, or the loose DLL's file name without extension.</param>
/// <param name="Location">The plugin's folder, or the loose DLL's path.</param>
/// <param name="Assemblies">Assemblies to search for analyzers; the first is the main one.</param>
public sealed record PluginSource(string Name, string Location, ImmutableArray<string> Assemblies)
{
    /// <summary>The folder the plugin's files (and its own models) are in.</summary>
    public string Directory => IsLoose ? Path.GetDirectoryName(Location)! : Location;

    public bool IsLoose => File.Exists(Location);
}
