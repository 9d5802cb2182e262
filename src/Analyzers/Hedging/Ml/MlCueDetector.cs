using Pipeline.Analyzers.Hedging.Lexicon;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Hedging.Ml;

/// <summary>
/// The ML tier: tags each token cue or not (with a type) and joins adjacent cue tokens of one type
/// into a cue. Weasel cues come from the lexicon, where the tagger found no cue.
/// </summary>
public sealed class MlCueDetector(CueTaggerModel model) : ICueDetector
{
    public const string Method = "tagger";

    public string ModelId => model.ModelId;

    public void Detect(Document doc, List<CueSpan> cues)
    {
        var table = new TokenTable(doc, model.Lexicon);
        int k = model.Classes;
        Span<int> features = stackalloc int[CueFeatures.MaxPerToken];
        Span<float> p = stackalloc float[k];
        double threshold = model.CueThreshold;
        foreach (var sentence in doc.Sentences)
        {
            int open = -1;
            HedgeType openType = default;
            double openScore = 0;
            for (int i = sentence.FirstToken; i <= sentence.EndToken; i++)
            {
                int label = 0;
                float cueProbability = 0;
                if (i < sentence.EndToken)
                {
                    int n = model.Features.Extract(table, sentence, i, features);
                    model.Linear.Predict(features[..n], p);
                    cueProbability = 1 - p[0];
                    if (cueProbability >= threshold)
                    {
                        label = 1;
                        for (int c = 2; c < k; c++) if (p[c] > p[label]) label = c;
                    }
                }
                var type = label > 0 ? model.Types[label - 1] : default;
                if (open >= 0 && (label == 0 || type != openType))
                {
                    cues.Add(new CueSpan(open, i, openType, openScore / (i - open), Method));
                    open = -1;
                }
                if (label > 0)
                {
                    if (open < 0) { open = i; openType = type; openScore = 0; }
                    openScore += cueProbability;
                }
            }
            AddLexiconWeasels(table, sentence, cues);
        }
    }

    private static void AddLexiconWeasels(TokenTable table, in Sentence sentence, List<CueSpan> cues)
    {
        int sentenceStart = cues.Count;
        while (sentenceStart > 0 && cues[sentenceStart - 1].End > sentence.FirstToken) sentenceStart--;
        var tags = table.LexiconTags;
        byte begin = LexiconTagger.CueTag(HedgeType.Weasel, true), inside = LexiconTagger.CueTag(HedgeType.Weasel, false);
        for (int i = sentence.FirstToken; i < sentence.EndToken; i++)
        {
            if (tags[i] != begin) continue;
            int end = i + 1;
            while (end < sentence.EndToken && tags[end] == inside) end++;
            bool overlaps = false;
            for (int c = sentenceStart; c < cues.Count; c++)
                if (cues[c].First < end && i < cues[c].End) { overlaps = true; break; }
            if (!overlaps) cues.Add(new CueSpan(i, end, HedgeType.Weasel, 1.0, LexiconCueDetector.Method));
        }
        cues.Sort(sentenceStart, cues.Count - sentenceStart, Comparer<CueSpan>.Create((a, b) => a.First.CompareTo(b.First)));
    }
}
