using System.Collections.Immutable;
using Pipeline.Sdk;

namespace Pipeline.Learning.Gold;

/// <summary>
/// CoNLL-U treebanks (Universal Dependencies): gold tokens, sentences, paragraphs ("# newpar")
/// and documents ("# newdoc"; without them every sentence is a document). The text is rebuilt
/// from the tokens with their SpaceAfter=No marks. A multi-word token ("don't") becomes its
/// syntactic words ("do", "n't") when they spell it, else one token.
/// </summary>
public sealed class ConlluReader : IGoldReader
{
    public string Format => "conllu";
    public string Description => "CoNLL-U (Universal Dependencies): tokens, sentences, # newpar, # newdoc";
    public ImmutableArray<LayerKey> Layers => [];

    public bool Recognizes(string path, string firstLine) =>
        Path.GetExtension(path).Equals(".conllu", StringComparison.OrdinalIgnoreCase);

    private sealed record Word(string Form, bool SpaceAfter);

    public IEnumerable<Document> Read(string path, GoldReadOptions options, Action<string> onError)
    {
        bool documentsMarked = File.ReadLines(path).TakeWhile(l => l.StartsWith('#')).Any(IsNewDoc);
        var builder = new GoldDocumentBuilder();
        var words = new List<Word>();
        (int First, int Last, string Form, bool SpaceAfter)? multiword = null;
        bool broken = false, spaceBefore = true;
        int line = 0, docLine = 1;
        string? docId = null;

        Document Flush()
        {
            var doc = builder.Build(new DocumentMetadata { SourcePath = $"{path}:{docLine}", ExternalId = docId });
            builder = new GoldDocumentBuilder();
            return doc;
        }

        foreach (var raw in File.ReadLines(path).Append(""))
        {
            line++;
            if (raw.StartsWith('#'))
            {
                if (IsNewDoc(raw))
                {
                    if (!builder.IsEmpty) yield return Flush();
                    docLine = line;
                    docId = raw.Split('=', 2) is [_, var value] ? value.Trim() : null;
                }
                else if (raw.StartsWith("# newpar", StringComparison.Ordinal)) builder.EndParagraph();
                continue;
            }
            if (string.IsNullOrWhiteSpace(raw))
            {
                if (words.Count > 0 && !broken)
                {
                    foreach (var w in words) { builder.AddToken(w.Form, spaceBefore); spaceBefore = w.SpaceAfter; }
                    builder.EndSentence();
                    spaceBefore = true;
                }
                words.Clear();
                multiword = null;
                broken = false;
                if (!documentsMarked && !builder.IsEmpty) { yield return Flush(); docLine = line + 1; }
                continue;
            }
            if (broken) continue;
            var c = raw.Split('\t');
            if (c.Length != 10)
            {
                onError($"{path}:{line}: expected 10 tab-separated columns, found {c.Length}; sentence skipped");
                broken = true;
                continue;
            }
            bool spaceAfter = !c[9].Split('|').Contains("SpaceAfter=No");
            int dash = c[0].IndexOf('-');
            if (dash > 0 && int.TryParse(c[0][..dash], out int first) && int.TryParse(c[0][(dash + 1)..], out int last) && last >= first)
            {
                multiword = (first, last, c[1], spaceAfter);
                continue;
            }
            if (c[0].Contains('.')) continue; // empty nodes of enhanced dependencies have no surface form
            if (!int.TryParse(c[0], out int id) || c[1].Length == 0)
            {
                onError($"{path}:{line}: invalid word id \"{c[0]}\" or empty form; sentence skipped");
                broken = true;
                continue;
            }
            words.Add(new Word(c[1], spaceAfter));
            if (multiword is { } mw && id == mw.Last)
            {
                // Keep the range's words if they spell the surface token, else the surface token itself.
                int count = Math.Min(mw.Last - mw.First + 1, words.Count);
                var parts = words.GetRange(words.Count - count, count);
                words.RemoveRange(words.Count - count, count);
                if (string.Concat(parts.Select(p => p.Form)) == mw.Form)
                    words.AddRange(parts.Select((p, i) => new Word(p.Form, i == count - 1 ? mw.SpaceAfter : false)));
                else words.Add(new Word(mw.Form, mw.SpaceAfter));
                multiword = null;
            }
        }
        if (!builder.IsEmpty) yield return Flush();
    }

    private static bool IsNewDoc(string line) => line.StartsWith("# newdoc", StringComparison.Ordinal);
}
