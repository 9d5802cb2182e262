namespace Pipeline.Learning.Linear;

/// <summary>
/// One training example of a linear model: its class index, its hashed feature indices
/// (duplicates add up), optional values for those features (1 when absent) and an optional
/// dense part (e.g. a 384-d encoder vector) of length <see cref="LinearTrainerOptions.DenseDimension"/>.
/// </summary>
public sealed record LinearExample(int Label, int[] Features)
{
    /// <summary>One value per entry of <see cref="Features"/>; null means every value is 1.</summary>
    public float[]? Values { get; init; }
    public float[]? Dense { get; init; }
    /// <summary>Example weight (e.g. to balance classes).</summary>
    public float Weight { get; init; } = 1f;
}
