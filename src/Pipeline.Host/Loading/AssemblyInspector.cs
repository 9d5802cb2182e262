using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Pipeline.Host.Loading;

/// <summary>What a DLL's metadata says, read without loading it.</summary>
/// <param name="Error">Why the file is not a .NET assembly; null when it is one.</param>
/// <param name="SdkReference">The Pipeline.Sdk version it was built against, if it references the SDK.</param>
public sealed record AssemblyFacts(string? Error, Version? SdkReference)
{
    public bool IsAssembly => Error is null;
}

public static class AssemblyInspector
{
    public const string SdkAssemblyName = "Pipeline.Sdk";

    public static AssemblyFacts Inspect(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata) return new AssemblyFacts("it has no .NET metadata (a native library?)", null);
            var reader = pe.GetMetadataReader();
            if (!reader.IsAssembly) return new AssemblyFacts("it is a .NET module without an assembly manifest", null);
            foreach (var handle in reader.AssemblyReferences)
            {
                var reference = reader.GetAssemblyReference(handle);
                if (reader.StringComparer.Equals(reference.Name, SdkAssemblyName))
                    return new AssemblyFacts(null, reference.Version);
            }
            return new AssemblyFacts(null, null);
        }
        catch (BadImageFormatException ex) { return new AssemblyFacts(ex.Message, null); }
        catch (InvalidOperationException ex) { return new AssemblyFacts(ex.Message, null); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return new AssemblyFacts("cannot read it: " + ex.Message, null); }
    }
}
