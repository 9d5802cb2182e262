using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Pipeline.Sdk;

namespace Pipeline.Text.Reading;

/// <summary>
/// JSON articles: a <c>.json</c> file holds one article object or an array of them, a <c>.jsonl</c>
/// file one object per line (read line by line). Field names are matched ignoring case:
/// headline from title/headline, text from body/text/content (HTML is converted), url from
/// url/link, date from date/published/publishedAt, byline from author/byline (a string, a list,
/// or objects with a name), id, and claims (a string or a list). Other scalar fields are kept as extras.
/// The n-th record (1-based) of a file is reported as <c>file#n</c>.
/// </summary>
internal static class JsonFormat
{
    private static readonly string[] s_headlineFields = ["title", "headline"];
    private static readonly string[] s_textFields = ["body", "text", "content"];
    private static readonly string[] s_urlFields = ["url", "link"];
    private static readonly string[] s_dateFields = ["date", "published", "publishedAt", "published_at", "datePublished"];
    private static readonly string[] s_bylineFields = ["author", "byline", "authors"];
    private static readonly HashSet<string> s_known = new(
        [.. s_headlineFields, .. s_textFields, .. s_urlFields, .. s_dateFields, .. s_bylineFields, "id", "claims"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly JsonDocumentOptions s_options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>The records of a JSON Lines file, one line at a time.</summary>
    public static IEnumerable<ReadResult> ReadLines(string path, ReadLimits limits)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        int lineNumber = 0, record = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            record++;
            yield return Record($"{path}#{record}", $"line {lineNumber}: ", line, limits);
        }
        if (record == 0) yield return new ReadFailure(path, "no records (empty file)");
    }

    /// <summary>The article of a JSON file holding one object, or the articles of an array.</summary>
    public static IEnumerable<ReadResult> ReadDocument(string path, string json, ReadLimits limits)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json, s_options); }
        catch (JsonException ex) { return [new ReadFailure(path, "invalid JSON: " + OneLine(ex.Message))]; }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object) return [FromObject(path, "", root, limits)];
            if (root.ValueKind != JsonValueKind.Array) return [new ReadFailure(path, "not a JSON object or array of objects")];
            var results = new List<ReadResult>();
            int n = 0;
            foreach (var item in root.EnumerateArray())
            {
                n++;
                results.Add(item.ValueKind == JsonValueKind.Object
                    ? FromObject($"{path}#{n}", $"item {n}: ", item, limits)
                    : new ReadFailure($"{path}#{n}", $"item {n}: not a JSON object"));
            }
            if (n == 0) results.Add(new ReadFailure(path, "no records (empty array)"));
            return results;
        }
    }

    private static ReadResult Record(string path, string where, string json, ReadLimits limits)
    {
        try
        {
            using var document = JsonDocument.Parse(json, s_options);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? FromObject(path, where, document.RootElement, limits)
                : new ReadFailure(path, where + "not a JSON object");
        }
        catch (JsonException ex) { return new ReadFailure(path, where + "invalid JSON: " + OneLine(ex.Message)); }
    }

    private static ReadResult FromObject(string path, string where, JsonElement record, ReadLimits limits)
    {
        string? body = FirstString(record, s_textFields);
        if (body is null) return new ReadFailure(path, where + "no text field (body, text or content)");
        if (LooksLikeHtml(body)) body = HtmlText.Of(new HtmlParser().ParseDocument(body).Body!);
        var metadata = DocumentMetadata.Empty with
        {
            Url = ArticleBuilder.CollapseSpaces(FirstString(record, s_urlFields)),
            Date = ArticleBuilder.NormalizeDate(FirstString(record, s_dateFields)),
            Byline = Byline(record),
            ExternalId = Field(record, "id") is { ValueKind: JsonValueKind.String or JsonValueKind.Number } id ? Scalar(id) : null,
            Claims = Claims(record),
            Extra = Extras(record),
        };
        var result = ArticleBuilder.Create(path, ArticleBuilder.CollapseSpaces(FirstString(record, s_headlineFields)),
            Paragraphs(TextDecoder.NormalizeLineEnds(body)), metadata, limits);
        return result is ReadFailure failure ? failure with { Reason = where + failure.Reason } : result;
    }

    /// <summary>Paragraphs given one per line (no blank line anywhere) get a blank line between them.</summary>
    private static string Paragraphs(string body) =>
        body.Contains('\n') && !body.Contains("\n\n", StringComparison.Ordinal) ? body.Replace("\n", "\n\n") : body;

    private static bool LooksLikeHtml(string body)
    {
        var start = body.AsSpan().TrimStart();
        return start.Length > 0 && start[0] == '<' && body.Contains("</", StringComparison.Ordinal);
    }

    private static JsonElement? Field(JsonElement record, string name)
    {
        foreach (var property in record.EnumerateObject())
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) return property.Value;
        return null;
    }

    private static string? FirstString(JsonElement record, string[] names)
    {
        foreach (var name in names)
            if (Field(record, name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } s)
                return s;
        return null;
    }

    private static string? Byline(JsonElement record)
    {
        foreach (var name in s_bylineFields)
        {
            if (Field(record, name) is not { } value) continue;
            var names = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(Name) : [Name(value)];
            var joined = string.Join(", ", names.OfType<string>());
            if (joined.Length > 0) return joined;
        }
        return null;

        static string? Name(JsonElement author) => author.ValueKind switch
        {
            JsonValueKind.String => ArticleBuilder.CollapseSpaces(author.GetString()),
            JsonValueKind.Object when Field(author, "name") is { ValueKind: JsonValueKind.String } name => ArticleBuilder.CollapseSpaces(name.GetString()),
            _ => null,
        };
    }

    private static ImmutableArray<string> Claims(JsonElement record) => Field(record, "claims") switch
    {
        { ValueKind: JsonValueKind.String } one when ArticleBuilder.CollapseSpaces(one.GetString()) is { } claim => [claim],
        { ValueKind: JsonValueKind.Array } many => [.. many.EnumerateArray()
            .Where(c => c.ValueKind == JsonValueKind.String)
            .Select(c => ArticleBuilder.CollapseSpaces(c.GetString()))
            .OfType<string>()],
        _ => [],
    };

    private static ImmutableDictionary<string, string> Extras(JsonElement record)
    {
        var extras = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var property in record.EnumerateObject())
            if (!s_known.Contains(property.Name) && Scalar(property.Value) is { } value)
                extras.TryAdd(property.Name, value);
        return extras.ToImmutable();
    }

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
