using System.Runtime.Loader;
using Pipeline.Host.Loading;
using Pipeline.Host.Services;
using Pipeline.Sdk;

namespace Pipeline.Host.Tests;

public sealed class LoadingTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private AnalyzerCatalog Load() =>
        AnalyzerCatalog.Load(PluginDiscovery.Discover([_temp.Combine("plugins")]), new McMasterPluginLoader());

    private string PluginPath(params string[] parts) => _temp.Combine(["plugins", .. parts]);

    private void EmitGood() => PluginEmitter.Emit(PluginPath("Good", "Good.dll"), "Good", new EmittedAnalyzer("Good.Analyzer", "good"));

    [Fact]
    public void Loads_a_plugin_folder_into_its_own_context_sharing_the_sdk()
    {
        EmitGood();
        var catalog = Load();

        var analyzer = Assert.Single(catalog.Analyzers);
        Assert.Equal("good", analyzer.Id);
        Assert.Empty(catalog.Problems);
        var context = AssemblyLoadContext.GetLoadContext(analyzer.Analyzer.GetType().Assembly)!;
        Assert.NotSame(AssemblyLoadContext.Default, context);
        // The SDK is the host's: the plugin's analyzer is the host's TextAnalyzer type.
        Assert.Same(typeof(TextAnalyzer).Assembly, analyzer.Analyzer.GetType().BaseType!.Assembly);
        Assert.Equal(PluginPath("Good"), analyzer.Plugin.Location);
        Assert.Equal("1.0.0.0", analyzer.Plugin.Version);
    }

    [Fact]
    public void A_loose_dll_is_its_own_plugin_with_its_own_context()
    {
        EmitGood();
        PluginEmitter.Emit(PluginPath("Loose.dll"), "Loose", new EmittedAnalyzer("Loose.Analyzer", "loose"));
        var catalog = Load();

        Assert.Equal(["good", "loose"], catalog.Analyzers.Select(a => a.Id));
        var contexts = catalog.Analyzers.Select(a => AssemblyLoadContext.GetLoadContext(a.Analyzer.GetType().Assembly)).ToList();
        Assert.NotSame(contexts[0], contexts[1]);
        Assert.Equal(PluginPath("Loose.dll"), catalog.Analyzers[1].Plugin.Location);
    }

    [Fact]
    public void A_folder_without_a_dll_named_after_it_loads_the_dlls_that_reference_the_sdk()
    {
        PluginEmitter.Emit(PluginPath("Bundle", "First.dll"), "First", new EmittedAnalyzer("First.Analyzer", "first"));
        PluginEmitter.Emit(PluginPath("Bundle", "Second.dll"), "Second", new EmittedAnalyzer("Second.Analyzer", "second"));
        var catalog = Load();

        Assert.Equal(["first", "second"], catalog.Analyzers.Select(a => a.Id));
        // One load context per plugin folder.
        Assert.Same(AssemblyLoadContext.GetLoadContext(catalog.Analyzers[0].Analyzer.GetType().Assembly),
            AssemblyLoadContext.GetLoadContext(catalog.Analyzers[1].Analyzer.GetType().Assembly));
    }

    [Fact]
    public void PL1001_a_dll_that_is_not_an_assembly_is_reported_and_the_others_load()
    {
        EmitGood();
        _temp.Write("plugins/Broken.dll", "this is not a portable executable");
        var catalog = Load();

        Assert.Equal(["good"], catalog.Analyzers.Select(a => a.Id));
        var problem = Assert.Single(catalog.Problems);
        Assert.Equal("PL1001", problem.RuleId);
        Assert.Equal(PluginPath("Broken.dll"), problem.Location!.Path);
        Assert.StartsWith("not a .NET assembly", problem.Message);
        Assert.Equal(Severity.Error, problem.Severity);
    }

    [Fact]
    public void PL1002_a_missing_dependency_is_named_and_the_others_load()
    {
        EmitGood();
        PluginEmitter.EmitWithMissingBase(PluginPath("Needy.dll"), "Needy", "needy");
        var catalog = Load();

        Assert.Equal(["good"], catalog.Analyzers.Select(a => a.Id));
        var problem = Assert.Single(catalog.Problems);
        Assert.Equal("PL1002", problem.RuleId);
        Assert.Contains("MissingBase", problem.Message);
        Assert.Equal(PluginPath("Needy.dll"), problem.Location!.Path);
    }

    [Fact]
    public void PL1003_an_assembly_without_analyzers_is_reported()
    {
        EmitGood();
        PluginEmitter.Emit(PluginPath("Empty", "Empty.dll"), "Empty", new EmittedAnalyzer("Empty.NotAnAnalyzer", null));
        var catalog = Load();

        Assert.Equal(["good"], catalog.Analyzers.Select(a => a.Id));
        var problem = Assert.Single(catalog.Problems);
        Assert.Equal("PL1003", problem.RuleId);
        Assert.Equal(PluginPath("Empty"), problem.Location!.Path);
    }

    [Fact]
    public void PL1004_a_plugin_built_against_another_sdk_major_version_is_not_loaded()
    {
        EmitGood();
        var old = PluginEmitter.Emit(PluginPath("Future", "Future.dll"), "Future", new EmittedAnalyzer("Future.Analyzer", "future"));
        PluginEmitter.PatchSdkMajorVersion(old, 2);
        var catalog = Load();

        Assert.Equal(["good"], catalog.Analyzers.Select(a => a.Id));
        var problem = Assert.Single(catalog.Problems);
        Assert.Equal("PL1004", problem.RuleId);
        Assert.Contains("Pipeline.Sdk 2.0.0.0", problem.Message);
        Assert.Equal(old, problem.Location!.Path);
    }

    [Fact]
    public void PL1005_a_duplicate_analyzer_id_keeps_the_first()
    {
        EmitGood();
        PluginEmitter.Emit(PluginPath("Twin.dll"), "Twin", new EmittedAnalyzer("Twin.Analyzer", "good"));
        var catalog = Load();

        var analyzer = Assert.Single(catalog.Analyzers);
        Assert.Equal(PluginPath("Good"), analyzer.Plugin.Location);
        var problem = Assert.Single(catalog.Problems);
        Assert.Equal("PL1005", problem.RuleId);
        Assert.Contains("'good'", problem.Message);
        Assert.Equal(PluginPath("Twin.dll"), problem.Location!.Path);
    }

    [Fact]
    public void PL1006_an_analyzer_whose_constructor_throws_is_reported_and_its_neighbours_load()
    {
        PluginEmitter.Emit(PluginPath("Mixed", "Mixed.dll"), "Mixed",
            new EmittedAnalyzer("Mixed.Fine", "fine"), new EmittedAnalyzer("Mixed.Faulty", "faulty", ConstructorThrows: true));
        var catalog = Load();

        Assert.Equal(["fine"], catalog.Analyzers.Select(a => a.Id));
        var problem = Assert.Single(catalog.Problems);
        Assert.Equal("PL1006", problem.RuleId);
        Assert.Contains("Mixed.Faulty", problem.Message);
        Assert.Contains("the constructor failed on purpose", problem.Message);
    }

    [Fact]
    public void Plugin_folders_are_searched_in_order_once_each()
    {
        var cwd = _temp.Combine("work");
        var exe = _temp.Combine("bin");
        Directory.CreateDirectory(Path.Combine(cwd, "plugins"));
        Directory.CreateDirectory(Path.Combine(exe, "plugins"));
        Directory.CreateDirectory(_temp.Combine("extra"));

        var folders = PluginDiscovery.Folders([_temp.Combine("extra"), Path.Combine(cwd, "plugins")], cwd, exe);

        Assert.Equal([_temp.Combine("extra"), Path.Combine(cwd, "plugins"), Path.Combine(exe, "plugins")], folders.ToArray());
        Assert.Throws<DirectoryNotFoundException>(() => PluginDiscovery.Folders([_temp.Combine("missing")], cwd, exe));
    }

    [Fact]
    public void A_build_inside_a_checkout_finds_the_checkouts_plugins_and_models_from_any_working_folder()
    {
        var checkout = _temp.Combine("checkout");
        var exe = Path.Combine(checkout, "src", "Pipeline.Cli", "bin", "Release", "net10.0");
        Directory.CreateDirectory(exe);
        Directory.CreateDirectory(Path.Combine(checkout, "plugins"));
        var model = Path.Combine(checkout, "models", "some-model");
        Directory.CreateDirectory(model);
        File.WriteAllText(Path.Combine(model, "weights.txt"), "1");
        var elsewhere = _temp.Combine("articles");
        Directory.CreateDirectory(elsewhere);

        var home = InstallFolders.Home(exe, configured: null);

        Assert.Equal(checkout, home);
        Assert.Equal([Path.Combine(checkout, "plugins")], PluginDiscovery.Folders([], elsewhere, home).ToArray());
        Assert.Equal(model, ModelCatalog.Standard(null, elsewhere, home).ForPlugin(null).Resolve("some-model"));
    }

    [Fact]
    public void The_installation_home_is_the_executables_folder_when_it_holds_plugins_or_the_one_configured()
    {
        var checkout = _temp.Combine("checkout");
        var exe = Path.Combine(checkout, "bin");
        Directory.CreateDirectory(Path.Combine(checkout, "plugins"));
        Directory.CreateDirectory(Path.Combine(exe, "plugins"));

        Assert.Equal(exe, InstallFolders.Home(exe, configured: null));
        Assert.Equal(_temp.Combine("elsewhere"), InstallFolders.Home(exe, configured: _temp.Combine("elsewhere")));
        // No plugins folder anywhere above: the executable's own folder.
        var lone = _temp.Combine("lone", "bin");
        Directory.CreateDirectory(lone);
        Assert.Equal(lone, InstallFolders.Home(lone, configured: null));
    }

    [Fact]
    public void Only_the_host_provided_assemblies_are_shared()
    {
        Assert.Contains("Pipeline.Sdk", SharedAssemblies.Names);
        Assert.Contains("Microsoft.ML.Core", SharedAssemblies.Names);
        Assert.Contains("Microsoft.ML.OnnxRuntime", SharedAssemblies.Names);
        Assert.Contains("Microsoft.Extensions.Logging.Abstractions", SharedAssemblies.Names);
        Assert.DoesNotContain("Newtonsoft.Json", SharedAssemblies.Names);
        Assert.DoesNotContain("AngleSharp", SharedAssemblies.Names);
        Assert.False(SharedAssemblies.IsShared("Microsoft.MLish"));
    }
}
