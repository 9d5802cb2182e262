using Pipeline.Analyzers.Entities;

namespace Pipeline.Analyzers.Tests.Entities;

public class TypeVoteTests
{
    private const int Per = 0, Org = 1, Loc = 2;

    private static ClusterInput M(int type, string text) => new(type, text.Split(' '), text);

    private static int[] Vote(float[] confidences, params ClusterInput[] mentions)
    {
        var list = mentions.ToList();
        TypeVote.Apply(list, confidences);
        return list.Select(m => m.Type).ToArray();
    }

    [Fact]
    public void An_odd_type_of_a_recurring_full_name_gives_way_to_the_dominant_one()
    {
        var types = Vote([0.95f, 0.5f, 0.9f],
            M(Per, "Alyaksandr Lukashenka"), M(Org, "Alyaksandr Lukashenka"), M(Per, "alyaksandr lukashenka"));
        Assert.Equal([Per, Per, Per], types);
    }

    [Fact]
    public void One_word_names_and_even_splits_keep_their_types()
    {
        Assert.Equal([Loc, Org, Org], Vote([0.9f, 0.9f, 0.9f], M(Loc, "Japan"), M(Org, "Japan"), M(Org, "Japan")));
        Assert.Equal([Loc, Org], Vote([0.9f, 0.8f], M(Loc, "New York"), M(Org, "New York")));
    }
}
