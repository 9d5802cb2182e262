using System.Globalization;
using Pipeline.Sdk;

namespace Pipeline.Text.Reading;

/// <summary>
/// Puts an article together from what a format found: the headline becomes the first paragraph of
/// the text (unless the body already starts with it), and the text is checked against the limits.
/// </summary>
internal static class ArticleBuilder
{
    public static ReadResult Create(string path, string? headline, string body, DocumentMetadata metadata, ReadLimits limits)
    {
        headline = string.IsNullOrWhiteSpace(headline) ? null : headline.Trim();
        body = body.Trim();
        string text = headline is null || body.StartsWith(headline, StringComparison.Ordinal) ? body
            : body.Length == 0 ? headline
            : headline + "\n\n" + body;
        if (text.Length == 0) return new ReadFailure(path, "no text (empty or whitespace only)");
        if (text.Length > limits.MaxCharacters)
            return new ReadFailure(path, $"text is {text.Length:N0} characters, over the limit of {limits.MaxCharacters:N0}");
        return new ArticleRead(path, text, metadata with { SourcePath = path, Headline = headline });
    }

    /// <summary>Trimmed, inner runs of whitespace as one space; null when nothing is left.</summary>
    public static string? CollapseSpaces(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>A date as ISO 8601 (date only, or UTC date and time) when it parses, else as given.</summary>
    public static string? NormalizeDate(string? value)
    {
        value = CollapseSpaces(value);
        if (value is null) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            bool dateOnly = date.TimeOfDay == TimeSpan.Zero && !value.Contains(':');
            return dateOnly ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }
        return value;
    }
}
