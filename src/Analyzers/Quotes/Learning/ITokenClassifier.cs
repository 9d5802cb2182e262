namespace Pipeline.Analyzers.Quotes.Learning;

/// <summary>A multiclass classifier over hashed features, giving class probabilities.</summary>
internal interface ITokenClassifier
{
    /// <summary>Writes one probability per class (B-I-O order of <see cref="Bio"/>).</summary>
    void Probabilities(ReadOnlySpan<int> features, Span<float> probabilities);
}
