using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Analyzers.Quotes.Lexicon;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Quotes.Attribution;

/// <summary>The sourcing rules a newsroom checks once quotes have speakers (QTE001, QTE002, QTE003, QTE005).</summary>
internal static class QuoteFindings
{
    /// <param name="longQuoteWords">Words from which a quote with no named source is reported (QTE005).</param>
    public static List<Finding> Find(TokenView v, SpeakerLexicon speakers, IReadOnlyList<AttributionResult> results,
        IReadOnlyDictionary<QuoteInfo, string> attributionIds, int longQuoteWords)
    {
        var doc = v.Doc;
        var findings = new List<Finding>();
        var anonymousSpans = new HashSet<TextSpan>();
        foreach (var r in results)
        {
            var quote = r.Quote.Quote;
            var speaker = r.Speaker;
            string[] ids = [quote.Id, attributionIds[r.Quote]];
            bool quoted = quote.Kind != QuoteKind.Indirect;
            bool resolved = speaker.Entity is not null;

            // A pronoun that goes on with an unnamed source was reported at the source.
            if (speaker.Kind == SpeakerKind.Anonymous && r.Written && !SpeakerResolver.IsPronounText(speaker.Text) && anonymousSpans.Add(speaker.Span))
                findings.Add(With(Finding.Create(QuoteRules.AnonymousSource, speaker.Span, speaker.Text), ids));
            foreach (var span in CitedAnonymousSources(v, speakers, r.Quote))
                if (anonymousSpans.Add(span))
                    findings.Add(With(Finding.Create(QuoteRules.AnonymousSource, span, doc.GetString(span)), ids));

            // A quote carried over from an unnamed source is that source's (QTE002 was raised where it is written).
            if (quoted && !resolved && speaker.Text is null && speaker.Kind != SpeakerKind.Anonymous)
            {
                findings.Add(With(Finding.Create(QuoteRules.Unattributed, quote.Span, "\"" + QuoteRules.Snippet(Words(doc, r.Quote)) + "\""), ids));
                continue;
            }
            if (speaker.Kind == SpeakerKind.Pronoun && !resolved && r.Written && !IsFirstPerson(speaker.Text))
                findings.Add(With(Finding.Create(QuoteRules.UnresolvedPronoun, speaker.Span, speaker.Text), ids));
            if (quoted && !resolved && speaker.Kind != SpeakerKind.Named)
            {
                int words = WordCount(v, r.Quote);
                if (words >= longQuoteWords)
                    findings.Add(With(Finding.Create(QuoteRules.LongQuoteWithoutNamedSource, quote.Span, words), ids));
            }
        }
        return findings;
    }

    /// <summary>
    /// Unnamed sources a report leans on in the cue's sentence: the phrase after "citing",
    /// "according to" or "quoting" when it is anonymous or vague ("Citing unidentified officials,
    /// the daily reported that ...").
    /// </summary>
    private static IEnumerable<TextSpan> CitedAnonymousSources(TokenView v, SpeakerLexicon speakers, QuoteInfo q)
    {
        if (q.Cue is not { } cue) yield break;
        var sentence = v.SentenceOfToken(cue.Start);
        for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            if (v.CueAt[t] is not { IsSourcing: true } || q.InContent(t) || t >= cue.Start && t < cue.End) continue;
            int start = t + v.CueLength[t], end = start;
            while (end < sentence.EndToken && v.Class[end] is not (TokenClass.Comma or TokenClass.Period or TokenClass.Colon or TokenClass.QuoteMark)
                   && !q.InContent(end) && !(end >= cue.Start && end < cue.End)) end++;
            if (end > start && IsAnonymous(v, speakers, start, end))
                yield return TextSpan.FromBounds(v.Doc.Tokens[start].Span.Start, v.Doc.Tokens[end - 1].Span.End);
        }
    }

    /// <summary>An anonymity marker anywhere, or a vague head ("officials", "sources") and no capitalised name.</summary>
    private static bool IsAnonymous(TokenView v, SpeakerLexicon speakers, int start, int end)
    {
        bool vague = false, named = false;
        for (int t = start; t < end; t++)
        {
            var cls = speakers.Classify(v.Doc, t, end, out _);
            if (cls == SpeakerWordClass.Anonymity) return true;
            vague |= cls is SpeakerWordClass.VagueHead or SpeakerWordClass.GroupHead;
            named |= v.Class[t] == TokenClass.Capitalized && t > start && !vague;
        }
        return vague && !named;
    }

    private static bool IsFirstPerson(string? text) =>
        text is not null && (text.Equals("I", StringComparison.OrdinalIgnoreCase) || text.Equals("me", StringComparison.OrdinalIgnoreCase)
                             || text.Equals("we", StringComparison.OrdinalIgnoreCase));

    private static string Words(Document doc, QuoteInfo q) =>
        string.Join(" … ", q.Quote.Content.Select(s => doc.GetString(s).Trim('"', '“', '”', '‘', '’', ' ', ',')));

    private static int WordCount(TokenView v, QuoteInfo q)
    {
        int n = 0;
        foreach (var (s, e) in q.Content)
            for (int t = s; t < e; t++) if (v.Class[t] is TokenClass.Word or TokenClass.Capitalized or TokenClass.Number) n++;
        return n;
    }

    private static Finding With(Finding f, string[] ids) => f with { AnnotationIds = [.. ids] };
}
