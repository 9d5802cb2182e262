using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Pipeline.Analyzers.Stance;
using Pipeline.Sdk;
using Pipeline.Tests;

namespace Pipeline.Analyzers.Tests.Stance;

/// <summary>Runs the stance annotator over documents the way the analyzer does, without a host.</summary>
internal static class StanceTestHost
{
    public static string ModelsFolder => Path.Combine(TestPaths.RepoRoot, "models");

    public static string Resolve(string name)
    {
        string path = Path.IsPathRooted(name) ? name : Path.Combine(ModelsFolder, name);
        return Directory.Exists(path) ? path : throw new ModelNotFoundException(name, [path]);
    }

    public static StanceAnnotator Load(StanceOptions? options = null, IEnumerable<string>? runClaims = null, RecordingLog? log = null) =>
        StanceAnnotator.Load(options ?? new StanceOptions(), Resolve, () => null, runClaims ?? [], log ?? new RecordingLog());

    /// <summary>The document with the stance and claims layers, ids numbered as the host does.</summary>
    public static Document Annotate(StanceAnnotator annotator, Document doc)
    {
        var result = annotator.Annotate(doc, doc.GetLayerOrEmpty(Layers.Entities));
        int s = 0, c = 0;
        return doc.WithLayer(Layers.Stance, result.Stances.Select(x => x with { Id = $"s{++s}" }).ToImmutableArray())
                  .WithLayer(Layers.ClaimStance, result.Claims.Select(x => x with { Id = $"c{++c}" }).ToImmutableArray());
    }

    /// <summary>
    /// An entity layer written by hand: every whole-word occurrence of each name, with its type and
    /// cluster (the cluster's canonical name is its first name listed).
    /// </summary>
    public static Document WithEntities(Document doc, params (string Cluster, string Type, string[] Names)[] clusters)
    {
        var mentions = new List<(TextSpan Span, string Type, string Cluster, string Canonical)>();
        foreach (var (cluster, type, names) in clusters)
            foreach (var name in names.OrderByDescending(n => n.Length))
                foreach (Match m in Regex.Matches(doc.Text, $@"(?<![\p{{L}}]){Regex.Escape(name)}(?![\p{{L}}])"))
                {
                    var span = new TextSpan(m.Index, m.Length);
                    if (!mentions.Any(x => x.Span.OverlapsWith(span))) mentions.Add((span, type, cluster, names[0]));
                }
        int id = 0;
        return doc.WithLayer(Layers.Entities, mentions.OrderBy(m => m.Span).Select(m => new EntityMention
        {
            Id = $"e{++id}", Span = m.Span, Type = m.Type, ClusterId = m.Cluster, CanonicalName = m.Canonical,
        }).ToImmutableArray());
    }
}

internal sealed class RecordingLog : IRunLog
{
    public List<string> Messages { get; } = [];
    public void Info(string message) => Messages.Add(message);
    public void Warning(string message) => Messages.Add("warning: " + message);
}
