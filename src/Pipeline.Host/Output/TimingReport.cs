using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Pipeline.Host.Output;

/// <summary>Time spent by one analyzer (or by the host's segmentation).</summary>
public sealed record AnalyzerTiming(string Id, TimeSpan RunStart, TimeSpan Documents, long Calls);

/// <summary>Where a run's time went: written to out/timings.json, printed by --report-analyzers.</summary>
public sealed record RunTimings(TimeSpan Elapsed, int Jobs, long Documents, AnalyzerTiming Segmentation, ImmutableArray<AnalyzerTiming> Analyzers)
{
    public const string FileName = "timings.json";

    public void WriteJson(string path)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("elapsedSeconds", Math.Round(Elapsed.TotalSeconds, 3));
        w.WriteNumber("jobs", Jobs);
        w.WriteNumber("documents", Documents);
        w.WriteStartArray("analyzers");
        foreach (var a in Analyzers.Prepend(Segmentation))
        {
            w.WriteStartObject();
            w.WriteString("id", a.Id);
            w.WriteNumber("runStartSeconds", Math.Round(a.RunStart.TotalSeconds, 4));
            w.WriteNumber("documentSeconds", Math.Round(a.Documents.TotalSeconds, 4));
            w.WriteNumber("calls", a.Calls);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A table like Roslyn's /reportanalyzer: time per analyzer summed over documents, per document, and share.</summary>
    public void Print(TextWriter output)
    {
        var rows = Analyzers.Prepend(Segmentation).ToList();
        double total = rows.Sum(r => r.Documents.TotalSeconds);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"Analyzer execution time: {total:0.000} s summed over documents ({Jobs} jobs, {Elapsed.TotalSeconds:0.000} s elapsed)"));
        output.WriteLine("   Time (s)       %   Per doc (ms)   Start (s)  Analyzer");
        foreach (var r in rows.OrderByDescending(r => r.Documents))
        {
            double share = total > 0 ? 100 * r.Documents.TotalSeconds / total : 0;
            double perDocument = r.Calls > 0 ? r.Documents.TotalMilliseconds / r.Calls : 0;
            output.WriteLine(string.Create(c, $"{r.Documents.TotalSeconds,11:0.000} {share,7:0.0} {perDocument,14:0.000} {r.RunStart.TotalSeconds,11:0.000}  {r.Id}"));
        }
    }
}
