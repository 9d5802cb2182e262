using System.Text.Encodings.Web;
using System.Text.Json;
using Pipeline.Sdk;

namespace Pipeline.Host.Output;

/// <summary>
/// Writes findings.sarif (SARIF 2.1.0) as results arrive, into a temporary file renamed over
/// the target on <see cref="Complete"/>: an interrupted run never leaves a truncated log.
/// </summary>
public sealed class SarifWriter : IDisposable
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    private readonly string _path;
    private readonly string _tempPath;
    private readonly FileStream _stream;
    private readonly Utf8JsonWriter _w;
    private readonly Dictionary<string, int> _ruleIndex = new(StringComparer.Ordinal);
    private bool _completed;

    public SarifWriter(string path, IEnumerable<(RuleDescriptor Rule, string Analyzer)> rules, string toolVersion)
    {
        _path = path;
        _tempPath = path + ".tmp";
        _stream = new FileStream(_tempPath, FileMode.Create, FileAccess.Write, FileShare.Read);
        _w = new Utf8JsonWriter(_stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _w.WriteStartObject();
        _w.WriteString("$schema", SchemaUri);
        _w.WriteString("version", "2.1.0");
        _w.WriteStartArray("runs");
        _w.WriteStartObject();
        _w.WriteStartObject("tool");
        _w.WriteStartObject("driver");
        _w.WriteString("name", "pipeline");
        _w.WriteString("version", toolVersion);
        _w.WriteString("semanticVersion", toolVersion);
        _w.WriteStartArray("rules");
        foreach (var (rule, analyzer) in rules)
        {
            if (!_ruleIndex.TryAdd(rule.Id, _ruleIndex.Count)) continue;
            WriteRule(rule, analyzer);
        }
        _w.WriteEndArray();
        _w.WriteEndObject();
        _w.WriteEndObject();
        _w.WriteString("columnKind", "utf16CodeUnits");
        _w.WriteStartArray("results");
    }

    public void Add(ReportedFinding f)
    {
        if (f.Severity == Severity.None) return;
        _w.WriteStartObject();
        _w.WriteString("ruleId", f.RuleId);
        if (_ruleIndex.TryGetValue(f.RuleId, out int index)) _w.WriteNumber("ruleIndex", index);
        _w.WriteString("level", Level(f.Severity));
        _w.WriteStartObject("message");
        _w.WriteString("text", f.Message);
        _w.WriteEndObject();
        if (f.Location is { } l)
        {
            _w.WriteStartArray("locations");
            _w.WriteStartObject();
            _w.WriteStartObject("physicalLocation");
            _w.WriteStartObject("artifactLocation");
            _w.WriteString("uri", ToUri(l.Path));
            _w.WriteEndObject();
            if (l.Span is { } span)
            {
                _w.WriteStartObject("region");
                _w.WriteNumber("startLine", l.StartLine);
                _w.WriteNumber("startColumn", l.StartColumn);
                _w.WriteNumber("endLine", l.EndLine);
                _w.WriteNumber("endColumn", l.EndColumn);
                _w.WriteNumber("charOffset", span.Start);
                _w.WriteNumber("charLength", span.Length);
                _w.WriteEndObject();
            }
            _w.WriteEndObject();
            _w.WriteEndObject();
            _w.WriteEndArray();
        }
        _w.WriteStartObject("properties");
        _w.WriteString("analyzer", f.Analyzer);
        _w.WriteEndObject();
        _w.WriteEndObject();
        if (_w.BytesPending > 1 << 16) _w.Flush();
    }

    /// <summary>Closes the log and moves it into place.</summary>
    public void Complete(bool executionSuccessful)
    {
        _w.WriteEndArray();
        _w.WriteStartArray("invocations");
        _w.WriteStartObject();
        _w.WriteBoolean("executionSuccessful", executionSuccessful);
        _w.WriteEndObject();
        _w.WriteEndArray();
        _w.WriteEndObject();
        _w.WriteEndArray();
        _w.WriteEndObject();
        _w.Flush();
        _stream.Flush();
        _w.Dispose();
        _stream.Dispose();
        File.Move(_tempPath, _path, overwrite: true);
        _completed = true;
    }

    public void Dispose()
    {
        if (_completed) return;
        _w.Dispose();
        _stream.Dispose();
        File.Delete(_tempPath);
    }

    private void WriteRule(RuleDescriptor rule, string analyzer)
    {
        _w.WriteStartObject();
        _w.WriteString("id", rule.Id);
        _w.WriteStartObject("shortDescription");
        _w.WriteString("text", rule.Title);
        _w.WriteEndObject();
        if (rule.Description is { } description)
        {
            _w.WriteStartObject("fullDescription");
            _w.WriteString("text", description);
            _w.WriteEndObject();
        }
        if (rule.HelpUri is { } help && Uri.IsWellFormedUriString(help, UriKind.Absolute)) _w.WriteString("helpUri", help);
        _w.WriteStartObject("defaultConfiguration");
        _w.WriteString("level", Level(rule.DefaultSeverity));
        if (!rule.IsEnabledByDefault) _w.WriteBoolean("enabled", false);
        _w.WriteEndObject();
        _w.WriteStartObject("properties");
        _w.WriteString("category", rule.Category);
        _w.WriteString("analyzer", analyzer);
        _w.WriteEndObject();
        _w.WriteEndObject();
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Suggestion => "note",
        _ => "none",
    };

    /// <summary>A URI reference for a path: file:// for absolute paths, escaped segments for relative ones; "#n" of a JSON Lines record stays a fragment.</summary>
    public static string ToUri(string path)
    {
        string fragment = "";
        int hash = path.LastIndexOf('#');
        if (hash > 0 && hash < path.Length - 1 && path.AsSpan(hash + 1).ContainsAnyExceptInRange('0', '9') is false)
        {
            fragment = path[hash..];
            path = path[..hash];
        }
        if (Path.IsPathRooted(path)) return new Uri(Path.GetFullPath(path)).AbsoluteUri + fragment;
        return string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString)) + fragment;
    }
}
