using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Pipeline.Sdk;
using Pipeline.Text;

namespace Pipeline.Learning.Gold;

/// <summary>
/// brat standoff annotations of attributions and named entities: an <c>.ann</c> file, or a folder
/// of them, each with its text. Text spans are <c>T1 Type start end[;start end] surface</c> lines
/// (code point offsets). An event (<c>E1 Type:T4 Content:T3 Cue:T2 Source:T1</c>) with a Content
/// role is one attribution relation, its roles Content, Content2..., Cue... and Source... giving
/// the spans (PolNeAR's scheme; <see cref="AttributionRelations"/> turns them into layers). A text
/// span typed PER, ORG, LOC or MISC (or Person, Organization, Location, Miscellaneous) is an entity
/// mention. A file with entity mentions and no attribution is an entity annotation (no quote
/// layers); any other file carries the quote layers, empty when it marks no attribution. Other
/// lines (relations, attributes, notes) are ignored. The text is <c>NAME.txt</c> beside <c>NAME.ann</c> (brat's
/// layout) or in a sibling <c>text</c> folder; a file named <c>NAME_ANNOTATOR.ann</c> may share
/// <c>NAME.txt</c> with other annotators' files (PolNeAR's layout), and the document records the
/// annotator.
/// </summary>
public sealed partial class BratReader : IGoldReader
{
    public const string AnnotatorKey = "annotator";

    public string Format => "brat";
    public string Description => "brat standoff: .ann files (or a folder of them) with their .txt; events with a Content role are attributions, PER/ORG/LOC/MISC spans entities";
    public ImmutableArray<LayerKey> Layers => [.. AttributionRelations.Layers, Sdk.Layers.Entities];

