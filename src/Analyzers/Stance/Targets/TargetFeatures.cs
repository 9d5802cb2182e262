using Pipeline.Analyzers.Stance.Lexicon;
using Pipeline.Learning.Linear;

namespace Pipeline.Analyzers.Stance.Targets;

/// <summary>
/// Lexical features of a target in its sentence: the words around it by side and distance, a
/// distance-weighted bag of the sentence's words, n-grams through the target, sentiment words
/// (with negation) relative to the target, and where the target stands (sentence start,
/// possessive, inside a quotation). Sparse features are hashed; <see cref="Summary"/> is a short
/// dense vector of the same cues for tree models.
/// </summary>
public sealed class TargetFeatures(StanceLexicon lexicon, FeatureHasher hasher)
{
    /// <summary>Length of <see cref="Summary"/>'s output.</summary>
    public const int SummaryLength = 18;
    private const int Window = 8, NegationScope = 3;

    private enum Template
    {
        WordAt = 1, WordBag, Bigram, TrigramLeft, TrigramRight, TrigramAround, Polarity, SentimentWord,
        TargetStart, TargetEnd, TargetPossessive, TargetInQuote, TargetCount, SentenceMark, OtherPeople, Negator,
    }

    public FeatureHasher Hasher => hasher;

    /// <summary>Appends the hashed features of the built <paramref name="items"/> and their values.</summary>
    public void Extract(SentenceItems items, List<int> features, List<float> values)
    {
        int n = items.Count;
        if (items.Targets.Count == 0) return;
        int firstTarget = items.Targets[0], lastTarget = items.Targets[^1];
        int people = 0;
        bool question = false, exclamation = false;
        for (int i = 0; i < n; i++)
        {
            var item = items[i];
            if (item.Kind == ItemKind.Target) continue;
            if (item.Kind == ItemKind.Person) people++;
            if (item.Text == "?") question = true;
            if (item.Text == "!") exclamation = true;
            int d = items.Distance(i), side = items.Side(i);
            float weight = DistanceWeight(d);
            Add(features, values, hasher.Hash(Id(Template.WordBag), item.Text), weight);
            if (d <= Window) Add(features, values, hasher.Hash(Id(Template.WordAt, Bucket(side, d)), item.Text), 1f);
            if (item.Kind == ItemKind.Word && lexicon.IsNegator(item.Text) && d <= Window)
                Add(features, values, hasher.Hash(Id(Template.Negator), side + 1), 1f);

            float valence = item.Kind == ItemKind.Word ? lexicon.Valence(item.Text) : 0f;
            if (valence != 0f)
            {
                bool negated = Negated(items, i);
                float signed = negated ? -0.74f * valence : valence; // VADER's negation scalar
                Add(features, values, hasher.Hash(Id(Template.Polarity), Bucket(side, d) * 2 + (signed > 0 ? 1 : 0)), Math.Abs(signed) / 4f);
                Add(features, values, hasher.Hash(Id(Template.SentimentWord), item.Text, negated ? "neg" : "pos"), weight);
            }
        }
        // N-grams over the item sequence within the window, the target collapsed to <T>.
        int from = Math.Max(0, firstTarget - Window), to = Math.Min(n - 1, lastTarget + Window);
        for (int i = from; i < to; i++)
        {
            int side = items.Side(i);
            Add(features, values, hasher.Hash(Id(Template.Bigram, side + 1), items[i].Text, items[i + 1].Text), 1f);
        }
        foreach (int t in items.Targets)
        {
            string l1 = t > 0 ? items[t - 1].Text : "<S>", l2 = t > 1 ? items[t - 2].Text : "<S>";
            string r1 = t + 1 < n ? items[t + 1].Text : "</S>", r2 = t + 2 < n ? items[t + 2].Text : "</S>";
            Add(features, values, hasher.Hash(Id(Template.TrigramLeft), l2, l1), 1f);
            Add(features, values, hasher.Hash(Id(Template.TrigramRight), r1, r2), 1f);
            Add(features, values, hasher.Hash(Id(Template.TrigramAround), l1, r1), 1f);
            if (r1 is "'s" or "'" or "s") Add(features, values, hasher.Hash(Id(Template.TargetPossessive)), 1f);
            if (items[t].InQuotation) Add(features, values, hasher.Hash(Id(Template.TargetInQuote)), 1f);
        }
        if (IsStart(items, firstTarget)) Add(features, values, hasher.Hash(Id(Template.TargetStart)), 1f);
        if (lastTarget >= n - 2) Add(features, values, hasher.Hash(Id(Template.TargetEnd)), 1f);
        Add(features, values, hasher.Hash(Id(Template.TargetCount), Math.Min(items.Targets.Count, 3)), 1f);
        Add(features, values, hasher.Hash(Id(Template.OtherPeople), Math.Min(people, 3)), 1f);
        if (question) Add(features, values, hasher.Hash(Id(Template.SentenceMark), '?'), 1f);
        if (exclamation) Add(features, values, hasher.Hash(Id(Template.SentenceMark), '!'), 1f);
    }

