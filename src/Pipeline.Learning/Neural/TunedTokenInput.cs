using Pipeline.Learning.Encoders;
using Pipeline.Sdk;

namespace Pipeline.Learning.Neural;

/// <summary>
/// What a <see cref="TunedTokenClassifier"/> reads for one text: its states from the encoder given
/// (below the tuned layers in training; their output, from <see cref="TunedTokenClassifier.CreateOnnxEncoder"/>,
/// at run time) and, for each token it classifies, the position of the token's first word piece in them.
/// </summary>
/// <param name="Tokens">The caller's ids of the tokens classified (those the encoder's window reached).</param>
public sealed record TunedTokenInput(float[] States, int[] Tokens, int[] Positions)
{
    public static readonly TunedTokenInput Empty = new([], [], []);

    /// <summary>Encodes <paramref name="text"/> and finds the first piece of each candidate token.</summary>
    /// <param name="candidates">Token ids with their spans in <paramref name="text"/>, in text order; none: the text is not encoded.</param>
    public static TunedTokenInput Encode(MiniLmEncoder encoder, string text, IReadOnlyList<(int Token, TextSpan Span)> candidates)
    {
        if (candidates.Count == 0) return Empty;
        var (pieces, states) = encoder.SequenceStates(text);
        return Locate(pieces, states, candidates);
    }

    /// <summary>The input from a text's pieces and states (from any layer), finding the first piece of each candidate token.</summary>
    /// <param name="candidates">Token ids with their spans in the text, in text order.</param>
    public static TunedTokenInput Locate(IReadOnlyList<WordPiece> pieces, float[] states, IReadOnlyList<(int Token, TextSpan Span)> candidates)
    {
        var tokens = new List<int>(candidates.Count);
        var positions = new List<int>(candidates.Count);
        int p = 0;
        foreach (var (token, span) in candidates)
        {
            while (p < pieces.Count && pieces[p].End <= span.Start) p++;
            if (p >= pieces.Count) break; // the rest of the text did not fit in the encoder's window
            if (pieces[p].Start >= span.End) continue; // no piece for this token
            tokens.Add(token);
            positions.Add(p + 1); // [CLS] is position 0
        }
        return new TunedTokenInput(states, [.. tokens], [.. positions]);
    }
}
