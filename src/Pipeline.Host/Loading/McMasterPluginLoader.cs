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
/// References are shared lazily: only the listed assemblies come from the host up front; an
/// assembly referenced by a shared one is shared once the plugin has loaded that shared assembly.
/// </remarks>
public sealed class McMasterPluginLoader : IPluginLoader
{
    public IPluginLoadContext CreateContext(PluginSource plugin)
    {
        // IsLazyLoaded must come first: otherwise PreferDefaultLoadContextAssembly walks every
        // reference of a shared assembly at once and shares all of them (Newtonsoft.Json with ML.NET...).
        var builder = new AssemblyLoadContextBuilder()
            .SetMainAssemblyPath(plugin.Assemblies[0])
            .IsLazyLoaded(true);
        foreach (var name in SharedAssemblies.Names)
            builder.PreferDefaultLoadContextAssembly(new AssemblyName(name));
        return new Context(builder.Build());
    }

    private sealed class Context(AssemblyLoadContext context) : IPluginLoadContext
    {
        public Assembly LoadAssembly(string path) => context.LoadFromAssemblyPath(Path.GetFullPath(path));
    }
}
