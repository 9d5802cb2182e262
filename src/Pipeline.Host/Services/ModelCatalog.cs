using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography;
using Pipeline.Sdk;

namespace Pipeline.Host.Services;

/// <summary>A model an analyzer resolved during the run, with the hash that joins the run's fingerprint.</summary>
/// <param name="Sha256">SHA-256 of the folder's manifest.json (of every file, by name, when it has none; of the file itself for a file).</param>
public sealed record ResolvedModel(string Name, string Path, string Sha256);

/// <summary>
/// The run's model folders: pipeline.json "modelsDirectory", ./models, the installation's models/
/// (<see cref="Loading.InstallFolders"/>), then each plugin's own folder.
/// Records every model resolved.
/// </summary>
public sealed class ModelCatalog
{
    public const string FolderName = "models";

    private readonly ImmutableArray<string> _roots;
    private readonly ConcurrentDictionary<string, ResolvedModel> _resolved = new(StringComparer.Ordinal);

    public ModelCatalog(IEnumerable<string> roots) =>
        _roots = roots.Select(r => Path.TrimEndingDirectorySeparator(Path.GetFullPath(r))).Distinct().ToImmutableArray();

    /// <summary>The standard roots: the configured folder (if any), ./models, the installation's models/.</summary>
    public static ModelCatalog Standard(string? modelsDirectory, string workingDirectory, string homeDirectory) =>
        new(new[] { modelsDirectory, Path.Combine(workingDirectory, FolderName), Path.Combine(homeDirectory, FolderName) }.OfType<string>());

    /// <summary>Models resolved so far, by path.</summary>
    public ImmutableArray<ResolvedModel> Resolved => _resolved.Values.OrderBy(m => m.Path, StringComparer.Ordinal).ToImmutableArray();

    /// <summary>The store an analyzer of the plugin in <paramref name="pluginDirectory"/> sees.</summary>
    public IModelStore ForPlugin(string? pluginDirectory) => new Store(this, pluginDirectory);

    private string Resolve(string nameOrPath, string? pluginDirectory)
    {
        var searched = new List<string>();
        if (Path.IsPathRooted(nameOrPath) || nameOrPath.Contains('/') || nameOrPath.Contains(Path.DirectorySeparatorChar))
        {
            var full = Path.GetFullPath(nameOrPath);
            if (Exists(full)) return Record(nameOrPath, full);
            searched.Add(full);
            // An absolute path means that folder only.
            if (Path.IsPathRooted(nameOrPath)) throw new ModelNotFoundException(nameOrPath, searched);
        }
        foreach (var root in pluginDirectory is null ? _roots : _roots.Append(pluginDirectory))
        {
            var candidate = Path.Combine(root, nameOrPath);
            if (Exists(candidate)) return Record(nameOrPath, candidate);
            searched.Add(candidate);
        }
        throw new ModelNotFoundException(nameOrPath, searched);
    }

    private static bool Exists(string path) => Directory.Exists(path) || File.Exists(path);

    private string Record(string name, string path)
    {
        var full = Path.GetFullPath(path);
        _resolved.GetOrAdd(full, p => new ResolvedModel(name, p, Hash(p)));
        return full;
    }

    private static string Hash(string path)
    {
        if (File.Exists(path)) return HashFile(path);
        var manifest = Path.Combine(path, "manifest.json");
        if (File.Exists(manifest)) return HashFile(manifest);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(path, file) + "\n"));
            sha.AppendData(Convert.FromHexString(HashFile(file)));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static string HashFile(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private sealed class Store(ModelCatalog owner, string? pluginDirectory) : IModelStore
    {
        public string Resolve(string nameOrPath) => owner.Resolve(nameOrPath, pluginDirectory);
    }
}
