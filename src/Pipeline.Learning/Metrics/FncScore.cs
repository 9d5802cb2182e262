using Pipeline.Sdk;

namespace Pipeline.Learning.Metrics;

/// <summary>
/// The FNC-1 weighted score, as the official scorer computes it: 0.25 for a correct
/// related/unrelated decision, and when the gold stance is related (agree, disagree, discuss)
/// 0.75 more for the correct one of the three. Reported relative to the best possible score.
/// </summary>
public sealed class FncScore
{
    public double Score { get; private set; }
    public double MaxScore { get; private set; }
    /// <summary>Score / best possible score (a fraction; FNC-1 reports it as a percentage).</summary>
    public double Relative => MaxScore > 0 ? Score / MaxScore : 0;

    public void Add(ClaimStanceLabel gold, ClaimStanceLabel? predicted)
    {
        bool goldRelated = gold != ClaimStanceLabel.Unrelated;
        MaxScore += goldRelated ? 1.0 : 0.25;
        if (predicted is not { } p) return;
        if (goldRelated == (p != ClaimStanceLabel.Unrelated)) Score += 0.25;
        if (goldRelated && p == gold) Score += 0.75;
    }
}
