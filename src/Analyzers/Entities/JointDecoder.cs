using Pipeline.Sdk;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// Decodes a document with the models of an ensemble at once: each tags its own first pass and
/// scores its second pass; then, left to right, each token takes the label of highest weighted
/// mean second-pass probability given the labels chosen so far (BILOU transitions enforced, as
/// every member gives a forbidden label probability 0). The labels are set on the first tagger.
/// Holds per-document buffers: one instance serves one thread at a time.
/// </summary>
internal sealed class JointDecoder
{
    private readonly EntityTagger[] _taggers;
    private readonly float[] _weights;
    private readonly float[] _mean = new float[EntityLabels.Count];
    private readonly float[] _member = new float[EntityLabels.Count];
    private byte[] _labels = [];
    private float[] _chosen = [];

    public JointDecoder(IReadOnlyList<EnsembleMember> members)
    {
        _taggers = members.Select(m => new EntityTagger(m.Model)).ToArray();
        _weights = members.Select(m => m.Weight).ToArray();
    }

    /// <summary>The tagger holding the joint labels (for <see cref="EntityTagger.Mentions"/>).</summary>
    public EntityTagger Result => _taggers[0];

    /// <param name="wordVectors">Per member, one vector per token from the encoder it reads (null for a member that reads none).</param>
    public void Tag(Document document, IReadOnlyList<IReadOnlyList<float[]>?> wordVectors)
    {
        for (int m = 0; m < _taggers.Length; m++)
        {
            _taggers[m].TagFirstPass(document, wordVectors[m]);
            _taggers[m].ScoreSecondPass();
        }
        var tokens = _taggers[0].Tokens;
        int n = tokens.Count;
        if (_labels.Length < n) { _labels = new byte[n * 2]; _chosen = new float[n * 2]; }
        for (int start = 0; start < n; start = tokens.SentenceEnd[start])
        {
            int end = tokens.SentenceEnd[start];
            int previous = LocalFeatures.StartLabel, beforePrevious = LocalFeatures.StartLabel;
            for (int i = start; i < end; i++)
            {
                Array.Clear(_mean);
                for (int m = 0; m < _taggers.Length; m++)
                {
                    _taggers[m].SecondPassProbabilities(i, previous, beforePrevious, i == end - 1, _member);
                    for (int l = 0; l < _mean.Length; l++) _mean[l] += _weights[m] * _member[l];
                }
                int best = 0;
                for (int l = 1; l < _mean.Length; l++) if (_mean[l] > _mean[best]) best = l;
                _labels[i] = (byte)best;
                _chosen[i] = _mean[best];
                beforePrevious = previous;
                previous = best;
            }
        }
        _taggers[0].SetLabels(_labels.AsSpan(0, n), _chosen.AsSpan(0, n));
    }
}