    private static readonly Dictionary<string, string> EntityTypeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["PER"] = EntityTypes.Person, ["Person"] = EntityTypes.Person,
        ["ORG"] = EntityTypes.Organization, ["Organization"] = EntityTypes.Organization, ["Organisation"] = EntityTypes.Organization,
        ["LOC"] = EntityTypes.Location, ["Location"] = EntityTypes.Location,
        ["MISC"] = EntityTypes.Miscellaneous, ["Miscellaneous"] = EntityTypes.Miscellaneous,
    };

    public bool Recognizes(string path, string firstLine) =>
        Path.GetExtension(path).Equals(".ann", StringComparison.OrdinalIgnoreCase)
        || Directory.Exists(path) && Directory.EnumerateFiles(path, "*.ann").Any();

    public IEnumerable<Document> Read(string path, GoldReadOptions options, Action<string> onError)
    {
        var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.ann").Order(StringComparer.Ordinal).ToList() : [path];
        foreach (var ann in files)
        {
            var (textPath, annotator) = TextOf(ann);
            if (textPath is null)
            {
                onError($"{ann}: no text file (looked for its name with .txt beside it and in ../text)");
                continue;
            }
            Document doc;
            try { doc = ReadDocument(ann, textPath, annotator, onError); }
            catch (IOException ex) { onError($"{ann}: {ex.Message}"); continue; }
            yield return doc;
        }
    }

    /// <summary>The text file of an annotation file, and the annotator its name adds to the text's name (null: none).</summary>
    private static (string? Path, string? Annotator) TextOf(string ann)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(ann))!;
        string stem = Path.GetFileNameWithoutExtension(ann);
        int underscore = stem.LastIndexOf('_');
        var names = new List<(string Name, string? Annotator)> { (stem, null) };
        if (underscore > 0) names.Add((stem[..underscore], stem[(underscore + 1)..]));
        foreach (var dir in new[] { folder, Path.Combine(folder, "..", "text") })
            foreach (var (name, annotator) in names)
            {
                string candidate = Path.Combine(dir, name + ".txt");
                if (File.Exists(candidate)) return (Path.GetFullPath(candidate), annotator);
            }
        return (null, null);
    }

    private static Document ReadDocument(string ann, string textPath, string? annotator, Action<string> onError)
    {
        string text = File.ReadAllText(textPath);
        var doc = DocumentFactory.Create(text, new DocumentMetadata
        {
            SourcePath = ann,
            ExternalId = Path.GetFileNameWithoutExtension(ann),
            Extra = annotator is null ? ImmutableDictionary<string, string>.Empty : ImmutableDictionary<string, string>.Empty.Add(AnnotatorKey, annotator),
        });
        var map = new CodePointMap(text);
        var spans = new Dictionary<string, List<TextSpan>>(StringComparer.Ordinal);
        var entities = new List<(TextSpan Span, string Type)>();
        var events = new List<(int Line, string Id, string[] Roles)>();
        foreach (var (lineNumber, line) in Annotations(ann))
        {
            var fields = line.Split('\t');
            try
            {
                if (line[0] == 'T')
                {
                    var fragments = spans[fields[0]] = TextBound(text, map, fields);
                    if (EntityTypeNames.TryGetValue(fields[1][..fields[1].IndexOf(' ')], out var type))
                        entities.Add((TextSpan.FromBounds(fragments[0].Start, fragments[^1].End), type));
                }
                else if (line[0] == 'E' && fields.Length >= 2) events.Add((lineNumber, fields[0], fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
            }
            catch (FormatException ex) { onError($"{ann}:{lineNumber}: {fields[0]}: {ex.Message}"); }
        }

        var relations = new List<AttributionRelation>();
        foreach (var (line, id, roles) in events)
        {
            var content = new List<TextSpan>();
            var cues = new List<TextSpan>();
            var sources = new List<TextSpan>();
            bool attribution = false;
            try
            {
                // The first role is the event's own trigger (Type:T4); the arguments follow.
                foreach (var role in roles.Skip(1))
                {
                    int colon = role.IndexOf(':');
                    if (colon <= 0) throw new FormatException($"argument \"{role}\" is not ROLE:ID");
                    string name = TrailingDigits().Replace(role[..colon], "");
                    if (!spans.TryGetValue(role[(colon + 1)..], out var argument)) throw new FormatException($"argument {role}: no such text span");
                    var target = name switch { "Content" => content, "Cue" => cues, "Source" => sources, _ => null };
                    if (name == "Content") attribution = true;
                    target?.AddRange(argument.Where(s => !IsBlank(text, s)));
                }
                if (attribution) relations.Add(AttributionRelation.Of(content, cues, sources));
            }
            catch (FormatException ex) { onError($"{ann}:{line}: {id}: {ex.Message}"); }
        }
        if (entities.Count > 0)
            doc = doc.WithLayer(Sdk.Layers.Entities, [.. entities.Order().Select((e, i) => new EntityMention
            {
                Id = $"e{i + 1}", Span = e.Span, Type = e.Type, ClusterId = $"c{i + 1}", CanonicalName = doc.GetString(e.Span),
            })]);
        return entities.Count > 0 && relations.Count == 0 ? doc : AttributionRelations.AddTo(doc, relations);
    }

    /// <summary>
    /// The annotation lines with their line numbers. A span's surface text that runs over a line
    /// break breaks its T line (brat writes it as it is): a line that opens with no annotation id
    /// continues the line before.
    /// </summary>
    private static IEnumerable<(int Number, string Line)> Annotations(string ann)
    {
        int number = 0, start = 0;
        string? pending = null;
        foreach (var line in File.ReadLines(ann))
        {
            number++;
            if (pending is not null && !AnnotationId().IsMatch(line)) { pending += "\n" + line; continue; }
            if (pending is not null) yield return (start, pending);
            (pending, start) = line.Length == 0 ? (null, 0) : (line, number);
        }
        if (pending is not null) yield return (start, pending);
    }

    /// <summary>A T line's fragments; the surface text, when given, must be what the offsets hold.</summary>
    private static List<TextSpan> TextBound(string text, CodePointMap map, string[] fields)
    {
        if (fields.Length < 2) throw new FormatException("expected TYPE START END");
        int space = fields[1].IndexOf(' ');
        if (space <= 0) throw new FormatException($"\"{fields[1]}\": expected TYPE START END");
        var fragments = new List<TextSpan>();
        foreach (var range in fields[1][(space + 1)..].Split(';'))
        {
            var bounds = range.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (bounds.Length != 2 || !int.TryParse(bounds[0], out int start) || !int.TryParse(bounds[1], out int end))
                throw new FormatException($"\"{range}\": expected START END");
            fragments.Add(map.ToSpan(start, end));
        }
        if (fields.Length >= 3)
        {
            string held = string.Join(' ', fragments.Select(f => text.Substring(f.Start, f.Length)));
            if (Squeeze(held) != Squeeze(fields[2]))
                throw new FormatException($"the offsets hold \"{Shorten(held)}\", not \"{Shorten(fields[2])}\" (is the text file the annotated one?)");
        }
        return fragments;
    }

    private static bool IsBlank(string text, TextSpan span)
    {
        for (int i = span.Start; i < span.End; i++)
            if (!char.IsWhiteSpace(text[i])) return false;
        return true;
    }

    /// <summary>A surface text as the T lines write it: whitespace runs as one space (brat writes no line break there).</summary>
    internal static string Squeeze(string s) => Whitespace().Replace(s, " ").Trim();

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..37] + "...";

    [GeneratedRegex(@"^([TERAMN#]\d+|\*)\t")]
    private static partial Regex AnnotationId();

    [GeneratedRegex(@"\d+$")]
    private static partial Regex TrailingDigits();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
