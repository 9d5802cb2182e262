using System.Diagnostics;
using Pipeline.Sdk;
using Pipeline.Text;

namespace Pipeline.Learning.Encoders;

public sealed record EncoderBenchmarkOptions
{
    /// <summary>A folder of .txt articles (searched recursively) or one .txt file.</summary>
    public required string Input { get; init; }
    public int MaxArticles { get; init; } = 200;
    public int IntraOpThreads { get; init; } = 1;
    public int BatchSize { get; init; } = 32;
    /// <summary>The layers read (averaged); an inner layer alone runs only the layers below it.</summary>
    public IReadOnlyList<int> Layers { get; init; } = [MiniLmEncoder.LastLayer];
    /// <summary>Weight matrices in 8-bit integers (<see cref="MiniLmOptions.Int8"/>).</summary>
    public bool Int8 { get; init; }
}

/// <summary>What <see cref="EncoderBenchmark.Run"/> measured.</summary>
/// <remarks>Seconds are wall-clock; CPU seconds are the process's processor time over the same stretch
/// (on a machine shared with other work, pieces per CPU second is the steadier figure).</remarks>
public sealed record EncoderBenchmarkResult(
    double LoadSeconds, int Articles, int Sentences, long SentencePieces, double SentenceSeconds, double SentenceCpuSeconds,
    long Words, long WordPieces, double WordSeconds, double WordCpuSeconds)
{
    public double SentencePiecesPerSecond => SentencePieces / SentenceSeconds;
    public double WordPiecesPerSecond => WordPieces / WordSeconds;
    public double WordsPerSecond => Words / WordSeconds;
}

/// <summary>
/// Measures the MiniLM encoder on news text: sentence vectors (EncodeSentences over the
/// segmenter's sentences, batched) and word vectors (EncodeWords over whole articles, windowed).
/// </summary>
public static class EncoderBenchmark
{
    public static EncoderBenchmarkResult Run(EncoderBenchmarkOptions options, TextWriter output)
    {
        var files = File.Exists(options.Input) ? [options.Input]
            : Directory.EnumerateFiles(options.Input, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(options.MaxArticles).ToList();
        if (files.Count == 0) throw new FileNotFoundException($"{options.Input}: no .txt articles found");
        var docs = files.Select(f => DocumentFactory.Create(File.ReadAllText(f))).ToList();
        var sentences = docs.SelectMany(d => d.Sentences.Select(s => d.GetString(s.Span))).ToList();

        var clock = Stopwatch.StartNew();
        using var encoder = new MiniLmEncoder(new MiniLmOptions { IntraOpThreads = options.IntraOpThreads, BatchSize = options.BatchSize, Layers = options.Layers, Int8 = options.Int8 });
        encoder.EncodeSentence("Warm-up."); // first run allocates ORT's buffers
        double load = clock.Elapsed.TotalSeconds;
        output.WriteLine($"encoder {encoder.ModelId}: loaded in {load:F2} s; {docs.Count} articles, {sentences.Count} sentences, intra-op threads {(options.IntraOpThreads == 0 ? "default" : options.IntraOpThreads)}, batch {options.BatchSize}");

        long sentencePieces = sentences.Sum(s => (long)Math.Min(encoder.Tokenizer.Tokenize(s).Count, 254) + 2);
        var process = Process.GetCurrentProcess();
        clock.Restart();
        var cpu = process.TotalProcessorTime;
        encoder.EncodeSentences(sentences);
        double sentenceSeconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        double sentenceCpu = (process.TotalProcessorTime - cpu).TotalSeconds;
        output.WriteLine($"sentences: {sentences.Count / sentenceSeconds:F1} sentences/s, {sentencePieces / sentenceSeconds:F0} pieces/s "
            + $"({sentencePieces} pieces in {sentenceSeconds:F2} s; {sentenceCpu:F2} CPU s, {sentencePieces / sentenceCpu:F0} pieces per CPU second)");

        long words = 0, wordPieces;
        clock.Restart();
        cpu = process.TotalProcessorTime;
        foreach (var doc in docs)
        {
            var spans = doc.Tokens.Select(t => t.Span).ToArray();
            encoder.EncodeWords(doc.Text, spans);
            words += spans.Length;
        }
        double wordSeconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        double wordCpu = (process.TotalProcessorTime - cpu).TotalSeconds;
        wordPieces = docs.Sum(d => (long)encoder.Tokenizer.Tokenize(d.Text).Count);
        output.WriteLine($"words: {words / wordSeconds:F0} words/s, {wordPieces / wordSeconds:F0} pieces/s "
            + $"({words} words, {wordPieces} pieces in {wordSeconds:F2} s; {wordCpu:F2} CPU s, {wordPieces / wordCpu:F0} pieces per CPU second)");
        return new EncoderBenchmarkResult(load, docs.Count, sentences.Count, sentencePieces, sentenceSeconds, sentenceCpu, words, wordPieces, wordSeconds, wordCpu);
    }
}
