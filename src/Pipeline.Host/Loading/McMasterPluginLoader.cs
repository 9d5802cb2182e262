using System.Reflection;
using System.Runtime.Loader;
using McMaster.NETCore.Plugins.Loader;

namespace Pipeline.Host.Loading;

/// <summary>
/// <see cref="IPluginLoader"/> on McMaster.NETCore.Plugins: a load context that resolves a
/// plugin's dependencies from its folder and .deps.json (native libraries included) and takes
/// the shared assemblies from the host.
/// </summary>
/// <remarks>
/// McMaster shares the listed assemblies and, transitively, what they reference (ML.NET would
/// bring Newtonsoft.Json along). So every assembly the plugin ships itself and that is not in
/// the list is marked private: a plugin always runs with its own copy of any other library.
/// </remarks>
public sealed class McMasterPluginLoader : IPluginLoader
{
    public IPluginLoadContext CreateContext(PluginSource plugin)
    {
        var builder = new AssemblyLoadContextBuilder()
            .SetMainAssemblyPath(Path.GetFullPath(plugin.Assemblies[0]))
            .IsLazyLoaded(true);
        foreach (var name in SharedAssemblies.Names)
            builder.PreferDefaultLoadContextAssembly(new AssemblyName(name));
        foreach (var name in ShippedAssemblies(plugin).Where(n => !SharedAssemblies.IsShared(n)))
            builder.PreferLoadContextAssembly(new AssemblyName(name));
        return new Context(builder.Build());
    }

    /// <summary>Names of the DLLs in the plugin's folder (with subfolders such as runtimes/, unless the plugin is a loose DLL).</summary>
    private static IEnumerable<string> ShippedAssemblies(PluginSource plugin) =>
        Directory.EnumerateFiles(plugin.Directory, "*.dll", plugin.IsLoose ? SearchOption.TopDirectoryOnly : SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase);

    private sealed class Context(AssemblyLoadContext context) : IPluginLoadContext
    {
        public Assembly LoadAssembly(string path) => context.LoadFromAssemblyPath(Path.GetFullPath(path));
    }
}
