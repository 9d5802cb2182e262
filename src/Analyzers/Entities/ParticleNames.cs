using Pipeline.Sdk;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// Joins a person's name cut at a lower-case particle: "Bill" + "de Blasio", "Luiz Inacio Lula" +
/// "da Silva". CoNLL-2003 has few such names, so the tagger stops at the particle and starts the
/// surname as another person, or leaves it out. A person mention followed by one or two particles
/// (<see cref="MentionBounds.IsNameParticle"/>) and a capitalised word is extended over them,
/// swallowing a mention that starts there ("Blasio"); "Ursula von der Leyen", which the tagger
/// keeps whole, is left as it is.
/// </summary>
internal static class ParticleNames
{
    private static readonly int Person = EntityLabels.TypeIndex(EntityTypes.Person);

    /// <summary>Extends person mentions over particles and the surname after them, in place; drops what they swallow.</summary>
    public static void Join(Document document, List<TaggedMention> mentions)
    {
        for (int m = 0; m < mentions.Count; m++)
        {
            var tokens = mentions[m].Tokens;
            if (tokens.Type != Person) continue;
            int t = tokens.End, particles = 0;
            while (t < document.Tokens.Length && particles < 2 && document.Tokens[t].Kind == TokenKind.Word
                   && document.Tokens[t].Has(TokenFlags.AllLower) && MentionBounds.IsNameParticle(document.TokenText(t)))
            { t++; particles++; }
            if (particles == 0 || t >= document.Tokens.Length || !IsSurname(document, t)) continue;
            int end = t + 1, next = m + 1;
            // The surname may be tagged already, maybe with more words ("da Silva Santos"): the mention takes it whole.
            if (next < mentions.Count && mentions[next].Tokens.First == t)
            {
                if (mentions[next].Tokens.Type != Person) continue;
                end = mentions[next].Tokens.End;
                next++;
            }
            mentions[m] = mentions[m] with { Tokens = tokens with { Count = end - tokens.First } };
            mentions.RemoveRange(m + 1, next - m - 1);
        }
    }

    /// <summary>A capitalised word in the sentence of the name, not opening it.</summary>
    private static bool IsSurname(Document document, int t) =>
        document.Tokens[t].Kind == TokenKind.Word && document.Tokens[t].Has(TokenFlags.Capitalized) && !document.Tokens[t].Has(TokenFlags.SentenceStart);
}
