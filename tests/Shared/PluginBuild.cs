using System.Diagnostics;

namespace Pipeline.Tests;

/// <summary>Builds a plugin project under tests/Fixtures in Release, as a plugin author would, and drops it into plugins folders.</summary>
public class PluginBuild
{
    public PluginBuild(string name)
    {
        Name = name;
        var project = Path.Combine(TestPaths.RepoRoot, "tests", "Fixtures", name, name + ".csproj");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { "build", project, "-c", "Release", "-nodeReuse:false", "--disable-build-servers", "-v", "quiet" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test host's MSBuild settings must not leak into a separate build.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) process.Kill(entireProcessTree: true);
        if (process.ExitCode != 0) throw new InvalidOperationException($"building the {name} plugin failed:\n{output.Result}\n{error.Result}");
        Output = Path.Combine(Path.GetDirectoryName(project)!, "bin", "Release", "net10.0");
    }

    public string Name { get; }

    /// <summary>The folder holding the plugin's DLL and its private dependencies.</summary>
    public string Output { get; }

    /// <summary>Copies the plugin into <paramref name="plugins"/>/Name/, as a user would drop it; returns <paramref name="plugins"/>.</summary>
    public string DropInto(string plugins)
    {
        var target = Directory.CreateDirectory(Path.Combine(plugins, Name)).FullName;
        foreach (var file in Directory.GetFiles(Output)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        return plugins;
    }
}
