using Pipeline.Analyzers.Entities;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Entities;

public class FeatureTests
{
    [Fact]
    public void Typographic_apostrophes_hash_like_ascii_ones()
    {
        Assert.Equal(TokenHashes.Compute("'s").Word, TokenHashes.Compute("\u2019s").Word);
        Assert.Equal(TokenHashes.WordOf("O\u2019Brien"), TokenHashes.WordOf("O'Brien"));
    }

    [Fact]
    public void Lower_case_form_and_affixes_ignore_case()
    {
        var upper = TokenHashes.Compute("MOSCOW");
        var title = TokenHashes.Compute("Moscow");
        Assert.NotEqual(upper.Word, title.Word);
        Assert.Equal(upper.Lower, title.Lower);
        Assert.Equal(TokenHashes.WordOf("moscow"), title.Lower);
        for (int k = 0; k < 8; k++) Assert.Equal(upper.Affix[k], title.Affix[k]);
    }

    [Fact]
    public void Prefixes_and_suffixes_are_distinct_and_absent_beyond_the_token()
    {
        var h = TokenHashes.Compute("abc");
        Assert.Equal(TokenHashes.Compute("abcd").Affix[2], h.Affix[2]); // prefix "abc"
        Assert.Equal(0UL, h.Affix[3]);                                    // no prefix of 4
        Assert.Equal(0UL, h.Affix[7]);                                    // no suffix of 4
        Assert.Equal(TokenHashes.Compute("xbc").Affix[5], h.Affix[5]);    // suffix "bc"
        Assert.NotEqual(h.Affix[0], h.Affix[4]);                          // prefix "a" is not suffix "c"
    }

    [Theory]
    [InlineData("Lukashenka", "Putin", true)]
    [InlineData("NATO", "EU", true)]    // runs longer than two collapse: both are XX
    [InlineData("Lu", "Luka", false)]   // Xx against Xxx
    [InlineData("1996-08-22", "2020-11-03", true)]
    [InlineData("U.S.", "Xx", false)]
    public void Shapes_collapse_long_runs(string a, string b, bool same)
    {
        Assert.Equal(same, TokenHashes.Compute(a).Shape == TokenHashes.Compute(b).Shape);
    }

    [Theory]
    [InlineData("Putin", nameof(CapPattern.Initial))]
    [InlineData("NATO", nameof(CapPattern.AllUpper))]
    [InlineData("A", nameof(CapPattern.SingleUpper))]
    [InlineData("McDonald", nameof(CapPattern.MixedUpperFirst))]
    [InlineData("iPhone", nameof(CapPattern.MixedLowerFirst))]
    [InlineData("said", nameof(CapPattern.Lower))]
    [InlineData("1996", nameof(CapPattern.NoLetters))]
    public void Capitalisation_patterns(string token, string expected) => Assert.Equal(expected, TokenText.Cap(token).ToString());

    [Fact]
    public void Window_features_do_not_cross_sentence_boundaries()
    {
        var lexicon = EntityLexicon.Empty;
        var a = Keys("Rain fell. Putin spoke.", lexicon, token: 3);   // "Putin", after another sentence
        var b = Keys("Putin spoke.", lexicon, token: 0);              // "Putin", first in the document
        // Same features except the sentence-position ones: the context flag says "first sentence" only in b.
        Assert.Equal(a.Length, b.Length);
        Assert.True(a.Intersect(b).Count() >= a.Length - 2, "window features leaked across the sentence boundary");
    }

