using Pipeline.Analyzers.Hedging.Lexicon;
using Pipeline.Learning;
using Pipeline.Learning.Linear;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Hedging.Ml;

/// <summary>
/// The ML tier: tags each token cue or not (with a type) and joins adjacent cue tokens of one type
/// into a cue. Where the tagger found no cue, lexicon cues fill in (<see cref="LexiconFill"/>): the
/// weasels, which the corpora do not label, and by default every entry, for the news hedges the
/// tagger rarely saw in training ("obscure", "claims", "it remained unclear"). A model trained with
/// an encoder also reads the encoder state of each candidate cue token (<see cref="CueContextEncoder"/>).
/// An ensemble's members each read the tokens with their own features and lexicon; their
/// probabilities are averaged with the members' weights and decided at the first member's threshold.
/// </summary>
public sealed class MlCueDetector : ICueDetector
{
    public const string Method = "tagger";

    /// <summary>The first member: its labels, threshold and lexicon (for the fill) are the detector's.</summary>
    private readonly CueTaggerModel _model;
    private readonly (CueTaggerModel Model, float Weight)[] _members;
    private readonly LexiconFill _fill;
    private readonly CueContextEncoder? _contextEncoder;

    public MlCueDetector(CueTaggerModel model, LexiconFill fill, CueContextEncoder? contextEncoder = null)
        : this([(model, 1f)], model.ModelId, fill, contextEncoder) { }

    /// <exception cref="InvalidModelException">The members' labels differ, or a member of several reads an encoder.</exception>
    public MlCueDetector(IReadOnlyList<(CueTaggerModel Model, float Weight)> members, string modelId, LexiconFill fill, CueContextEncoder? contextEncoder = null)
    {
        _members = [.. members];
        _model = _members[0].Model;
        foreach (var (member, _) in _members)
        {
            if (!member.Linear.Labels.SequenceEqual(_model.Linear.Labels))
                throw new InvalidModelException(modelId, $"member {member.ModelId} has labels {string.Join(",", member.Linear.Labels)}, not {string.Join(",", _model.Linear.Labels)}");
            if (_members.Length > 1 && member.Encoder is not null)
                throw new InvalidModelException(modelId, $"member {member.ModelId} reads an encoder; ensemble members read none");
        }
        ModelId = modelId;
        _fill = fill;
        _contextEncoder = contextEncoder;
        if (_members.All(m => m.Model.Linear.DenseDimension == 0 && m.Weight >= 0))
            _leadBounds = Array.ConvertAll(_members, m => MarginBound.OfBestOver(m.Model.Linear, 0));
    }

    /// <summary>Per member, a bound on the best cue class's lead over "no cue"; null when a member reads dense features.</summary>
    private MarginBound[]? _leadBounds;

    /// <summary>Scores every token, passing over none (to check that passing over changes nothing).</summary>
    internal bool ScoresEveryToken { init { if (value) _leadBounds = null; } }

    public string ModelId { get; }

