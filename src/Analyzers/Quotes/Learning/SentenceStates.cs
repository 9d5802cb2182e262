using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Learning.Encoders;
using Pipeline.Learning.Neural;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Quotes.Learning;

/// <summary>
/// One document's sentences as the encoder below the tuned layers reads them (word pieces and
/// states), each encoded once when a tuned tagger first asks: the cue, content and source taggers
/// read the same frozen layers, so only their own tuned layers run per tagger. Not thread-safe
/// (one document, one thread).
/// </summary>
internal sealed class SentenceStates(TokenView v)
{
    private readonly Dictionary<(string Encoder, int Sentence), (IReadOnlyList<WordPiece> Pieces, float[] States)> _encoded = [];

    /// <summary>The pieces of sentence <paramref name="s"/> and their states from <paramref name="below"/> ([CLS] and [SEP] included).</summary>
    public (IReadOnlyList<WordPiece> Pieces, float[] States) Below(MiniLmEncoder below, int s)
    {
        if (!_encoded.TryGetValue((below.ModelId, s), out var encoded))
            _encoded[(below.ModelId, s)] = encoded = below.SequenceStates(v.Doc.GetString(v.Doc.Sentences[s].Span));
        return encoded;
    }

    /// <summary>
    /// The top tuned layer's states of sentence <paramref name="s"/> from <paramref name="tuned"/>
    /// (a classifier's <see cref="TunedTokenClassifier.CreateOnnxEncoder"/>), with the positions of
    /// the candidates' first pieces; nothing is encoded when there are no candidates.
    /// </summary>
    public TunedTokenInput Above(MiniLmEncoder below, MiniLmEncoder tuned, int s, IReadOnlyList<(int Token, TextSpan Span)> candidates)
    {
        if (candidates.Count == 0) return TunedTokenInput.Empty;
        var (pieces, states) = Below(below, s);
        return TunedTokenInput.Locate(pieces, tuned.StatesAbove(pieces, states), candidates);
    }
}
