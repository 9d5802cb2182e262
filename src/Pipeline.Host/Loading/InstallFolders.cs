namespace Pipeline.Host.Loading;

/// <summary>
/// The installation's home: the folder holding its <c>plugins/</c> and <c>models/</c>. A published
/// tool keeps them next to the executable; a build from a checkout runs from
/// <c>src/.../bin/...</c> and its folders are the checkout's, some levels up. Either way a run
/// started from any working folder finds them.
/// </summary>
public static class InstallFolders
{
    /// <summary>Names the home folder outright (no search).</summary>
    public const string HomeVariable = "PIPELINE_HOME";

    /// <summary>
    /// <paramref name="configured"/> (the <see cref="HomeVariable"/>'s value) when given; else the
    /// executable's folder or its nearest ancestor holding a <c>plugins/</c> folder; else the
    /// executable's folder.
    /// </summary>
    public static string Home(string executableDirectory, string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        var start = Path.GetFullPath(executableDirectory);
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, PluginDiscovery.FolderName))) return dir.FullName;
        return start;
    }

    /// <summary>The home of this process: <see cref="HomeVariable"/>, else found from the application's folder.</summary>
    public static string Current => Home(AppContext.BaseDirectory, Environment.GetEnvironmentVariable(HomeVariable));
}