    public void Detect(Document doc, List<CueSpan> cues)
    {
        var model = _model;
        var table = new TokenTable(doc, model.Lexicon);
        var memberTables = Array.ConvertAll(_members, m => m.Model == model ? table : new TokenTable(doc, m.Model.Lexicon));
        int k = model.Classes;
        var features = new int[_members.Length][];
        for (int m = 0; m < features.Length; m++) features[m] = new int[CueFeatures.MaxPerToken];
        Span<int> counts = stackalloc int[_members.Length];
        Span<float> p = stackalloc float[k];
        Span<float> memberP = stackalloc float[k];
        double threshold = model.CueThreshold;
        foreach (var sentence in doc.Sentences)
        {
            var vectors = _contextEncoder?.Encode(table, sentence);
            int open = -1;
            HedgeType openType = default;
            double openScore = 0;
            for (int i = sentence.FirstToken; i <= sentence.EndToken; i++)
            {
                int label = 0;
                float cueProbability = 0;
                if (i < sentence.EndToken)
                {
                    for (int m = 0; m < _members.Length; m++) counts[m] = _members[m].Model.Features.Extract(memberTables[m], sentence, i, features[m]);
                    // Most tokens are no cue: one whose cue probability certainly stays below the threshold is not scored.
                    if (!CannotReach(threshold, features, counts))
                    {
                        if (_members.Length == 1)
                        {
                            var dense = vectors is not null && model.Features.IsCandidate(table, i) ? vectors[i - sentence.FirstToken] : default;
                            model.Linear.Predict(features[0].AsSpan(0, counts[0]), default, dense, p);
                        }
                        else AverageMembers(features, counts, p, memberP);
                        cueProbability = 1 - p[0];
                        if (cueProbability >= threshold)
                        {
                            label = 1;
                            for (int c = 2; c < k; c++) if (p[c] > p[label]) label = c;
                        }
                    }
                }
                var type = label > 0 ? model.Types[label - 1] : default;
                if (open >= 0 && (label == 0 || type != openType))
                {
                    // The lexicon's exceptions win over the tagger, as over the lexicon's cues: "think tank", "as soon as possible".
                    if (table.LexiconTags[open] != LexiconTagger.Exception) cues.Add(new CueSpan(open, i, openType, openScore / (i - open), Method));
                    open = -1;
                }
                if (label > 0)
                {
                    if (open < 0) { open = i; openType = type; openScore = 0; }
                    openScore += cueProbability;
                }
            }
            if (_fill != LexiconFill.None) AddLexiconCues(table, sentence, cues);
        }
    }

    private void AverageMembers(int[][] features, ReadOnlySpan<int> counts, Span<float> p, Span<float> memberP)
    {
        p.Clear();
        for (int m = 0; m < _members.Length; m++)
        {
            var (member, weight) = _members[m];
            member.Linear.Predict(features[m].AsSpan(0, counts[m]), default, default, memberP);
            for (int c = 0; c < p.Length; c++) p[c] += weight * memberP[c];
        }
    }

    /// <summary>
    /// Whether the token's cue probability (1 − the weighted P(no cue)) is certainly below the
    /// threshold. A member whose best cue class leads "no cue" by at most L has
    /// P(no cue) ≥ 1 / (1 + (classes − 1)·e^L).
    /// </summary>
    private bool CannotReach(double threshold, int[][] features, ReadOnlySpan<int> counts)
    {
        if (_leadBounds is null) return false;
        double noCue = 0;
        for (int m = 0; m < _members.Length; m++)
        {
            float lead = _leadBounds[m].UpperBound(features[m].AsSpan(0, counts[m]), 0);
            double others = (_members[m].Model.Classes - 1) * Math.Exp(Math.Min(lead, 50));
            noCue += _members[m].Weight / (1 + others);
        }
        // A margin for the rounding of the full score.
        return 1 - noCue < threshold - 1e-4;
    }

    private void AddLexiconCues(TokenTable table, in Sentence sentence, List<CueSpan> cues)
    {
        int sentenceStart = cues.Count;
        while (sentenceStart > 0 && cues[sentenceStart - 1].End > sentence.FirstToken) sentenceStart--;
        int tagged = cues.Count;
        var tags = table.LexiconTags;
        for (int i = sentence.FirstToken; i < sentence.EndToken; i++)
        {
            if (!LexiconTagger.TryReadCueTag(tags[i], out var type, out bool begins) || !begins) continue;
            if (_fill == LexiconFill.Weasel && type != HedgeType.Weasel) continue;
            int end = i + 1;
            while (end < sentence.EndToken && tags[end] == LexiconTagger.CueTag(type, false)) end++;
            bool overlaps = false;
            for (int c = sentenceStart; c < tagged; c++)
                if (cues[c].First < end && i < cues[c].End) { overlaps = true; break; }
            if (!overlaps) cues.Add(new CueSpan(i, end, type, 1.0, LexiconCueDetector.Method));
        }
        if (cues.Count > tagged)
            cues.Sort(sentenceStart, cues.Count - sentenceStart, Comparer<CueSpan>.Create((a, b) => a.First.CompareTo(b.First)));
    }
}