    /// <summary>The sentiment and position cues as a fixed-length vector (for tree models).</summary>
    public void Summary(SentenceItems items, Span<float> output)
    {
        output[..SummaryLength].Clear();
        int n = items.Count;
        if (items.Targets.Count == 0 || n == 0) return;
        int negators = 0, people = 0;
        for (int i = 0; i < n; i++)
        {
            var item = items[i];
            if (item.Kind == ItemKind.Target) continue;
            if (item.Kind == ItemKind.Person) people++;
            int d = items.Distance(i), side = items.Side(i);
            if (item.Kind != ItemKind.Word) continue;
            if (lexicon.IsNegator(item.Text) && d <= Window) negators++;
            float valence = lexicon.Valence(item.Text);
            if (valence == 0f) continue;
            float signed = Negated(items, i) ? -0.74f * valence : valence;
            int slot = (d <= 3 ? 0 : d <= Window ? 4 : 8) + (side < 0 ? 0 : 2) + (signed > 0 ? 1 : 0);
            output[slot] += Math.Abs(signed) / 4f;
            output[12] += signed * DistanceWeight(d) / 4f;
        }
        output[13] = negators;
        output[14] = IsStart(items, items.Targets[0]) ? 1 : 0;
        output[15] = items.Targets.Any(t => items[t].InQuotation) ? 1 : 0;
        output[16] = people;
        output[17] = (float)items.Targets[0] / n;
    }

    /// <summary>A template id with room for 64 variants (side and distance buckets).</summary>
    private static int Id(Template template, int variant = 0) => (int)template * 64 + variant;

    /// <summary>1 next to the target, falling with distance (1/2 at 4 items, 1/3 at 7...).</summary>
    private static float DistanceWeight(int d) => 1f / (1f + (Math.Max(d, 1) - 1) / 3f);

    /// <summary>Side and distance as one small number: distance 1, 2, 3, 4-5, 6-8, farther; before, between or after the target.</summary>
    private static int Bucket(int side, int d)
    {
        int b = d <= 3 ? d : d <= 5 ? 4 : d <= Window ? 5 : 6;
        return (side + 1) * 8 + b;
    }

    /// <summary>A negator within the few items before a sentiment word (not across the target) flips it.</summary>
    private bool Negated(SentenceItems items, int i)
    {
        for (int j = i - 1; j >= Math.Max(0, i - NegationScope); j--)
        {
            if (items[j].Kind == ItemKind.Target) return false;
            if (lexicon.IsNegator(items[j].Text)) return true;
        }
        return false;
    }

    /// <summary>The target opens the sentence (possibly after an opening quote or a title word).</summary>
    private static bool IsStart(SentenceItems items, int first)
    {
        for (int i = 0; i < first; i++)
            if (items[i].Kind == ItemKind.Word && char.IsLetterOrDigit(items[i].Text[0])) return false;
        return true;
    }

    private static void Add(List<int> features, List<float> values, int feature, float value)
    {
        features.Add(feature);
        values.Add(value);
    }
}
