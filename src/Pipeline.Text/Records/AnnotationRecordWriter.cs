using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pipeline.Sdk;

namespace Pipeline.Text.Records;

/// <summary>Writes <see cref="AnnotationRecord"/>s as single JSON lines (docs/FORMATS.md).</summary>
public static class AnnotationRecordWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Keep non-ASCII text readable; still escapes what JSON requires.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
    };

    /// <summary>The record as UTF-8 JSON followed by '\n'.</summary>
    public static void WriteLine(IBufferWriter<byte> output, AnnotationRecord record)
    {
        using (var w = new Utf8JsonWriter(output, Options)) Write(w, record);
        output.Write("\n"u8);
    }

    public static byte[] ToLine(AnnotationRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        WriteLine(buffer, record);
        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(Utf8JsonWriter w, AnnotationRecord r)
    {
        var doc = r.Document;
        w.WriteStartObject();
        w.WriteString("schema", AnnotationRecord.SchemaVersion);
        w.WriteString("id", r.Id);
        w.WriteString("path", r.Path);
        w.WriteString("status", AnnotationJson.Name(r.Status));
        if (r.Reason is not null) w.WriteString("reason", r.Reason);
        if (doc is not null)
        {
            WriteMetadata(w, doc.Metadata);
            w.WriteString("text", doc.Text);
            w.WriteStartArray("paragraphs");
            foreach (var p in doc.Paragraphs) WritePair(w, p.Span);
            w.WriteEndArray();
            w.WriteStartArray("sentences");
            foreach (var s in doc.Sentences) WritePair(w, s.Span);
            w.WriteEndArray();
            w.WriteStartObject("layers");
            foreach (var key in doc.LayerKeys.OrderBy(k => k.Name, StringComparer.Ordinal))
            {
                w.WriteStartArray(key.Name);
                foreach (var a in doc.GetAnnotations(key)) AnnotationJson.Write(w, a, doc.Text);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteStartArray("findings");
        foreach (var f in r.Findings) WriteFinding(w, f);
        w.WriteEndArray();
        w.WriteStartArray("failures");
        foreach (var f in r.Failures) WriteFailure(w, f);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WritePair(Utf8JsonWriter w, TextSpan span)
    {
        w.WriteStartArray();
        w.WriteNumberValue(span.Start);
        w.WriteNumberValue(span.End);
        w.WriteEndArray();
    }

    private static void WriteMetadata(Utf8JsonWriter w, DocumentMetadata m)
    {
        w.WriteStartObject("metadata");
        if (m.Headline is not null) w.WriteString("headline", m.Headline);
        if (m.Byline is not null) w.WriteString("byline", m.Byline);
        if (m.Url is not null) w.WriteString("url", m.Url);
        if (m.Date is not null) w.WriteString("date", m.Date);
        if (m.ExternalId is not null) w.WriteString("externalId", m.ExternalId);
        if (!m.Claims.IsDefaultOrEmpty)
        {
            w.WriteStartArray("claims");
            foreach (var c in m.Claims) w.WriteStringValue(c);
            w.WriteEndArray();
        }
        if (!m.Extra.IsEmpty)
        {
            w.WriteStartObject("extra");
            foreach (var (k, v) in m.Extra.OrderBy(p => p.Key, StringComparer.Ordinal)) w.WriteString(k, v);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter w, RecordFinding rf)
    {
        var f = rf.Finding;
        w.WriteStartObject();
        w.WriteString("ruleId", f.RuleId);
        w.WriteString("severity", AnnotationJson.Name(f.Severity));
        w.WriteString("analyzer", rf.Analyzer);
        w.WriteNumber("start", f.Span.Start);
        w.WriteNumber("end", f.Span.End);
        if (rf.Line > 0)
        {
            w.WriteNumber("line", rf.Line);
            w.WriteNumber("column", rf.Column);
        }
        w.WriteString("message", f.Message);
        if (!f.AnnotationIds.IsDefaultOrEmpty)
        {
            w.WriteStartArray("annotationIds");
            foreach (var id in f.AnnotationIds) w.WriteStringValue(id);
            w.WriteEndArray();
        }
        if (!f.Properties.IsEmpty)
        {
            w.WriteStartObject("properties");
            foreach (var (k, v) in f.Properties.OrderBy(p => p.Key, StringComparer.Ordinal)) w.WriteString(k, v);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteFailure(Utf8JsonWriter w, FailureRecord f)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", f.RuleId);
        w.WriteString("analyzer", f.Analyzer);
        if (f.PluginVersion is not null) w.WriteString("pluginVersion", f.PluginVersion);
        w.WriteString("message", f.Message);
        if (f.Exception is not null) w.WriteString("exception", f.Exception);
        if (f.StackTrace is not null) w.WriteString("stackTrace", f.StackTrace);
        w.WriteEndObject();
    }
}
