namespace Pipeline.Analyzers.Quotes.Learning;

/// <summary>A multiclass classifier over hashed features, giving class probabilities.</summary>
internal interface ITokenClassifier
{
    /// <summary>A buffer for this classifier's features, with its closed-set tables and this thread's form cache; not for other threads.</summary>
    FeatureBuffer CreateBuffer();

    /// <summary>Writes one probability per class (B-I-O order of <see cref="Bio"/>) for the features in the buffer.</summary>
    void Probabilities(FeatureBuffer features, Span<float> probabilities);

    /// <summary>
    /// True when the features certainly give B a score more than <paramref name="logOdds"/> below
    /// O's (so P(B) is below the logistic of it), found without scoring them all; false when that
    /// cannot be told cheaply.
    /// </summary>
    bool CannotBegin(FeatureBuffer features, float logOdds);
}
