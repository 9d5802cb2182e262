using System.Collections.Immutable;
using Pipeline.Analyzers.Stance.Lexicon;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Stance.Targets;

public enum ItemKind : byte { Word, Target, Person }

/// <summary>A token of a sentence, or a whole entity mention collapsed into one placeholder item.</summary>
public readonly record struct SentenceItem(string Text, ItemKind Kind, int FirstToken, int LastToken, bool InQuotation);

/// <summary>
/// A sentence seen from one target: its tokens in order, with the target's mentions and every
/// other person mention collapsed to one item each ("&lt;T&gt;", "&lt;PER&gt;"), so that n-grams read
/// "&lt;T&gt; slammed &lt;PER&gt;" whoever the people are. Other names (organisations, places) stay
/// words: the training data (NewsMTSC) marks people only, so a model has never seen them
/// collapsed. Reused across sites (not thread-safe).
/// </summary>
public sealed class SentenceItems
{
    public const string TargetText = "<T>", PersonText = "<PER>", NumberText = "<NUM>";

    private readonly List<SentenceItem> _items = [];
    private readonly List<int> _targets = [];

    public IReadOnlyList<SentenceItem> Items => _items;
    /// <summary>Indices of the target items, ascending.</summary>
    public IReadOnlyList<int> Targets => _targets;
    public int Count => _items.Count;
    public SentenceItem this[int i] => _items[i];

    /// <param name="entities">The document's entity mentions sorted by span (the target's among them).</param>
    public void Build(Document doc, TargetSite site, ImmutableArray<EntityMention> entities)
    {
        _items.Clear();
        _targets.Clear();
        var sentence = doc.Sentences[site.Sentence];
        int e = FirstEndingAfter(entities, sentence.Span.Start);
        for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            var token = doc.Tokens[t];
            while (e < entities.Length && entities[e].Span.End <= token.Span.Start) e++;
            if (e < entities.Length && entities[e].Span.Start < token.Span.End)
            {
                var mention = entities[e];
                bool target = mention.ClusterId == site.ClusterId && (mention.Type is EntityTypes.Person or EntityTypes.Organization);
                if (target || mention.Type == EntityTypes.Person)
                {
                    int last = t;
                    while (last + 1 < sentence.EndToken && doc.Tokens[last + 1].Span.Start < mention.Span.End) last++;
                    if (target) _targets.Add(_items.Count);
                    _items.Add(target
                        ? new SentenceItem(TargetText, ItemKind.Target, t, last, token.Has(TokenFlags.InQuotation))
                        : new SentenceItem(PersonText, ItemKind.Person, t, last, token.Has(TokenFlags.InQuotation)));
                    t = last;
                    e++;
                    continue;
                }
            }
            string text = token.Kind == TokenKind.Number ? NumberText : StanceLexicon.Normalize(doc.TokenLower(t));
            _items.Add(new SentenceItem(text, ItemKind.Word, t, t, token.Has(TokenFlags.InQuotation)));
        }
    }

    /// <summary>Distance in items from <paramref name="i"/> to the nearest target item (0 for a target item).</summary>
    public int Distance(int i)
    {
        int best = int.MaxValue;
        foreach (int t in _targets) best = Math.Min(best, Math.Abs(i - t));
        return best == int.MaxValue ? Count : best;
    }

    /// <summary>-1 before the first target, 1 after the last, 0 between targets (or on one).</summary>
    public int Side(int i) => _targets.Count == 0 ? 0 : i < _targets[0] ? -1 : i > _targets[^1] ? 1 : 0;

    private static int FirstEndingAfter(ImmutableArray<EntityMention> entities, int position)
    {
        int lo = 0, hi = entities.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (entities[mid].Span.End <= position) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
