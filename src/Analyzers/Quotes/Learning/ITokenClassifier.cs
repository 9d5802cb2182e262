namespace Pipeline.Analyzers.Quotes.Learning;

/// <summary>A multiclass classifier over hashed features, giving class probabilities.</summary>
internal interface ITokenClassifier
{
    /// <summary>Writes one probability per class (B-I-O order of <see cref="Bio"/>).</summary>
    /// <param name="dense">The token's encoder vector when the classifier reads one, else empty.</param>
    void Probabilities(ReadOnlySpan<int> features, ReadOnlySpan<float> dense, Span<float> probabilities);
}
