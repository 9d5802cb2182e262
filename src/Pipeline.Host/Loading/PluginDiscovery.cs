using System.Collections.Immutable;

namespace Pipeline.Host.Loading;

/// <summary>Finds plugin folders and the plugins in them.</summary>
public static class PluginDiscovery
{
    public const string FolderName = "plugins";

    /// <summary>
    /// The plugins folders of a run, in search order: each <c>--plugins</c> folder, then ./plugins,
    /// then the installation's (<paramref name="homeDirectory"/>, see <see cref="InstallFolders"/>);
    /// the same folder is listed once.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">A folder given explicitly does not exist.</exception>
    public static ImmutableArray<string> Folders(IEnumerable<string> explicitFolders, string workingDirectory, string homeDirectory)
    {
        var result = new List<string>();
        void Add(string folder)
        {
            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder, workingDirectory));
            if (!result.Contains(full, PathComparer)) result.Add(full);
        }
        foreach (var folder in explicitFolders)
        {
            if (!Directory.Exists(Path.GetFullPath(folder, workingDirectory)))
                throw new DirectoryNotFoundException($"{folder}: plugins folder not found");
            Add(folder);
        }
        foreach (var folder in new[] { Path.Combine(workingDirectory, FolderName), Path.Combine(homeDirectory, FolderName) })
            if (Directory.Exists(folder)) Add(folder);
        return [.. result];
    }

    /// <summary>
    /// The plugins in the folders: each subfolder is one plugin (its DLL named like the folder,
    /// else every DLL in it with a .deps.json or referencing Pipeline.Sdk); each loose DLL is its own.
    /// A subfolder holding DLLs but none of those gives a plugin with no assemblies.
    /// </summary>
    public static ImmutableArray<PluginSource> Discover(IEnumerable<string> folders)
    {
        var plugins = ImmutableArray.CreateBuilder<PluginSource>();
        foreach (var folder in folders)
        {
            foreach (var sub in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
            {
                var dlls = Directory.EnumerateFiles(sub, "*.dll").Order(StringComparer.Ordinal).ToList();
                if (dlls.Count == 0) continue;
                var name = Path.GetFileName(sub);
                var named = dlls.FirstOrDefault(d => Path.GetFileNameWithoutExtension(d).Equals(name, StringComparison.OrdinalIgnoreCase));
                var assemblies = named is not null ? [named] : dlls.Where(IsPluginAssembly).ToImmutableArray();
                plugins.Add(new PluginSource(name, sub, assemblies));
            }
            foreach (var dll in Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal))
                plugins.Add(new PluginSource(Path.GetFileNameWithoutExtension(dll), dll, [dll]));
        }
        return plugins.ToImmutable();
    }

    private static bool IsPluginAssembly(string dll) =>
        File.Exists(Path.ChangeExtension(dll, ".deps.json")) || AssemblyInspector.Inspect(dll).SdkReference is not null;

    private static StringComparer PathComparer => OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
}
