using Pipeline.Sdk;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// Wire photo credits: in "(REUTERS/Vasily Fedosenko)" or "(AP Photo/Evan Vucci)" the word before
/// the slash (or before "Photo") is the agency, an organisation. The tagger learned from
/// CoNLL-2003's wire text, which has no credit lines, and leaves an all-caps word in brackets out;
/// applied to a document's tagged mentions, in place, keeping them in text order.
/// </summary>
internal static class PhotoCredits
{
    /// <summary>The confidence of an agency found by its credit line.</summary>
    public const float Confidence = 0.9f;

    private static readonly int Organisation = EntityLabels.TypeIndex(EntityTypes.Organization);

    public static void Apply(Document document, List<TaggedMention> mentions)
    {
        int n = document.Tokens.Length;
        for (int i = 1; i + 1 < n; i++)
        {
            if (!document.TokenText(i - 1).SequenceEqual("(") || !IsAgencyName(document.TokenText(i))) continue;
            int slash = i + 1 < n && document.TokenText(i + 1).SequenceEqual("Photo") ? i + 2 : i + 1;
            if (slash >= n || !document.TokenText(slash).SequenceEqual("/")) continue;
            int at = mentions.FindIndex(m => m.Tokens.End > i);
            if (at >= 0 && mentions[at].Tokens.First <= i) continue; // already tagged
            mentions.Insert(at < 0 ? mentions.Count : at, new TaggedMention(new TokenMention(i, 1, Organisation), Confidence));
        }
    }

    /// <summary>An agency's short name: two or more letters, all capitals ("REUTERS", "AP", "AFP").</summary>
    private static bool IsAgencyName(ReadOnlySpan<char> word) => word.Length >= 2 && TokenText.Cap(word) == CapPattern.AllUpper;
}
