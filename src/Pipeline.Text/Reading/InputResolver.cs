using Microsoft.Extensions.FileSystemGlobbing;

namespace Pipeline.Text.Reading;

/// <summary>
/// A file to read, or an input argument that names nothing readable. <see cref="OtherType"/>
/// marks a file met while walking a folder whose extension is not an article type
/// (<see cref="ArticleReader.IsArticleFile"/>): the run passes over it, as it would be
/// mistaken for an article (an index table, a spreadsheet export); naming it or matching it
/// with a glob reads it.
/// </summary>
public readonly record struct ResolvedInput(string Path, string? Error, bool OtherType = false);

/// <summary>
/// Expands the paths given on the command line into files, lazily and in a deterministic order:
/// folders recursively (in ordinal order of their paths, hidden files and folders skipped), glob
/// patterns (<c>news/**/*.txt</c>), single files, and list files (<c>@list.txt</c>: one input per
/// line, relative to the list file; blank lines and lines starting with # are ignored).
/// An input that matches nothing, or a folder with no article file, is returned with an error; a
/// folder's files that are not of an article type are returned marked <see cref="ResolvedInput.OtherType"/>.
/// </summary>
public static class InputResolver
{
    public static IEnumerable<ResolvedInput> Resolve(IReadOnlyList<string> inputs) =>
        inputs.SelectMany(input => ResolveOne(input, []));

    private static IEnumerable<ResolvedInput> ResolveOne(string input, HashSet<string> openLists)
    {
        if (input.StartsWith('@') && input.Length > 1) return ResolveList(input[1..], openLists);
        if (Directory.Exists(input)) return FolderInputs(input);
        if (File.Exists(input)) return [new ResolvedInput(input, null)];
        if (input.AsSpan().IndexOfAny('*', '?', '[') >= 0) return ResolveGlob(input);
        return [new ResolvedInput(input, "no such file or directory")];
    }

    private static IEnumerable<ResolvedInput> ResolveList(string listPath, HashSet<string> openLists)
    {
        var full = Path.GetFullPath(listPath);
        if (!File.Exists(full)) { yield return new ResolvedInput("@" + listPath, "list file not found"); yield break; }
        if (!openLists.Add(full)) { yield return new ResolvedInput("@" + listPath, "list file includes itself"); yield break; }
        string baseDir = Path.GetDirectoryName(full)!;
        foreach (var raw in File.ReadLines(full))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var entry = line[0] == '@'
                ? "@" + Path.Combine(baseDir, line[1..])
                : Path.IsPathRooted(line) ? line : Path.Combine(baseDir, line);
            foreach (var resolved in ResolveOne(entry, openLists)) yield return resolved;
        }
        openLists.Remove(full);
    }

    /// <summary>
    /// A folder's files; a folder that holds no article file is an input that names nothing
    /// readable (a mistyped folder, the wrong one), as a glob that matches nothing is.
    /// </summary>
    private static IEnumerable<ResolvedInput> FolderInputs(string folder)
    {
        bool any = false;
        foreach (var file in WalkFolder(folder))
        {
            any |= !file.OtherType;
            yield return file;
        }
        if (!any) yield return new ResolvedInput(folder, "no article files in the folder (.txt, .md, .html, .json, .jsonl or no extension)");
    }

    /// <summary>
    /// Files under a folder in the ordinal order of their full paths, one folder listed at a time:
    /// a folder sorts as its name plus a separator, so its files come where their paths sort.
    /// </summary>
    private static IEnumerable<ResolvedInput> WalkFolder(string folder)
    {
        var entries = new List<(string Key, string Path, bool IsFolder)>();
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            if (IsHidden(entry)) continue;
            bool isFolder = entry is DirectoryInfo;
            entries.Add((isFolder ? entry.Name + "/" : entry.Name, Path.Combine(folder, entry.Name), isFolder));
        }
        entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var (_, path, isFolder) in entries)
        {
            if (!isFolder) yield return new ResolvedInput(path, null, OtherType: !ArticleReader.IsArticleFile(path));
            else foreach (var file in WalkFolder(path)) yield return file;
        }
    }

    private static bool IsHidden(FileSystemInfo entry) =>
        entry.Name.StartsWith('.') || (entry.Attributes & FileAttributes.Hidden) != 0;

    /// <summary>A glob: the folder part before the first wildcard is the root the pattern is matched under.</summary>
    private static IEnumerable<ResolvedInput> ResolveGlob(string pattern)
    {
        var parts = pattern.Replace('\\', '/').Split('/');
        int firstWild = Array.FindIndex(parts, p => p.AsSpan().IndexOfAny('*', '?', '[') >= 0);
        string root = firstWild == 0 ? "." : string.Join('/', parts[..firstWild]);
        if (root.Length == 0) root = "/";
        string relative = string.Join('/', parts[firstWild..]);
        if (!Directory.Exists(root)) return [new ResolvedInput(pattern, "no such directory: " + root)];
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(relative);
        var files = matcher.GetResultsInFullPath(root)
            .Select(full => Path.Combine(root, Path.GetRelativePath(root, full)))
            .Where(path => !Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar).Any(segment => segment.StartsWith('.')))
            .Order(StringComparer.Ordinal)
            .Select(path => new ResolvedInput(path, null))
            .ToList();
        return files.Count > 0 ? files : [new ResolvedInput(pattern, "no files match")];
    }
}
