using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;
using Pipeline.Sdk;

namespace Pipeline.Host.Tests;

/// <summary>An analyzer class to emit: its type name, its [TextAnalyzer] id (null: no attribute), whether its constructor throws.</summary>
public sealed record EmittedAnalyzer(string TypeName, string? Id, bool ConstructorThrows = false);

/// <summary>
/// Writes small plugin assemblies to disk (PersistedAssemblyBuilder), so load problems can be
/// tested through the real loader without building projects.
/// </summary>
public static class PluginEmitter
{
    /// <summary>An assembly with the given analyzers (empty Requires/Produces, Initialize does nothing).</summary>
    public static string Emit(string path, string assemblyName, params EmittedAnalyzer[] analyzers) =>
        Emit(path, assemblyName, typeof(TextAnalyzer), analyzers);

    /// <summary>
    /// An assembly whose analyzer derives from a class of another assembly that is not written
    /// next to it: loading its types fails with a missing dependency.
    /// </summary>
    public static string EmitWithMissingBase(string path, string assemblyName, string id)
    {
        var scratch = Directory.CreateTempSubdirectory("pipeline-emit-").FullName;
        var depPath = Emit(Path.Combine(scratch, "MissingBase.dll"), "MissingBase", typeof(TextAnalyzer), [new EmittedAnalyzer("MissingBase.Base", null)], sealedTypes: false);
        var context = new AssemblyLoadContext("emit-" + Guid.NewGuid(), isCollectible: true);
        var baseType = context.LoadFromAssemblyPath(depPath).GetType("MissingBase.Base")!;
        return Emit(path, assemblyName, baseType, [new EmittedAnalyzer(assemblyName + ".Analyzer", id)]);
    }

    /// <summary>Rewrites the Pipeline.Sdk reference of an assembly to another major version.</summary>
    public static void PatchSdkMajorVersion(string path, ushort major)
    {
        var bytes = File.ReadAllBytes(path);
        using (var pe = new PEReader(new MemoryStream(bytes)))
        {
            var reader = pe.GetMetadataReader();
            var handle = reader.AssemblyReferences.First(h => reader.GetString(reader.GetAssemblyReference(h).Name) == "Pipeline.Sdk");
            int row = MetadataTokens.GetRowNumber(handle);
            int offset = pe.PEHeaders.MetadataStartOffset + reader.GetTableMetadataOffset(TableIndex.AssemblyRef)
                + (row - 1) * reader.GetTableRowSize(TableIndex.AssemblyRef);
            BitConverter.TryWriteBytes(bytes.AsSpan(offset, 2), major);
        }
        File.WriteAllBytes(path, bytes);
    }

    private static string Emit(string path, string assemblyName, Type baseType, EmittedAnalyzer[] analyzers, bool sealedTypes = true)
    {
        var builder = new PersistedAssemblyBuilder(new AssemblyName(assemblyName) { Version = new Version(1, 0, 0, 0) }, typeof(object).Assembly);
        var module = builder.DefineDynamicModule(assemblyName);
        var types = new List<TypeBuilder>();
        foreach (var analyzer in analyzers)
        {
            var type = module.DefineType(analyzer.TypeName, TypeAttributes.Public | TypeAttributes.Class | (sealedTypes ? TypeAttributes.Sealed : 0), baseType);
            types.Add(type);
            if (analyzer.Id is not null)
                type.SetCustomAttribute(new CustomAttributeBuilder(typeof(TextAnalyzerAttribute).GetConstructor([typeof(string)])!, [analyzer.Id]));

            var ctor = type.DefineConstructor(MethodAttributes.Public, CallingConventions.Standard, Type.EmptyTypes);
            var il = ctor.GetILGenerator();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Call, baseType == typeof(TextAnalyzer)
                ? typeof(TextAnalyzer).GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes)!
                : baseType.GetConstructor(Type.EmptyTypes)!);
            if (analyzer.ConstructorThrows)
            {
                il.Emit(OpCodes.Ldstr, "the constructor failed on purpose");
                il.Emit(OpCodes.Newobj, typeof(InvalidOperationException).GetConstructor([typeof(string)])!);
                il.Emit(OpCodes.Throw);
            }
            else il.Emit(OpCodes.Ret);

            if (baseType != typeof(TextAnalyzer)) continue;
            foreach (var name in new[] { nameof(TextAnalyzer.Requires), nameof(TextAnalyzer.Produces) })
            {
                var getter = type.DefineMethod("get_" + name,
                    MethodAttributes.Public | MethodAttributes.Virtual | MethodAttributes.HideBySig | MethodAttributes.SpecialName,
                    typeof(ImmutableArray<LayerKey>), Type.EmptyTypes);
                var g = getter.GetILGenerator();
                g.Emit(OpCodes.Ldsfld, typeof(ImmutableArray<LayerKey>).GetField(nameof(ImmutableArray<LayerKey>.Empty))!);
                g.Emit(OpCodes.Ret);
                type.DefineMethodOverride(getter, typeof(TextAnalyzer).GetProperty(name)!.GetMethod!);
            }
            var initialize = type.DefineMethod(nameof(TextAnalyzer.Initialize),
                MethodAttributes.Public | MethodAttributes.Virtual | MethodAttributes.HideBySig, typeof(void), [typeof(AnalysisRegistration)]);
            initialize.GetILGenerator().Emit(OpCodes.Ret);
            type.DefineMethodOverride(initialize, typeof(TextAnalyzer).GetMethod(nameof(TextAnalyzer.Initialize))!);
        }
        foreach (var type in types) type.CreateType();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        builder.Save(path);
        return path;
    }
}
