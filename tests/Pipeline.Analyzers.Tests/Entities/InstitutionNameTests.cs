using Pipeline.Analyzers.Entities;
using Pipeline.Sdk;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Entities;

/// <summary>The span and type conventions for institution names, applied to tagged mentions.</summary>
public class InstitutionNameTests
{
    /// <summary>Applies the conventions to the given (text, type) mentions, each found at its first occurrence after the previous one.</summary>
    private static List<(string Text, string Type)> Apply(string text, params (string Text, string Type)[] tagged)
    {
        var doc = DocumentFactory.Create(text);
        var mentions = new List<TaggedMention>();
        int from = 0;
        foreach (var (name, type) in tagged)
        {
            int start = text.IndexOf(name, from, StringComparison.Ordinal);
            from = start + name.Length;
            int first = doc.Tokens.ToList().FindIndex(t => t.Span.Start == start);
            int end = doc.Tokens.ToList().FindIndex(t => t.Span.End == from) + 1;
            mentions.Add(new TaggedMention(new TokenMention(first, end - first, EntityLabels.TypeIndex(type)), 0.9f));
        }
        InstitutionNames.Apply(doc, mentions);
        return mentions.Select(m => (doc.GetString(TextSpan.FromBounds(doc.Tokens[m.Tokens.First].Span.Start, doc.Tokens[m.Tokens.End - 1].Span.End)),
            EntityLabels.TypeName(m.Tokens.Type))).ToList();
    }

    [Fact]
    public void A_university_campus_is_one_organisation()
    {
        Assert.Equal([("University of Texas at Arlington", "ORG"), ("Texas", "LOC")],
            Apply("She teaches at the University of Texas at Arlington in Texas.",
                ("University of Texas", "ORG"), ("Arlington", "LOC"), ("Texas", "LOC")));
    }

    [Fact]
    public void Other_organisations_end_before_at()
    {
        Assert.Equal([("Arsenal", "ORG"), ("Wembley", "LOC")],
            Apply("Chelsea lost to Arsenal at Wembley.", ("Arsenal", "ORG"), ("Wembley", "LOC")));
    }

    [Fact]
    public void The_article_before_an_institution_name_is_left_out()
    {
        Assert.Equal([("Atlantic Council", "ORG"), ("University of Texas at Arlington", "ORG")],
            Apply("A fellow at The Atlantic Council and The University of Texas at Arlington.",
                ("The Atlantic Council", "ORG"), ("The University of Texas", "ORG"), ("Arlington", "LOC")));
    }

    [Fact]
    public void A_title_keeps_its_article()
    {
        Assert.Equal([("The Times", "ORG"), ("The Hague", "LOC")],
            Apply("The Times reported from The Hague.", ("The Times", "ORG"), ("The Hague", "LOC")));
    }

    [Fact]
    public void A_name_headed_by_an_institution_noun_is_an_organisation()
    {
        Assert.Equal([("Atlantic Council", "ORG"), ("West Bank", "LOC"), ("Atlantic", "LOC")],
            Apply("The Atlantic Council met on the West Bank by the Atlantic.",
                ("Atlantic Council", "LOC"), ("West Bank", "LOC"), ("Atlantic", "LOC")));
    }

    [Fact]
    public void A_seat_of_government_is_the_government()
    {
        Assert.Equal([("Kremlin", "ORG"), ("White House", "ORG"), ("Moscow", "LOC"), ("House", "LOC")],
            Apply("The Kremlin and the White House spoke in Moscow, near the House.",
                ("Kremlin", "LOC"), ("White House", "LOC"), ("Moscow", "LOC"), ("House", "LOC")));
    }
}
