namespace Pipeline.Analyzers.Stance.Claims;

/// <summary>A unit-length TF-IDF vector of a text's words.</summary>
public sealed class TermVector
{
    public static readonly TermVector Empty = new([]);
    private readonly Dictionary<string, float> _weights;

    private TermVector(Dictionary<string, float> weights) => _weights = weights;

    public static TermVector Of(IEnumerable<string> words, IdfTable idf)
    {
        var weights = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var w in words) weights[w] = weights.GetValueOrDefault(w) + 1f;
        double norm = 0;
        foreach (var (w, tf) in weights)
        {
            float x = tf * idf.Weight(w);
            weights[w] = x;
            norm += x * x;
        }
        if (norm > 0)
        {
            float scale = (float)(1 / Math.Sqrt(norm));
            foreach (var w in weights.Keys) weights[w] *= scale;
        }
        return new TermVector(weights);
    }

    public float Cosine(TermVector other)
    {
        var (small, large) = _weights.Count <= other._weights.Count ? (_weights, other._weights) : (other._weights, _weights);
        float sum = 0;
        foreach (var (w, x) in small)
            if (large.TryGetValue(w, out float y)) sum += x * y;
        return sum;
    }
}