    [Fact]
    public void Capitalisation_keys_depend_on_the_token_and_neighbour_patterns_and_the_sentence_context()
    {
        var lexicon = EntityLexicon.Empty;
        ulong[] Of(string text, int token)
        {
            var tokens = new DocumentTokens();
            tokens.Load(DocumentFactory.Create(text), lexicon);
            var keys = new ulong[2];
            LocalFeatures.CapitalisationKeys(LocalFeatures.CapitalisationIndex(tokens, token), keys);
            return keys;
        }
        var putin = Of("Rain fell. Then Putin spoke.", 4);
        Assert.Equal(putin, Of("Rain fell. Then Biden left.", 4));             // other words, the same patterns
        Assert.NotEqual(putin[1], Of("Rain fell. Then Putin Spoke.", 4)[1]);    // the right neighbour's pattern
        Assert.NotEqual(putin[1], Of("Rain fell. then Putin spoke.", 4)[1]);    // the left neighbour's pattern
        Assert.NotEqual(putin[1], Of("Rain fell. Putin spoke.", 3)[1]);         // no left neighbour in the sentence
        Assert.NotEqual(putin[0], Of("Rain fell. Then PUTIN spoke.", 4)[0]);    // its own pattern
        Assert.NotEqual(putin[0], Of("Then Putin spoke.", 1)[0]);               // the first sentence (headline)

        // Every index gives its own pair of keys.
        var pairs = new HashSet<(ulong, ulong)>();
        var buffer = new ulong[2];
        for (int index = 0; index < LocalFeatures.CapitalisationValues; index++)
        {
            LocalFeatures.CapitalisationKeys(index, buffer);
            Assert.True(pairs.Add((buffer[0], buffer[1])), $"index {index} repeats another's keys");
        }
    }

    [Fact]
    public void Gazetteer_matches_mark_category_and_position()
    {
        var lexicon = EntityLexicon.Build([], [("country", ["United States", "Belarus"]), ("city", ["Minsk"])]);
        var doc = DocumentFactory.Create("The United States and Belarus met in Minsk, not in minsk.");
        var tokens = new DocumentTokens();
        tokens.Load(doc, lexicon);
        int Index(string word) => Enumerable.Range(0, doc.Tokens.Length).First(i => doc.TokenText(i).SequenceEqual(word));
        ulong Bit(int category, int position) => 1UL << (4 * category + position);
        Assert.Equal(Bit(0, EntityLabels.Begin), tokens.Gazetteer[Index("United")]);
        Assert.Equal(Bit(0, EntityLabels.Last), tokens.Gazetteer[Index("States")]);
        Assert.Equal(Bit(0, EntityLabels.Unit), tokens.Gazetteer[Index("Belarus")]);
        Assert.Equal(Bit(1, EntityLabels.Unit), tokens.Gazetteer[Index("Minsk")]);
        Assert.Equal(0UL, tokens.Gazetteer[Index("minsk")]); // lower-case text does not match
        Assert.Equal(0UL, tokens.Gazetteer[Index("The")]);
    }

    [Fact]
    public void Cluster_paths_are_found_by_exact_then_lower_case_form()
    {
        var lexicon = EntityLexicon.Build([("Moscow", "0110101"), ("said", "1110")], []);
        var doc = DocumentFactory.Create("MOSCOW said Zzyzx");
        var tokens = new DocumentTokens();
        tokens.Load(doc, lexicon);
        int moscow = lexicon.ClusterOf(TokenHashes.WordOf("Moscow"), TokenHashes.LowerOf("Moscow"));
        Assert.Equal(lexicon.ClusterPrefix(moscow, 0), tokens.Cluster[0 * 4 + 0]);
        Assert.Equal(lexicon.ClusterPrefix(moscow, 3), tokens.Cluster[0 * 4 + 3]);
        Assert.NotEqual(tokens.Cluster[0], tokens.Cluster[1 * 4]);
        Assert.Equal(-1, lexicon.ClusterOf(TokenHashes.WordOf("Zzyzx"), TokenHashes.LowerOf("Zzyzx")));
    }

    private static ulong[] Keys(string text, EntityLexicon lexicon, int token)
    {
        var doc = DocumentFactory.Create(text);
        var tokens = new DocumentTokens();
        tokens.Load(doc, lexicon);
        var keys = new ulong[LocalFeatures.MaxStatic];
        int n = LocalFeatures.Static(tokens, token, keys);
        return keys[..n];
    }
}
