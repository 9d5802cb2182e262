using System.Runtime.CompilerServices;

namespace Pipeline.Tests;

internal static class TestHome
{
    /// <summary>
    /// The CLI runs in-process in the tests, and the test binaries sit inside the checkout, whose
    /// plugins/ and models/ it would otherwise find (InstallFolders.Home). Tests give their plugins
    /// and models explicitly, so the installation home (InstallFolders.HomeVariable) is the tests'
    /// own folder, which holds neither.
    /// </summary>
    [ModuleInitializer]
    internal static void Isolate() => Environment.SetEnvironmentVariable("PIPELINE_HOME", AppContext.BaseDirectory);
}
