using System.Collections.Immutable;
using Pipeline.Sdk;

namespace Pipeline.Learning.Gold;

/// <summary>
/// CoNLL named-entity files: one "token&lt;TAB&gt;tag" per line (or whitespace-separated columns,
/// token first and tag last, as in the original CoNLL-2003 files), a blank line between
/// sentences. IOB1, IOB2, IOBES and BILOU tags are accepted. When the file has "-DOCSTART-"
/// lines, each starts a document; otherwise every sentence is a document.
/// Gold tokens are kept: the text is the tokens joined by single spaces, one line per sentence.
/// Each entity mention is its own cluster.
/// </summary>
public sealed class ConllReader : IGoldReader
{
    public string Format => "conll";
    public string Description => "CoNLL BIO: token<TAB>tag lines, blank line between sentences, -DOCSTART- between documents";
    public ImmutableArray<LayerKey> Layers => [Sdk.Layers.Entities];

    public bool Recognizes(string path, string firstLine) =>
        Path.GetExtension(path).ToLowerInvariant() is ".bio" or ".conll" or ".iob" or ".iob2" or ".bilou"
        || firstLine.StartsWith("-DOCSTART-", StringComparison.Ordinal)
        || (Path.GetExtension(path).ToLowerInvariant() is ".txt" or ".tsv" && firstLine.Split('\t').Length == 2);

    public IEnumerable<Document> Read(string path, GoldReadOptions options, Action<string> onError)
    {
        bool documentsMarked = File.ReadLines(path).Any(l => l.StartsWith("-DOCSTART-", StringComparison.Ordinal));
        var doc = new DocumentState(path);
        var sentence = new List<(string Token, string Tag)>();
        bool sentenceBroken = false;
        int line = 0;
        foreach (var raw in File.ReadLines(path).Append(""))
        {
            line++;
            if (string.IsNullOrWhiteSpace(raw))
            {
                if (sentence.Count > 0 && !sentenceBroken) doc.AddSentence(sentence);
                sentence.Clear();
                sentenceBroken = false;
                if (!documentsMarked && !doc.IsEmpty) yield return doc.Build(line);
                continue;
            }
            var columns = raw.Contains('\t') ? raw.Split('\t') : raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns[0] == "-DOCSTART-")
            {
                if (sentence.Count > 0 && !sentenceBroken) doc.AddSentence(sentence);
                sentence.Clear();
                sentenceBroken = false;
                if (!doc.IsEmpty) yield return doc.Build(line);
                doc.StartLine = line;
                continue;
            }
            if (doc.IsEmpty && sentence.Count == 0 && !documentsMarked) doc.StartLine = line;
            if (sentenceBroken) continue;
            string? error = columns.Length < 2 ? "expected a token and a tag separated by a tab"
                : columns[0].Length == 0 ? "empty token"
                : TagError(columns[^1].Trim());
            if (error is not null)
            {
                onError($"{path}:{line}: {error}; sentence skipped");
                sentenceBroken = true;
                continue;
            }
            sentence.Add((columns[0], columns[^1].Trim()));
        }
        if (!doc.IsEmpty) yield return doc.Build(line);
    }

    private static string? TagError(string tag)
    {
        try { BioChunks.Parse(tag); return null; }
        catch (FormatException ex) { return ex.Message; }
    }

    /// <summary>The document being read: its builder and entity mentions.</summary>
    private sealed class DocumentState(string path)
    {
        private GoldDocumentBuilder _builder = new("\n");
        private List<EntityMention> _entities = [];
        public int StartLine { get; set; } = 1;
        public bool IsEmpty => _builder.IsEmpty;

        public void AddSentence(List<(string Token, string Tag)> sentence)
        {
            var spans = sentence.Select(t => _builder.AddToken(t.Token)).ToList();
            _builder.EndSentence();
            foreach (var chunk in BioChunks.Decode(sentence.Select(t => t.Tag).ToList()))
            {
                int n = _entities.Count + 1;
                var span = TextSpan.FromBounds(spans[chunk.Start].Start, spans[chunk.End - 1].End);
                _entities.Add(new EntityMention
                {
                    Id = $"e{n}", Span = span, Type = chunk.Type, ClusterId = $"c{n}",
                    CanonicalName = string.Join(' ', sentence.Skip(chunk.Start).Take(chunk.End - chunk.Start).Select(t => t.Token)),
                });
            }
        }

        public Document Build(int line)
        {
            var doc = _builder.Build(new DocumentMetadata { SourcePath = $"{path}:{StartLine}" })
                .WithLayer(Sdk.Layers.Entities, [.. _entities]);
            _builder = new GoldDocumentBuilder("\n");
            _entities = [];
            StartLine = line + 1;
            return doc;
        }
    }
}
