using System.Collections.Immutable;
using System.Text;
using Pipeline.Sdk;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Entities;

/// <summary>Documents with gold entities written inline: "[PER Vladimir Putin] visited [LOC Minsk]."</summary>
internal static class GoldMarkup
{
    public static Document Parse(string markup)
    {
        var text = new StringBuilder();
        var mentions = ImmutableArray.CreateBuilder<EntityMention>();
        for (int i = 0; i < markup.Length; i++)
        {
            if (markup[i] != '[') { text.Append(markup[i]); continue; }
            int space = markup.IndexOf(' ', i), close = markup.IndexOf(']', i);
            string type = markup[(i + 1)..space];
            int start = text.Length;
            text.Append(markup, space + 1, close - space - 1);
            mentions.Add(new EntityMention
            {
                Id = "e" + (mentions.Count + 1),
                Span = TextSpan.FromBounds(start, text.Length),
                Type = type,
                ClusterId = "c" + (mentions.Count + 1),
                CanonicalName = text.ToString(start, text.Length - start),
            });
            i = close;
        }
        return DocumentFactory.Create(text.ToString()).WithLayer(Layers.Entities, mentions.ToImmutable());
    }

    public static IEnumerable<(string Text, string Type)> Mentions(Document document, IEnumerable<(TextSpan Span, string Type)> mentions) =>
        mentions.Select(m => (document.GetString(m.Span), m.Type));
}
