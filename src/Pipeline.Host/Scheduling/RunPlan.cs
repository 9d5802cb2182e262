using System.Collections.Immutable;
using Pipeline.Host.Loading;
using Pipeline.Sdk;

namespace Pipeline.Host.Scheduling;

/// <summary>An analyzer in the run order, with the analyzers producing the layers it requires.</summary>
/// <param name="Index">Position in <see cref="RunPlan.Analyzers"/>.</param>
/// <param name="Producers">For each required annotation layer an enabled analyzer produces, the index of its producer (always earlier); input layers have none.</param>
public sealed record PlannedAnalyzer(InstalledAnalyzer Installed, int Index, ImmutableArray<(LayerKey Layer, int Producer)> Producers);

/// <summary>The enabled analyzers in dependency order.</summary>
public sealed record RunPlan(ImmutableArray<PlannedAnalyzer> Analyzers);

/// <summary>Start-up cannot go on (a missing producer, a cycle...); the message says why and what to do.</summary>
public sealed class StartupException(string message) : Exception(message);
