namespace Pipeline.Sdk;

/// <summary>Messages for the run's log (stderr, verbosity-filtered by the host).</summary>
public interface IRunLog
{
    void Info(string message);
    void Warning(string message);
}

/// <summary>Finds trained models. Models live in folders with a manifest.json.</summary>
public interface IModelStore
{
    /// <summary>
    /// The folder of a model given by name ("entities-fast") or path. Searched: the configured
    /// models folder, ./models, the installation's models folder, the plugin's own folder.
    /// The model's manifest hash joins the run's fingerprint.
    /// </summary>
    /// <exception cref="ModelNotFoundException">No such model folder.</exception>
    string Resolve(string nameOrPath);
}

public sealed class ModelNotFoundException(string model, IReadOnlyList<string> searched)
    : FileNotFoundException($"model '{model}' not found (searched: {string.Join(", ", searched)})")
{
    public string Model { get; } = model;
    public IReadOnlyList<string> Searched { get; } = searched;
}

/// <summary>
/// A contextual text encoder shared by every analyzer of a run (the host loads it once).
/// Thread-safe.
/// </summary>
public interface ITextEncoder
{
    /// <summary>Model id, e.g. "all-MiniLM-L6-v2".</summary>
    string ModelId { get; }
    /// <summary>Length of every vector.</summary>
    int Dimension { get; }
    /// <summary>Pooled (as the model was trained: mean of the states, or [CLS]), L2-normalised vector of a text.</summary>
    float[] EncodeSentence(string text);
    /// <summary>Pooled vectors of several texts (batched, faster than one by one).</summary>
    float[][] EncodeSentences(IReadOnlyList<string> texts);
    /// <summary>
    /// One contextual vector per given word span of <paramref name="text"/> (word pieces averaged).
    /// Words beyond the encoder's window get vectors from a following window.
    /// </summary>
    float[][] EncodeWords(string text, IReadOnlyList<TextSpan> words);
}
