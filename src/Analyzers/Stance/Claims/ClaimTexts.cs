using Pipeline.Analyzers.Stance.Lexicon;
using Pipeline.Sdk;
using Pipeline.Text;

namespace Pipeline.Analyzers.Stance.Claims;

/// <summary>Cue counts of a stretch of text: refuting, discuss, negation words and lexicon polarity.</summary>
public readonly record struct Cues(int Words, int Refuting, int Discuss, int Negators, float Polarity, bool Question)
{
    public static Cues Of(IReadOnlyList<string> words, StanceLexicon lexicon)
    {
        int refuting = 0, discuss = 0, negators = 0;
        float polarity = 0;
        bool question = false;
        foreach (var w in words)
        {
            if (lexicon.IsRefuting(w)) refuting++;
            if (lexicon.IsDiscuss(w)) discuss++;
            if (lexicon.IsNegator(w)) negators++;
            if (w == "?") question = true;
            polarity += lexicon.Valence(w);
        }
        return new Cues(words.Count, refuting, discuss, negators, polarity / 4f, question);
    }
}

/// <summary>The words of texts as the claim features see them: lower case, straight apostrophes, numbers kept, punctuation dropped except "?".</summary>
public static class ClaimWords
{
    public static List<string> Of(Document doc, int firstToken, int endToken)
    {
        var words = new List<string>(endToken - firstToken);
        for (int t = firstToken; t < endToken; t++)
            if (Keep(doc.Tokens[t].Kind, doc.Text[doc.Tokens[t].Span.Start])) words.Add(StanceLexicon.Normalize(doc.TokenLower(t)));
        return words;
    }

    public static List<string> Of(string text)
    {
        var s = Segmenter.Default.Segment(text);
        var words = new List<string>(s.Tokens.Length);
        foreach (var t in s.Tokens)
            if (Keep(t.Kind, text[t.Span.Start])) words.Add(StanceLexicon.Normalize(text.Substring(t.Span.Start, t.Span.Length).ToLowerInvariant()));
        return words;
    }

    private static bool Keep(TokenKind kind, char first) =>
        kind is TokenKind.Word or TokenKind.Number or TokenKind.Clitic or TokenKind.Hashtag || first == '?';
}

/// <summary>A claim prepared once for comparison with any number of articles.</summary>
public sealed class ClaimText
{
    public ClaimText(string text, IdfTable idf, StanceLexicon lexicon, float[]? vector)
    {
        Text = text;
        Words = ClaimWords.Of(text);
        Terms = TermVector.Of(Words, idf);
        Content = Words.Where(idf.IsContent).ToHashSet(StringComparer.Ordinal);
        Bigrams = ClaimBody.BigramsOf(Words);
        Cues = Cues.Of(Words, lexicon);
        Vector = vector;
    }

    public string Text { get; }
    public List<string> Words { get; }
    public TermVector Terms { get; }
    public HashSet<string> Content { get; }
    public HashSet<(string, string)> Bigrams { get; }
    public Cues Cues { get; }
    /// <summary>The encoder's sentence vector (unit length), when the model uses the encoder.</summary>
    public float[]? Vector { get; }
}

/// <summary>An article prepared once for comparison with its claims: words, TF-IDF vectors and cues per sentence, and encoder vectors when used.</summary>
public sealed class ClaimBody
{
    /// <summary>Sentences that make the lead (the opening of the article).</summary>
    public const int LeadSentences = 3;

    public ClaimBody(Document doc, IdfTable idf, StanceLexicon lexicon, ITextEncoder? encoder)
    {
        Document = doc;
        int n = doc.Sentences.Length;
        SentenceWords = new List<string>[n];
        SentenceTerms = new TermVector[n];
        SentenceCues = new Cues[n];
        var all = new List<string>();
        for (int s = 0; s < n; s++)
        {
            var sentence = doc.Sentences[s];
            SentenceWords[s] = ClaimWords.Of(doc, sentence.FirstToken, sentence.EndToken);
            SentenceTerms[s] = TermVector.Of(SentenceWords[s], idf);
            SentenceCues[s] = Cues.Of(SentenceWords[s], lexicon);
            all.AddRange(SentenceWords[s]);
        }
        WordCount = all.Count;
        Terms = TermVector.Of(all, idf);
        var lead = SentenceWords.Take(LeadSentences).SelectMany(w => w).ToList();
        LeadTerms = TermVector.Of(lead, idf);
        Content = all.Where(idf.IsContent).ToHashSet(StringComparer.Ordinal);
        LeadContent = lead.Where(idf.IsContent).ToHashSet(StringComparer.Ordinal);
        Bigrams = BigramsOf(all);
        Cues = Cues.Of(all, lexicon);
        if (encoder is not null && n > 0)
        {
            SentenceVectors = encoder.EncodeSentences(doc.Sentences.Select(s => doc.GetString(s.Span)).ToArray());
            var mean = new float[encoder.Dimension];
            foreach (var v in SentenceVectors) System.Numerics.Tensors.TensorPrimitives.Add(mean, v, mean);
            float norm = System.Numerics.Tensors.TensorPrimitives.Norm<float>(mean);
            if (norm > 0) System.Numerics.Tensors.TensorPrimitives.Divide(mean, norm, mean);
            MeanVector = mean;
        }
    }

    public Document Document { get; }
    public List<string>[] SentenceWords { get; }
    public TermVector[] SentenceTerms { get; }
    public Cues[] SentenceCues { get; }
    public int WordCount { get; }
    public TermVector Terms { get; }
    public TermVector LeadTerms { get; }
    public HashSet<string> Content { get; }
    public HashSet<string> LeadContent { get; }
    public HashSet<(string, string)> Bigrams { get; }
    public Cues Cues { get; }
    /// <summary>Unit-length encoder vectors of the sentences, when the model uses the encoder.</summary>
    public float[][]? SentenceVectors { get; }
    public float[]? MeanVector { get; }

    public static HashSet<(string, string)> BigramsOf(List<string> words)
    {
        var set = new HashSet<(string, string)>();
        for (int i = 0; i + 1 < words.Count; i++) set.Add((words[i], words[i + 1]));
        return set;
    }
}
