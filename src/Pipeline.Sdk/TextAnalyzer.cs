using System.Collections.Immutable;
using System.Reflection;

namespace Pipeline.Sdk;

/// <summary>Marks a <see cref="TextAnalyzer"/> for discovery and gives its id.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TextAnalyzerAttribute(string id) : Attribute
{
    /// <summary>Stable analyzer id used in configuration and provenance, e.g. "entities".</summary>
    public string Id { get; } = id;
    public string? Description { get; init; }
}

/// <summary>
/// Base class of every analyzer, in Roslyn's shape: declared metadata, everything else by
/// registration in <see cref="Initialize"/>. The host finds non-abstract subclasses carrying
/// <see cref="TextAnalyzerAttribute"/> in plugin assemblies and creates them with their
/// parameterless constructor.
/// </summary>
public abstract class TextAnalyzer
{
    /// <summary>The id from <see cref="TextAnalyzerAttribute"/>.</summary>
    public string Id => GetType().GetCustomAttribute<TextAnalyzerAttribute>()?.Id
        ?? throw new InvalidOperationException($"{GetType().FullName} has no [TextAnalyzer] attribute");

    /// <summary>Version written in provenance and run fingerprints; defaults to the assembly's informational version.</summary>
    public virtual string Version =>
        GetType().Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
        ?? GetType().Assembly.GetName().Version?.ToString() ?? "0.0.0";

    /// <summary>Rules this analyzer may report. Reporting any other rule id throws.</summary>
    public virtual ImmutableArray<RuleDescriptor> Rules => [];

    /// <summary>Layers this analyzer reads. Reading any other annotation layer throws.</summary>
    public abstract ImmutableArray<LayerKey> Requires { get; }

    /// <summary>
    /// Layers this analyzer reads when an enabled analyzer produces them (hedging reads quotes
    /// to find who is hedging, but runs without them). They order the run like Requires; a
    /// missing producer is not an error, and the layer then reads as empty.
    /// </summary>
    public virtual ImmutableArray<LayerKey> OptionalRequires => [];

    /// <summary>Layers this analyzer writes. Writing any other layer throws.</summary>
    public abstract ImmutableArray<LayerKey> Produces { get; }

    /// <summary>Registers the analyzer's callbacks. Called once per run.</summary>
    public abstract void Initialize(AnalysisRegistration registration);

    /// <summary>A trainer for this analyzer's model, when it learns one (used by `pipeline train`).</summary>
    public virtual AnalyzerTrainer? CreateTrainer() => null;
}

/// <summary>What an analyzer registers in <see cref="TextAnalyzer.Initialize"/>.</summary>
public abstract class AnalysisRegistration
{
    /// <summary>Allow the host to call the per-document callback on several documents at once.</summary>
    public abstract void EnableConcurrentExecution();

    /// <summary>Called once before any document: load models here, then register per-document work.</summary>
    public abstract void RegisterRunStart(Action<RunStartContext> action);

    /// <summary>Called for each document (when no per-run state is needed).</summary>
    public abstract void RegisterDocument(Action<DocumentContext> action);

    /// <summary>Called once after the last document.</summary>
    public abstract void RegisterRunEnd(Action<RunEndContext> action);
}

/// <summary>The start of a run: options, models and services, and where to register per-document work.</summary>
public abstract class RunStartContext
{
    public abstract AnalyzerOptions Options { get; }
    public abstract IModelStore Models { get; }
    public abstract IRunLog Log { get; }
    /// <summary>Claims given for the whole run (pipeline.json "claims" or --claims).</summary>
    public abstract ImmutableArray<string> Claims { get; }
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>A host service such as <see cref="ITextEncoder"/>, or null when the host has none.</summary>
    public abstract T? GetService<T>() where T : class;

    public abstract void RegisterDocument(Action<DocumentContext> action);
    public abstract void RegisterRunEnd(Action<RunEndContext> action);
}

/// <summary>One analyzer working on one document. Writes are committed only if the callback returns.</summary>
public abstract class DocumentContext
{
    /// <summary>
    /// The document, carrying only the layers the analyzer declared in Requires, and those of
    /// OptionalRequires that an analyzer produced for it.
    /// </summary>
    public abstract Document Document { get; }
    public abstract AnalyzerOptions Options { get; }
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>A required layer's annotations; an optional layer's, or none when it was not produced.</summary>
    /// <exception cref="LayerNotAvailableException">The layer is in neither Requires nor OptionalRequires.</exception>
    public abstract ImmutableArray<T> GetLayer<T>(LayerKey<T> layer) where T : Annotation;

    /// <summary>Adds an annotation to a produced layer.</summary>
    /// <exception cref="InvalidOperationException">The layer is not in Produces, or the span is outside the text.</exception>
    public abstract void Add<T>(LayerKey<T> layer, T annotation) where T : Annotation;

    /// <summary>The next annotation id in a layer of this document ("e1", "e2"...).</summary>
    public abstract string NewId(LayerKey layer);

    /// <summary>Provenance naming this analyzer, plus the method or model that decided.</summary>
    public abstract Provenance Provenance(string? method = null, string? model = null);

    /// <summary>Reports a finding of one of the analyzer's <see cref="TextAnalyzer.Rules"/>.</summary>
    public abstract void Report(Finding finding);
}

/// <summary>The end of a run.</summary>
public abstract class RunEndContext
{
    public abstract IRunLog Log { get; }
    /// <summary>Reports a finding about the whole run (no document).</summary>
    public abstract void Report(Finding finding);
}
