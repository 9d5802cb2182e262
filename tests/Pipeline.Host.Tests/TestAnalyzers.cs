using System.Collections.Immutable;
using Pipeline.Sdk;

namespace Pipeline.Host.Tests;

public static class TestLayers
{
    public static readonly LayerKey<LabeledSpan> Words = new("words", "w");
    public static readonly LayerKey<LabeledSpan> Names = new("names", "n");
    public static readonly LayerKey<LabeledSpan> Tags = new("tags", "t");
}

public static class TestRules
{
    public static readonly RuleDescriptor Capitalised = new("TST001", "Capitalised word", "'{0}' is capitalised", "Testing", Severity.Warning);
    public static readonly RuleDescriptor RunTotal = new("TST002", "Run total", "{0} documents seen", "Testing", Severity.Suggestion);
    public static readonly RuleDescriptor Quiet = new("TST003", "Off by default", "never shown", "Quiet", Severity.Warning) { IsEnabledByDefault = false };
}

/// <summary>An analyzer whose metadata and callbacks a test sets; subclasses only give it an id.</summary>
public abstract class ScriptedAnalyzer : TextAnalyzer
{
    public ImmutableArray<LayerKey> Reads { get; init; } = [];
    public ImmutableArray<LayerKey> OptionalReads { get; init; } = [];
    public ImmutableArray<LayerKey> Writes { get; init; } = [];
    public ImmutableArray<RuleDescriptor> Reports { get; init; } = [];
    public Action<DocumentContext>? OnDocument { get; init; }
    public Action<RunStartContext>? OnRunStart { get; init; }
    public Action<RunEndContext>? OnRunEnd { get; init; }
    public bool Concurrent { get; init; } = true;

    public override ImmutableArray<RuleDescriptor> Rules => Reports;
    public override ImmutableArray<LayerKey> Requires => Reads;
    public override ImmutableArray<LayerKey> OptionalRequires => OptionalReads;
    public override ImmutableArray<LayerKey> Produces => Writes;

    public override void Initialize(AnalysisRegistration registration)
    {
        if (Concurrent) registration.EnableConcurrentExecution();
        registration.RegisterRunStart(run =>
        {
            OnRunStart?.Invoke(run);
            if (OnDocument is { } document) run.RegisterDocument(document);
            if (OnRunEnd is { } end) run.RegisterRunEnd(end);
        });
    }
}

[TextAnalyzer("alpha")] public sealed class Alpha : ScriptedAnalyzer;
[TextAnalyzer("beta")] public sealed class Beta : ScriptedAnalyzer;
[TextAnalyzer("gamma")] public sealed class Gamma : ScriptedAnalyzer;
[TextAnalyzer("delta")] public sealed class Delta : ScriptedAnalyzer;

/// <summary>Callbacks the tests combine.</summary>
public static class Scripts
{
    /// <summary>Marks every capitalised word token in <paramref name="layer"/>.</summary>
    public static Action<DocumentContext> MarkCapitalised(LayerKey<LabeledSpan> layer) => ctx =>
    {
        var doc = ctx.Document;
        for (int i = 0; i < doc.Tokens.Length; i++)
        {
            var text = doc.TokenText(i);
            if (doc.Tokens[i].Kind == TokenKind.Word && char.IsUpper(text[0]))
                ctx.Add(layer, new LabeledSpan { Id = ctx.NewId(layer), Span = doc.Tokens[i].Span, Label = "cap", Provenance = ctx.Provenance("rule:capital") });
        }
    };

    /// <summary>Copies the annotations of <paramref name="from"/> that start with <paramref name="prefix"/> into <paramref name="to"/>.</summary>
    public static Action<DocumentContext> Filter(LayerKey<LabeledSpan> from, LayerKey<LabeledSpan> to, string prefix) => ctx =>
    {
        foreach (var a in ctx.GetLayer(from))
            if (ctx.Document.GetString(a.Span).StartsWith(prefix, StringComparison.Ordinal))
                ctx.Add(to, new LabeledSpan { Id = ctx.NewId(to), Span = a.Span, Label = "name" });
    };

    /// <summary>Reports <see cref="TestRules.Capitalised"/> on each token equal to <paramref name="word"/>.</summary>
    public static Action<DocumentContext> ReportWord(string word) => ctx =>
    {
        var doc = ctx.Document;
        for (int i = 0; i < doc.Tokens.Length; i++)
            if (doc.TokenText(i).SequenceEqual(word))
                ctx.Report(Finding.Create(TestRules.Capitalised, doc.Tokens[i].Span, word));
    };
}
