using System.Text;
using Pipeline.Sdk;

namespace Pipeline.Learning.Gold;

/// <summary>
/// A document's entity mentions and attributions as brat standoff, in the scheme
/// <see cref="BratReader"/> reads back: a text span per entity mention (typed PER, ORG, LOC,
/// MISC), and per quote a Content span (its segments as fragments), a Cue and a written Source
/// span, tied by an <c>Attribution</c> event (<c>Attribution-no-source</c> when no speaker is
/// written) whose trigger is the cue (or the content's first segment). Offsets count code points.
/// So an analysed folder can be corrected in brat and read back for training or evaluation.
/// </summary>
public static class BratWriter
{
    /// <summary>The brat configuration of the types written here, for the folder's annotation.conf.</summary>
    public const string AnnotationConf = """
        [entities]
        PER
        ORG
        LOC
        MISC
        Source
        Cue
        Content

        [relations]

        [events]
        Attribution	Content:Content, Cue?:Cue, Source?:Source
        Attribution-no-source	Content:Content, Cue?:Cue

        [attributes]

        """;

    /// <summary>The .ann text of a document.</summary>
    public static string Annotations(Document doc)
    {
        var map = new CodePointMap(doc.Text);
        var ann = new StringBuilder();
        int spans = 0, events = 0;
        string Bound(string type, IEnumerable<TextSpan> fragments)
        {
            var parts = fragments.Where(f => !f.IsEmpty).ToList();
            string id = $"T{++spans}";
            string ranges = string.Join(';', parts.Select(f => $"{map.ToCodePoint(f.Start)} {map.ToCodePoint(f.End)}"));
            string surface = BratReader.Squeeze(string.Join(' ', parts.Select(doc.GetString)));
            ann.Append(id).Append('\t').Append(type).Append(' ').Append(ranges).Append('\t').Append(surface).Append('\n');
            return id;
        }

        foreach (var entity in doc.GetLayerOrEmpty(Layers.Entities))
            Bound(entity.Type, [entity.Span]);
        var attributions = doc.GetLayerOrEmpty(Layers.Attributions).GroupBy(a => a.QuoteId).ToDictionary(g => g.Key, g => g.First());
        foreach (var quote in doc.GetLayerOrEmpty(Layers.Quotes))
        {
            if (!quote.Content.Any(s => !s.IsEmpty)) continue;
            string content = Bound("Content", quote.Content);
            string? cue = quote.Cue is { IsEmpty: false } c ? Bound("Cue", [c]) : null;
            string? source = AttributionRelations.WrittenSource(quote, attributions.GetValueOrDefault(quote.Id)) is { IsEmpty: false } s ? Bound("Source", [s]) : null;
            string kind = source is null ? "Attribution-no-source" : "Attribution";
            string trigger = Bound(kind, [quote.Cue is { IsEmpty: false } at ? at : quote.Content.First(s => !s.IsEmpty)]);
            ann.Append($"E{++events}\t{kind}:{trigger} Content:{content}");
            if (cue is not null) ann.Append($" Cue:{cue}");
            if (source is not null) ann.Append($" Source:{source}");
            ann.Append('\n');
        }
        return ann.ToString();
    }
}
