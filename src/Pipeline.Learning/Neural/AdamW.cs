namespace Pipeline.Learning.Neural;

/// <summary>
/// AdamW (Loshchilov and Hutter) over parameters held in several arrays, with the gradients summed
/// from per-thread buffers, a linear warm-up over the first tenth of the steps and a linear decay
/// after it: the schedule BERT fine-tuning uses.
/// </summary>
public sealed class AdamW(int parameterCount)
{
    private const float Beta1 = 0.9f, Beta2 = 0.999f, Epsilon = 1e-8f;
    private readonly float[] _first = new float[parameterCount], _second = new float[parameterCount];

    /// <summary>
    /// A trained array part: <paramref name="Length"/> weights of <paramref name="Array"/> from
    /// <paramref name="Offset"/>, whose gradients start at <paramref name="At"/> in the gradient buffers;
    /// its learning rate is the base rate times <paramref name="RateFactor"/>, and weight decay applies when <paramref name="Decay"/>.
    /// </summary>
    public readonly record struct Segment(float[] Array, int Offset, int Length, int At, float RateFactor, bool Decay);

    /// <summary>The learning-rate multiplier of step <paramref name="step"/> (1-based) of <paramref name="steps"/>.</summary>
    public static float Schedule(int step, int steps)
    {
        int warmup = Math.Max(1, steps / 10);
        return step <= warmup ? step / (float)warmup : Math.Max(0f, (steps - step) / (float)Math.Max(1, steps - warmup));
    }

    /// <summary>One update from the gradients summed over <paramref name="gradients"/> and averaged over <paramref name="batch"/> examples.</summary>
    public void Step(IReadOnlyList<Segment> segments, float[][] gradients, int batch, int step, int steps, float learningRate, float weightDecay)
    {
        float schedule = Schedule(step, steps);
        float c1 = 1 - MathF.Pow(Beta1, step), c2 = 1 - MathF.Pow(Beta2, step);
        int parts = gradients.Length;
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
        {
            foreach (var (array, offset, length, at, factor, decay) in segments)
            {
                int from = (int)((long)length * part / parts), to = (int)((long)length * (part + 1) / parts);
                float rate = learningRate * factor * schedule, shrink = decay ? 1f - rate * weightDecay : 1f;
                for (int k = from; k < to; k++)
                {
                    int i = at + k;
                    float gradient = 0;
                    foreach (var g in gradients) gradient += g[i];
                    gradient /= batch;
                    _first[i] = Beta1 * _first[i] + (1 - Beta1) * gradient;
                    _second[i] = Beta2 * _second[i] + (1 - Beta2) * gradient * gradient;
                    ref float w = ref array[offset + k];
                    w = w * shrink - rate * (_first[i] / c1) / (MathF.Sqrt(_second[i] / c2) + Epsilon);
                }
            }
        });
    }
}
