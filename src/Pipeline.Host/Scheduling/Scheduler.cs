using System.Collections.Immutable;
using Pipeline.Host.Configuration;
using Pipeline.Host.Loading;
using Pipeline.Sdk;

namespace Pipeline.Host.Scheduling;

/// <summary>
/// Orders the enabled analyzers by Requires/OptionalRequires/Produces (topological; among
/// analyzers ready at the same time, pipeline.json order first, then id). Segmentation layers are
/// always available, and so are the input layers the documents come with (gold layers in training
/// and evaluation) when no enabled analyzer produces them.
/// </summary>
public static class Scheduler
{
    /// <param name="inputLayers">Layers the documents carry before any analyzer runs; they need no producer.</param>
    /// <exception cref="StartupException">A required layer has no enabled producer, two analyzers produce one layer, or the analyzers form a cycle.</exception>
    public static RunPlan Plan(AnalyzerCatalog catalog, EffectiveConfig config, IReadOnlyCollection<LayerKey>? inputLayers = null)
    {
        var enabled = catalog.Analyzers.Where(a => config.IsEnabledAnywhere(a.Id)).ToList();
        var producers = FindProducers(enabled);
        CheckRequirements(enabled, producers, inputLayers ?? [], catalog, config);

        var rank = config.Config.Analyzers.Select((s, i) => (s.Id, i)).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First().i);
        var ready = new SortedSet<InstalledAnalyzer>(Comparer<InstalledAnalyzer>.Create((a, b) =>
        {
            int c = rank.GetValueOrDefault(a.Id, int.MaxValue).CompareTo(rank.GetValueOrDefault(b.Id, int.MaxValue));
            return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
        }));
        var dependencies = enabled.ToDictionary(a => a, a => Dependencies(a, producers).Distinct().ToList());
        var waitingOn = dependencies.ToDictionary(d => d.Key, d => d.Value.Count);
        foreach (var (a, n) in waitingOn) if (n == 0) ready.Add(a);

        var order = new List<InstalledAnalyzer>();
        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            order.Add(next);
            foreach (var dependant in enabled.Where(d => dependencies[d].Contains(next)))
                if (--waitingOn[dependant] == 0) ready.Add(dependant);
        }
        if (order.Count < enabled.Count)
            throw new StartupException(DescribeCycle(enabled.Except(order).ToList(), producers));

        // Producers of required layers only: an analyzer is skipped on a document when one of them did not run.
        var index = order.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => x.i);
        return new RunPlan(order.Select((a, i) => new PlannedAnalyzer(a, i,
            a.Requires.Where(producers.ContainsKey).Distinct().Select(l => (l, index[producers[l]])).ToImmutableArray())).ToImmutableArray());
    }

    private static Dictionary<LayerKey, InstalledAnalyzer> FindProducers(List<InstalledAnalyzer> enabled)
    {
        var producers = new Dictionary<LayerKey, InstalledAnalyzer>();
        var errors = new List<string>();
        foreach (var analyzer in enabled)
            foreach (var layer in analyzer.Produces.Distinct())
            {
                if (layer.IsSegmentation)
                    errors.Add($"analyzer {analyzer} declares it produces '{layer}', a segmentation layer the host makes; remove it from Produces");
                else if (producers.TryGetValue(layer, out var other))
                    errors.Add($"layer '{layer}' is produced by both analyzer {other} and analyzer {analyzer}; disable one of them in pipeline.json (\"analyzers\": {{\"{analyzer.Id}\": {{\"enabled\": false}}}})");
                else producers.Add(layer, analyzer);
            }
        if (errors.Count > 0) throw new StartupException(string.Join(Environment.NewLine, errors));
        return producers;
    }

    private static void CheckRequirements(List<InstalledAnalyzer> enabled, Dictionary<LayerKey, InstalledAnalyzer> producers,
        IReadOnlyCollection<LayerKey> inputLayers, AnalyzerCatalog catalog, EffectiveConfig config)
    {
        var errors = new List<string>();
        foreach (var analyzer in enabled)
            foreach (var layer in analyzer.Requires.Where(l => !l.IsSegmentation && !producers.ContainsKey(l) && !inputLayers.Contains(l)).Distinct())
            {
                var candidates = catalog.Analyzers.Where(a => a.Produces.Contains(layer)).ToList();
                var offer = candidates.Count == 0
                    ? "no installed plugin provides it; install one that does (see `pipeline plugins`)"
                    : "installed analyzers that produce it: " + string.Join(", ", candidates.Select(c =>
                        $"{c} from {c.Plugin.Location}{(config.IsEnabledAnywhere(c.Id) ? "" : $", disabled in {config.Config.DisplayName}")}")) + "; enable one";
                errors.Add($"analyzer {analyzer} requires layer '{layer}', which no enabled analyzer produces; {offer}, or disable '{analyzer.Id}'");
            }
        if (errors.Count > 0) throw new StartupException(string.Join(Environment.NewLine, errors));
    }

    /// <summary>The annotation layers an analyzer reads: required, then optional.</summary>
    private static IEnumerable<LayerKey> Reads(InstalledAnalyzer a) => a.Requires.Concat(a.OptionalRequires).Where(l => !l.IsSegmentation);

    /// <summary>The enabled producers of the layers an analyzer reads (an input layer or a missing optional one has none).</summary>
    private static IEnumerable<InstalledAnalyzer> Dependencies(InstalledAnalyzer a, Dictionary<LayerKey, InstalledAnalyzer> producers) =>
        Reads(a).Where(producers.ContainsKey).Select(l => producers[l]);

    /// <summary>Names one cycle among the analyzers left unordered: "a needs 'x' from b, b needs 'y' from a".</summary>
    private static string DescribeCycle(List<InstalledAnalyzer> stuck, Dictionary<LayerKey, InstalledAnalyzer> producers)
    {
        var path = new List<InstalledAnalyzer>();
        var current = stuck.OrderBy(a => a.Id, StringComparer.Ordinal).First();
        while (!path.Contains(current))
        {
            path.Add(current);
            current = Dependencies(current, producers).First(stuck.Contains);
        }
        var cycle = path.Skip(path.IndexOf(current)).ToList();
        var steps = cycle.Select((a, i) =>
        {
            var next = cycle[(i + 1) % cycle.Count];
            var layer = Reads(a).First(l => producers.TryGetValue(l, out var p) && p == next);
            return $"'{a.Id}' needs layer '{layer}' from '{next.Id}'";
        });
        return $"analyzers form a cycle: {string.Join(", ", steps)}; disable one of them or change its Requires or OptionalRequires";
    }
}
