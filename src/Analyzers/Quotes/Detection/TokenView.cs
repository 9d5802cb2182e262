using Pipeline.Analyzers.Quotes.Learning;
using Pipeline.Analyzers.Quotes.Lexicon;
using Pipeline.Learning.Clustering;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Quotes.Detection;

/// <summary>Coarse classes of tokens that matter to quote structure.</summary>
public enum TokenClass : byte { Word, Capitalized, Number, Comma, Period, Colon, Dash, QuoteMark, OtherPunct }

/// <summary>
/// Per-document facts about tokens that every stage reads: which sentence and which quotation
/// each token is in, its class, a stable hash of its lower-cased text and the reporting cue
/// starting at it. Computed once per document.
/// </summary>
public sealed class TokenView
{
    /// <param name="wordVectors">One encoder vector per token, for a cue tagger that reads them (the encoder tier).</param>
    public TokenView(Document doc, QuotesLexicon lexicon, WordClusters? clusters = null, float[][]? wordVectors = null)
    {
        if (wordVectors is not null && wordVectors.Length != doc.Tokens.Length)
            throw new ArgumentException($"{wordVectors.Length} word vectors for {doc.Tokens.Length} tokens", nameof(wordVectors));
        Doc = doc;
        WordVectors = wordVectors;
        int n = doc.Tokens.Length;
        SentenceOf = new int[n];
        QuoteOf = new int[n];
        Class = new TokenClass[n];
        WordHash = new int[n];
        CueLength = new byte[n];
        CueAt = new CueEntry?[n];
        Cluster = new ClusterPath[n];
        SpeakerClass = new SpeakerWordClass[n];
        CommasBefore = new int[n + 1];
        QuoteMarksBefore = new int[n + 1];

        for (int s = 0; s < doc.Sentences.Length; s++)
        {
            var sentence = doc.Sentences[s];
            for (int t = sentence.FirstToken; t < sentence.EndToken; t++) SentenceOf[t] = s;
        }

        Array.Fill(QuoteOf, -1);
        for (int q = 0; q < doc.Quotations.Length; q++)
        {
            var pair = doc.Quotations[q];
            if (pair.Depth != 0) continue;
            var span = pair.Span;
            for (int t = doc.TokenAt(span.Start); t < n && doc.Tokens[t].Span.Start < span.End; t++) QuoteOf[t] = q;
        }

        // Each token's text hashed once, for the word hash and both lexicons' first-word probes.
        var lowerHash = new int[n];
        for (int t = 0; t < n; t++)
        {
            var text = doc.TokenText(t);
            lowerHash[t] = Hashing.Lower(text);
            Class[t] = Classify(doc.Tokens[t], text);
            WordHash[t] = Class[t] switch
            {
                TokenClass.QuoteMark => QuoteMarkHash,
                TokenClass.Dash => DashHash,
                _ => lowerHash[t],
            };
            if (clusters is not null && Class[t] is TokenClass.Word or TokenClass.Capitalized or TokenClass.Number) Cluster[t] = ClusterOf(clusters, text);
            SpeakerClass[t] = lexicon.Speakers.Classify(doc, t, lowerHash[t]);
            CommasBefore[t + 1] = CommasBefore[t] + (Class[t] == TokenClass.Comma ? 1 : 0);
            QuoteMarksBefore[t + 1] = QuoteMarksBefore[t] + (Class[t] == TokenClass.QuoteMark ? 1 : 0);
        }

        for (int s = 0; s < doc.Sentences.Length; s++)
        {
            var sentence = doc.Sentences[s];
            for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
                if (lexicon.Cues.TryMatch(doc, t, sentence.EndToken, lowerHash[t], out int length, out var entry))
                {
                    CueAt[t] = entry;
                    CueLength[t] = (byte)Math.Min(length, byte.MaxValue);
                }
        }
    }

    public static readonly int QuoteMarkHash = Hashing.Lower("\"");
    public static readonly int DashHash = Hashing.Lower("--");

    public Document Doc { get; }
    /// <summary>One encoder vector per token when the cue tagger reads them, else null.</summary>
    public float[][]? WordVectors { get; }
    public int Count => SentenceOf.Length;
    public int[] SentenceOf { get; }
    /// <summary>Index in Document.Quotations of the outermost quotation containing the token (marks included), or -1.</summary>
    public int[] QuoteOf { get; }
    public TokenClass[] Class { get; }
    /// <summary>Stable hash of the lower-cased text; all quotation marks hash as "\"", all dashes as "--".</summary>
    public int[] WordHash { get; }
    /// <summary>The lexicon cue starting at the token, or null.</summary>
    public CueEntry?[] CueAt { get; }
    /// <summary>Length in tokens of the lexicon cue starting at the token.</summary>
    public byte[] CueLength { get; }

    /// <summary>What the token alone says about a speaker (pronoun, descriptive head...), from the speaker lexicon.</summary>
    public SpeakerWordClass[] SpeakerClass { get; }

    /// <summary>The token's word-cluster path (length 0 when the word has none or no clusters are loaded).</summary>
    public ClusterPath[] Cluster { get; }

    /// <summary>Number of commas among tokens [0, t): counts between two tokens in constant time.</summary>
    public int[] CommasBefore { get; }
    /// <summary>Number of quotation marks among tokens [0, t).</summary>
    public int[] QuoteMarksBefore { get; }

    public bool InQuote(int t) => QuoteOf[t] >= 0;

    /// <summary>The sentences' encoder states, shared by the accurate model's tuned taggers; made on first use.</summary>
    internal Learning.SentenceStates Encoded => _encoded ??= new(this);
    private Learning.SentenceStates? _encoded;
    public Sentence SentenceOfToken(int t) => Doc.Sentences[SentenceOf[t]];

    /// <summary>The path of the word as written, else of its lower-case form.</summary>
    private static ClusterPath ClusterOf(WordClusters clusters, ReadOnlySpan<char> text)
    {
        if (clusters.TryGetPath(text, out var path) || text.Length > 64 || !char.IsUpper(text[0])) return path;
        Span<char> lower = stackalloc char[text.Length];
        text.ToLowerInvariant(lower);
        clusters.TryGetPath(lower, out path);
        return path;
    }

    private static TokenClass Classify(Token token, ReadOnlySpan<char> text)
    {
        if (token.Kind == TokenKind.QuoteMark) return TokenClass.QuoteMark;
        // A possessive mark with no quotation to close ("Sanders’ campaign") belongs to its word.
        if (token.Kind == TokenKind.Clitic) return TokenClass.Word;
        if (text.Length == 1)
            switch (text[0])
            {
                case ',': return TokenClass.Comma;
                case '.' or '!' or '?': return TokenClass.Period;
                case ':' or ';': return TokenClass.Colon;
                case '—' or '–' or '-' or '―' or '‒' or '⸺': return TokenClass.Dash;
                case '"' or '“' or '”' or '„' or '«' or '»' or '‘' or '’': return TokenClass.QuoteMark;
            }
        if (text is "--" or "''" or "``") return text[0] == '-' ? TokenClass.Dash : TokenClass.QuoteMark;
        return token.Kind switch
        {
            TokenKind.Number => TokenClass.Number,
            TokenKind.Punctuation or TokenKind.Symbol => text.Length > 0 && text[0] == '.' ? TokenClass.Period : TokenClass.OtherPunct,
            _ => text.Length > 0 && char.IsUpper(text[0]) ? TokenClass.Capitalized : TokenClass.Word,
        };
    }
}
