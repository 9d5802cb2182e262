using Pipeline.Sdk;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// Joins a double-barrelled surname to the name before it: "Daniel Day" + "-Lewis",
/// "Peter Brabeck" + "-Letmathe". The segmenter splits words joined by a hyphen (UD convention)
/// while CoNLL-2003, which the model learnt from, keeps them whole, so the model cuts such a name
/// at the hyphen and types the tail on its own. Only a person mention of two or more words is
/// extended, so "the Putin-Lukashenka talks" keeps its two people.
/// </summary>
internal static class HyphenatedSurnames
{
    /// <summary>Extends person mentions over a touching hyphen and capitalised word, in place; drops what they swallow.</summary>
    public static void Join(Document document, List<TaggedMention> mentions)
    {
        for (int m = 0; m < mentions.Count; m++)
        {
            var tokens = mentions[m].Tokens;
            if (tokens.Type != EntityLabels.TypeIndex(EntityTypes.Person) || tokens.Count < 2) continue;
            int end = tokens.End;
            while (IsJoinedPart(document, end)) end += 2;
            int swallowed = 0;
            while (m + 1 + swallowed < mentions.Count && mentions[m + 1 + swallowed].Tokens.First < end) swallowed++;
            if (end == tokens.End || (swallowed > 0 && mentions[m + swallowed].Tokens.End > end)) continue; // never cut a mention in two
            mentions[m] = mentions[m] with { Tokens = tokens with { Count = end - tokens.First } };
            mentions.RemoveRange(m + 1, swallowed);
        }
    }

    /// <summary>Token <paramref name="hyphen"/> is a hyphen touching the words on both sides, and the next word is capitalised.</summary>
    private static bool IsJoinedPart(Document document, int hyphen)
    {
        var tokens = document.Tokens;
        if (hyphen + 1 >= tokens.Length) return false;
        var h = tokens[hyphen];
        var next = tokens[hyphen + 1];
        var text = document.TokenText(hyphen);
        return text.Length == 1 && text[0] is '-' or '\u2010' or '\u2011'
            && !h.Has(TokenFlags.SpaceBefore) && !next.Has(TokenFlags.SpaceBefore)
            && next.Kind == TokenKind.Word && next.Has(TokenFlags.Capitalized) && !next.Has(TokenFlags.SentenceStart);
    }
}
