using Pipeline.Analyzers.Entities;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Entities;

public class BilouCodecTests
{
    private static readonly int Per = 0, Org = 1, Loc = 2;

    private static Token[] Tokens(params int[] lengths)
    {
        var tokens = new Token[lengths.Length];
        int start = 0;
        for (int i = 0; i < lengths.Length; i++)
        {
            tokens[i] = new Token(new TextSpan(start, lengths[i]), TokenKind.Word, TokenFlags.None);
            start += lengths[i] + 1;
        }
        return tokens;
    }

    private static string Names(ReadOnlySpan<byte> labels)
    {
        var names = new List<string>();
        foreach (var l in labels) names.Add(EntityLabels.Name(l));
        return string.Join(" ", names);
    }

    [Fact]
    public void Encodes_multi_token_and_single_token_mentions()
    {
        // "President Vladimir Putin met Lukashenka": tokens 0..4
        var tokens = Tokens(9, 8, 5, 3, 10);
        var labels = new byte[5];
        BilouCodec.Encode(tokens, [(TextSpan.FromBounds(10, 24), Per), (new TextSpan(29, 10), Per)], labels);
        Assert.Equal("O B-PER L-PER O U-PER", Names(labels));
    }

    [Fact]
    public void Encodes_inside_tokens_and_drops_overlapping_mentions()
    {
        var tokens = Tokens(10, 2, 5, 3);
        var labels = new byte[4];
        BilouCodec.Encode(tokens, [(TextSpan.FromBounds(0, 20), Org), (new TextSpan(14, 5), Loc)], labels);
        Assert.Equal("B-ORG I-ORG L-ORG O", Names(labels));
    }

    [Fact]
    public void Decodes_what_it_encodes_with_offsets()
    {
        byte[] labels =
        [
            (byte)EntityLabels.Of(Org, EntityLabels.Unit), 0,
            (byte)EntityLabels.Of(Per, EntityLabels.Begin), (byte)EntityLabels.Of(Per, EntityLabels.Inside), (byte)EntityLabels.Of(Per, EntityLabels.Last),
            (byte)EntityLabels.Of(Loc, EntityLabels.Unit),
        ];
        var mentions = new List<TokenMention>();
        BilouCodec.Decode(labels, 10, mentions);
        Assert.Equal([new TokenMention(10, 1, Org), new TokenMention(12, 3, Per), new TokenMention(15, 1, Loc)], mentions);
    }

    [Fact]
    public void Decoding_tolerates_invalid_sequences()
    {
        // B-PER I-PER O (never closed), then I-LOC (stray), then B-ORG U-ORG
        byte[] labels =
        [
            (byte)EntityLabels.Of(Per, EntityLabels.Begin), (byte)EntityLabels.Of(Per, EntityLabels.Inside), 0,
            (byte)EntityLabels.Of(Loc, EntityLabels.Inside),
            (byte)EntityLabels.Of(Org, EntityLabels.Begin), (byte)EntityLabels.Of(Org, EntityLabels.Unit),
        ];
        var mentions = new List<TokenMention>();
        BilouCodec.Decode(labels, 0, mentions);
        Assert.Equal([new TokenMention(0, 2, Per), new TokenMention(3, 1, Loc), new TokenMention(4, 1, Org), new TokenMention(5, 1, Org)], mentions);
    }

    [Fact]
    public void Transitions_keep_mentions_well_formed()
    {
        int bPer = EntityLabels.Of(Per, EntityLabels.Begin), iPer = EntityLabels.Of(Per, EntityLabels.Inside);
        int lPer = EntityLabels.Of(Per, EntityLabels.Last), uLoc = EntityLabels.Of(Loc, EntityLabels.Unit);
        int lOrg = EntityLabels.Of(Org, EntityLabels.Last);
        Assert.True(EntityLabels.IsValidTransition(bPer, iPer));
        Assert.True(EntityLabels.IsValidTransition(iPer, lPer));
        Assert.False(EntityLabels.IsValidTransition(bPer, EntityLabels.Outside));
        Assert.False(EntityLabels.IsValidTransition(bPer, lOrg));
        Assert.False(EntityLabels.IsValidTransition(EntityLabels.Outside, iPer));
        Assert.True(EntityLabels.IsValidTransition(lPer, uLoc));
        Assert.False(EntityLabels.CanEnd(bPer));
        Assert.True(EntityLabels.CanEnd(lPer));
    }
}
