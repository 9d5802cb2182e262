using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using Pipeline.Sdk;
using Pipeline.Tests;
using Pipeline.Text;
using Pipeline.Text.Records;

namespace Pipeline.Reports.Tests;

/// <summary>Small annotations.jsonl files written with the record codec.</summary>
internal static class Fixtures
{
    private static readonly Provenance By = new("fixture", "1.0") { Method = "test" };

    /// <summary>An empty folder under the test output named after the calling test, kept after the run for inspection.</summary>
    public static string NewFolder(string prefix, [CallerMemberName] string test = "")
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "artifacts", $"{prefix}-{test}");
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static string WriteJsonl(string dir, params AnnotationRecord[] records)
    {
        var file = Path.Combine(dir, "annotations.jsonl");
        using var stream = File.Create(file);
        foreach (var r in records) stream.Write(AnnotationRecordWriter.ToLine(r));
        return file;
    }

    /// <summary>The span of the <paramref name="occurrence"/>-th (1-based) <paramref name="needle"/> in <paramref name="text"/>.</summary>
    public static TextSpan Find(string text, string needle, int occurrence = 1, int from = 0)
    {
        int at = from - 1;
        for (int i = 0; i < occurrence; i++)
        {
            at = text.IndexOf(needle, at + 1, StringComparison.Ordinal);
            if (at < 0) throw new InvalidOperationException($"'{needle}' (#{occurrence}) not in the fixture text");
        }
        return new TextSpan(at, needle.Length);
    }

    private static EntityMention Entity(string id, TextSpan span, string type, string cluster, string name) =>
        new() { Id = id, Span = span, Type = type, ClusterId = cluster, CanonicalName = name, Confidence = 0.9, Provenance = By };

    /// <summary>
    /// The seed article with every kind of layer: entities nesting and crossing other spans, a
    /// two-segment quote with its cue and speaker, a pronoun-attributed quote, hedge cues (one in a
    /// quote), uncertain sentences, stance per mention and per article, a claim, a plugin layer,
    /// and findings (one of them empty).
    /// </summary>
    public static AnnotationRecord Seed(string path = "seeds/dialog-of-dictators.txt")
    {
        string text = File.ReadAllText(Path.Combine(TestPaths.Seeds, "dialog-of-dictators.txt"));
        var doc = DocumentFactory.Create(text, new DocumentMetadata
        {
            SourcePath = path, Headline = "Dialog of dictators", Byline = "Brian Whitmore", Url = "https://example.org/dialog",
            Date = "2019-05-20", Claims = ["Belarus will merge with Russia"],
        });
        var lukashenka = Find(text, "Alyaksandr Lukashenka");
        var russia = Find(text, "Russia", from: lukashenka.End);
        int q1Line = text.IndexOf("“Lukashenko periodically", StringComparison.Ordinal);
        var q1a = TextSpan.FromBounds(Find(text, "“Lukashenko periodically", from: q1Line).Start, Find(text, "agreements,”", from: q1Line).End);
        var sivitsky = Find(text, "Sivitsky", from: q1Line);
        var wrote = Find(text, "wrote", from: q1Line);
        var q1b = TextSpan.FromBounds(Find(text, "“This is because", from: q1Line).Start, Find(text, "in Belarus.”", from: q1Line).End);
        var q2 = TextSpan.FromBounds(Find(text, "“The main issue", from: q1b.End).Start, Find(text, "their results.”", from: q1b.End).End);
        var he = Find(text, "He added", from: q1b.End);
        var couldBe = Find(text, "could be imminent");
        var appeared = Find(text, "appeared to be");
        var primarily = Find(text, "primarily", from: q1b.Start);
        int firstSentenceEnd = text.IndexOf("Putin.", lukashenka.End, StringComparison.Ordinal) + "Putin.".Length;
        var firstSentence = TextSpan.FromBounds(text.LastIndexOf('\n', lukashenka.Start) + 1, firstSentenceEnd);
        // "In the run-up to the meeting, ... could be imminent." opens its paragraph.
        var uncertainSentence = TextSpan.FromBounds(text.LastIndexOf('\n', couldBe.Start) + 1, text.IndexOf('.', couldBe.End) + 1);

        doc = doc
            .WithLayer(Layers.Entities,
            [
                Entity("e1", lukashenka, "PER", "c1", "Alyaksandr Lukashenka"),
                Entity("e2", Find(text, "Vladimir Putin"), "PER", "c2", "Vladimir Putin"),
                Entity("e3", russia, "LOC", "c3", "Russia"),
                Entity("e4", Find(text, "Kommersant"), "ORG", "c4", "Kommersant"),
                Entity("e5", Find(text, "Russia’s Federal Security Service"), "ORG", "c5", "Federal Security Service"),
                Entity("e6", Find(text, "Russia", from: Find(text, "Russia’s Federal Security Service").Start), "LOC", "c3", "Russia"),
                Entity("e7", sivitsky, "PER", "c6", "Sivitsky"),
            ])
            .WithLayer(Layers.Quotes,
            [
                new Quote { Id = "q1", Span = q1a.Union(q1b), Kind = QuoteKind.Direct, Content = [q1a, q1b], Cue = wrote, Confidence = 0.95, Provenance = By },
                new Quote { Id = "q2", Span = q2, Kind = QuoteKind.Direct, Content = [q2], Cue = Find(text, "added", from: he.Start), Provenance = By },
            ])
            .WithLayer(Layers.Attributions,
            [
                new Attribution { Id = "a1", Span = sivitsky, QuoteId = "q1", SpeakerKind = SpeakerKind.Named, SpeakerText = "Sivitsky", ClusterId = "c6", CanonicalName = "Sivitsky", Provenance = By },
                new Attribution { Id = "a2", Span = Find(text, "He", from: he.Start), QuoteId = "q2", SpeakerKind = SpeakerKind.Pronoun, SpeakerText = "He", ClusterId = "c6", CanonicalName = "Sivitsky", Provenance = By },
            ])
            .WithLayer(Layers.HedgeCues,
            [
                new HedgeCue { Id = "h1", Span = couldBe with { Length = "could be".Length }, Type = HedgeType.Epistemic, HolderName = "author", Provenance = By },
                new HedgeCue { Id = "h2", Span = appeared, Type = HedgeType.Epistemic, HolderName = "author", Provenance = By },
                new HedgeCue { Id = "h3", Span = primarily, Type = HedgeType.Weasel, Holder = HolderKind.Speaker, QuoteId = "q1", HolderClusterId = "c6", HolderName = "Sivitsky", Provenance = By },
            ])
            .WithLayer(Layers.Uncertainty,
            [
                new SentenceUncertainty { Id = "u1", Span = uncertainSentence, Uncertain = true, CueIds = ["h1"], Confidence = 0.8 },
                new SentenceUncertainty { Id = "u2", Span = firstSentence, Uncertain = false, Confidence = 0.9 },
            ])
            .WithLayer(Layers.Stance,
            [
                new EntityStance { Id = "s1", Span = firstSentence, ClusterId = "c1", CanonicalName = "Alyaksandr Lukashenka", Scope = StanceScope.Mention, Label = StanceLabel.Negative, MentionId = "e1", Scores = [0.7, 0.2, 0.1], Evidence = [Find(text, "increasingly empty")] },
                new EntityStance { Id = "s2", Span = firstSentence, ClusterId = "c2", CanonicalName = "Vladimir Putin", Scope = StanceScope.Mention, Label = StanceLabel.Neutral, MentionId = "e2", Scores = [0.2, 0.6, 0.2] },
                new EntityStance { Id = "s3", Span = doc.FullSpan, ClusterId = "c1", CanonicalName = "Alyaksandr Lukashenka", Scope = StanceScope.Article, Label = StanceLabel.Negative, Scores = [0.6, 0.3, 0.1] },
            ])
            .WithLayer(Layers.ClaimStance,
            [
                new ClaimStance { Id = "c1", Span = doc.FullSpan, Claim = "Belarus will merge with Russia", Label = ClaimStanceLabel.Discuss, Scores = [0.1, 0.1, 0.7, 0.1] },
            ])
            .WithLayer(new LayerKey<LabeledSpan>("events", "v"),
            [
                // Starts inside e1 and ends with e3: crosses one entity and contains another.
                new LabeledSpan { Id = "v1", Span = TextSpan.FromBounds(Find(text, "Lukashenka is heading").Start, russia.End), Label = "travel", Properties = ImmutableDictionary<string, string>.Empty.Add("kind", "visit") },
            ]);

        var lines = new LineMap(text);
        RecordFinding Finding(string rule, TextSpan span, string message, Severity severity, params string[] ids)
        {
            var (line, column) = lines.Locate(span.Start);
            return new RecordFinding(new Finding { RuleId = rule, Span = span, Message = message, Severity = severity, AnnotationIds = [.. ids] }, "fixture") { Line = line, Column = column };
        }
        return new AnnotationRecord
        {
            Id = doc.Id, Path = path, Status = DocumentStatus.Ok, Document = doc,
            Findings =
            [
                Finding("HDG001", appeared, "Hedged claim by the author: 'appeared to be'", Severity.Warning, "h2"),
                Finding("QTE002", Find(text, "unidentified officials"), "Anonymous source: 'unidentified officials'", Severity.Suggestion),
                Finding("ENT001", new TextSpan(russia.End, 0), "Empty-span finding", Severity.Error),
            ],
        };
    }

    /// <summary>A record whose text, metadata, labels, messages and path hold HTML that must show as text.</summary>
    public static AnnotationRecord WithMarkup()
    {
        const string text = "Breaking <script>window.__pwned = 1;</script> news & <b>bold</b> \"quoted\", with a comma\n"
                          + "and <img src=x onerror=\"window.__pwned = 2\"> in a second line.";
        var doc = DocumentFactory.Create(text, new DocumentMetadata
        {
            Headline = "<script>window.__pwned = 3</script>",
            Byline = "\"><script>window.__pwned = 4</script>",
            Url = "javascript:window.__pwned = 5",
            Extra = ImmutableDictionary<string, string>.Empty.Add("<i>key</i>", "<svg onload=\"window.__pwned = 6\">"),
        });
        doc = doc
            .WithLayer(Layers.Entities, [Entity("e1", Find(text, "<script>window.__pwned = 1;</script>"), "MISC", "c1", "<script>window.__pwned = 7</script>")])
            .WithLayer(new LayerKey<LabeledSpan>("markup <b>", "m"),
                [new LabeledSpan { Id = "m1\"><script>", Span = Find(text, "<img src=x onerror=\"window.__pwned = 2\">"), Label = "<img src=x onerror=\"window.__pwned = 8\">" }]);
        return new AnnotationRecord
        {
            Id = doc.Id, Path = "in/<script>window.__pwned = 9</script>.txt", Status = DocumentStatus.Partial,
            Reason = "<b>one analyzer failed</b>", Document = doc,
            Findings = [new RecordFinding(new Finding { RuleId = "X<1>", Span = Find(text, "news"), Message = "<script>window.__pwned = 10</script>" }, "a<b>") { Line = 1, Column = 47 }],
            Failures = [new FailureRecord("PL0001", "stance", "threw <script>window.__pwned = 11</script>") { PluginVersion = "1.0", Exception = "System.Exception" }],
        };
    }

    /// <summary>A record for an input that could not be read: no text, a status and a reason.</summary>
    public static AnnotationRecord Rejected(string path) =>
        new() { Id = DocumentFactory.ContentHash(path), Path = path, Status = DocumentStatus.Rejected, Reason = "binary file" };

    /// <summary>
    /// Five lines: a good record, a truncated record (line 2), a good record, a record without text
    /// (line 4) and a record whose finding ids are numbers (line 5).
    /// </summary>
    public static string WriteWithBadLines(string dir)
    {
        var file = Path.Combine(dir, "annotations.jsonl");
        var good = Encoding.UTF8.GetString(AnnotationRecordWriter.ToLine(Seed("a.txt")));
        var truncated = good[..(good.Length / 2)] + "\n";
        var other = Encoding.UTF8.GetString(AnnotationRecordWriter.ToLine(WithMarkup()));
        const string noText = "{\"schema\":\"pipeline.annotations/1\",\"id\":\"x\",\"path\":\"b.txt\",\"status\":\"ok\"}\n";
        const string badIds = "{\"schema\":\"pipeline.annotations/1\",\"id\":\"y\",\"path\":\"c.txt\",\"status\":\"ok\",\"text\":\"Hi.\",\"layers\":{},"
                            + "\"findings\":[{\"ruleId\":\"R1\",\"start\":0,\"end\":2,\"message\":\"m\",\"annotationIds\":[1,2]}],\"failures\":[]}\n";
        File.WriteAllText(file, good + truncated + other + noText + badIds, new UTF8Encoding(false));
        return file;
    }
}
