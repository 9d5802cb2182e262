using System.Collections.Immutable;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Stance.Targets;

/// <summary>
/// One entity cluster in one sentence: the unit the mention-stance model classifies. All
/// mentions of the cluster in the sentence are the target together (the sentence says one thing
/// about the person, however often it names them).
/// </summary>
public sealed record TargetSite(int Sentence, string ClusterId, string CanonicalName, ImmutableArray<EntityMention> Mentions)
{
    /// <summary>The PER and ORG mentions of a document grouped by sentence and cluster, in text order.</summary>
    public static List<TargetSite> Find(Document doc, ImmutableArray<EntityMention> entities)
    {
        var sites = new List<TargetSite>();
        var open = new Dictionary<(int, string), int>();
        foreach (var mention in entities.Sort((a, b) => a.Span.CompareTo(b.Span)))
        {
            if (mention.Type is not (EntityTypes.Person or EntityTypes.Organization)) continue;
            int sentence = doc.SentenceAt(mention.Span.Start);
            if (sentence < 0) continue;
            if (open.TryGetValue((sentence, mention.ClusterId), out int index))
                sites[index] = sites[index] with { Mentions = sites[index].Mentions.Add(mention) };
            else
            {
                open[(sentence, mention.ClusterId)] = sites.Count;
                sites.Add(new TargetSite(sentence, mention.ClusterId, mention.CanonicalName, [mention]));
            }
        }
        return sites;
    }
}
