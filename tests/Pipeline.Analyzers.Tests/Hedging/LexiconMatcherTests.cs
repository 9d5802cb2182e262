using Pipeline.Analyzers.Hedging;
using Pipeline.Analyzers.Hedging.Lexicon;
using Pipeline.Sdk;
using static Pipeline.Analyzers.Tests.Hedging.HedgingTestKit;

namespace Pipeline.Analyzers.Tests.Hedging;

public class LexiconMatcherTests
{
    [Fact]
    public void Multi_word_cues_are_one_span() =>
        Assert.Equal(["it remained unclear", "is expected to"],
            CueTexts("After the call it remained unclear where things stood. The vote is expected to pass."));

    [Fact]
    public void Longest_entry_wins_over_its_prefix() =>
        Assert.Equal(["appeared to", "whether or not"], CueTexts("He appeared to agree, whether or not he meant it."));

    [Fact]
    public void Cues_match_whole_tokens_only() =>
        Assert.Empty(CueTexts("The mayor voiced dismay at the ifs and buts of the likeliest plan."));

    [Fact]
    public void Upper_case_is_folded() =>
        Assert.Equal(["Reportedly", "ALLEGED"], CueTexts("Reportedly, the ALLEGED plot failed."));

    [Fact]
    public void Typographic_apostrophes_match_plain_ones() =>
        Assert.Empty(CueTexts("He couldn\u2019t say."));

    [Theory]
    [InlineData("The actor appeared on television last night.")]
    [InlineData("Officials could not be reached for comment.")]
    [InlineData("There is no doubt about the result.")]
    [InlineData("Send it as soon as possible.")]
    [InlineData("Initial jobless claims rose by 12,000 last week.")]
    [InlineData("The miner has seen a fivefold rise in profits.")]
    public void Exceptions_suppress_the_cue_inside_them(string text) => Assert.Empty(CueTexts(text));

    [Fact]
    public void A_claim_as_an_assertion_stays_a_cue() =>
        Assert.Equal(["claims"], CueTexts("Russia claims its troops took the town."));

    [Theory]
    [InlineData("The leaders will meet at the end of May.")]
    [InlineData("They met on May 9 in Minsk.")]
    [InlineData("May 2020 was quiet.")]
    [InlineData("Theresa May said nothing.")]
    public void May_the_month_or_name_is_no_cue(string text) => Assert.Empty(CueTexts(text));

    [Theory]
    [InlineData("You may go now.")]
    [InlineData("May I ask a question?")]
    public void Permission_may_is_no_cue(string text) => Assert.Empty(CueTexts(text));

    [Theory]
    [InlineData("Lukashenka may be indicating a succession.", "may")]
    [InlineData("May the talks fail, nobody knows.", "May")]
    [InlineData("Putin May Visit Minsk Next Month", "May")]
    public void Modal_may_is_a_cue(string text, string cue) => Assert.Contains(cue, CueTexts(text));

    [Fact]
    public void Must_have_is_a_cue_only_before_a_participle()
    {
        Assert.Equal(["must have"], CueTexts("The plan must have failed."));
        Assert.Empty(CueTexts("Every team must have a plan."));
    }

    [Fact]
    public void Cue_types_come_from_the_lexicon()
    {
        var result = Annotate("Some observers think the talks may fail if nothing changes, and it is unclear whether they will.");
        var types = result.Cues.Select(c => c.Type).ToArray();
        Assert.Equal([HedgeType.Weasel, HedgeType.Doxastic, HedgeType.Epistemic, HedgeType.Condition, HedgeType.Epistemic, HedgeType.Investigation], types);
    }

    [Fact]
    public void Patterns_expand_alternatives_and_split_words()
    {
        Assert.Equal(["is expected to", "was expected to"], CuePattern.Expand("(is|was) expected to").Select(s => string.Join(' ', s)));
        Assert.Equal(["so-called", "so - called"], CuePattern.Expand("so-called").Select(s => string.Join(' ', s)));
        Assert.Equal(["looks like", "looks as if"], CuePattern.Expand("looks (like|as if)").Select(s => string.Join(' ', s)));
    }

    [Fact]
    public void A_bad_lexicon_line_names_file_and_line()
    {
        var folder = Directory.CreateTempSubdirectory("hedging-lexicon").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, HedgeLexicon.CuesFile), "# cue\ttype\nmay\tepistemic\nperhaps\tvague\n");
            File.WriteAllText(Path.Combine(folder, HedgeLexicon.ExceptionsFile), "");
            var e = Assert.Throws<InvalidDataException>(() => HedgeLexicon.Load(folder));
            Assert.Contains("cues.tsv:3", e.Message);

            File.WriteAllText(Path.Combine(folder, HedgeLexicon.CuesFile), "may\tepistemic\n(might|may)\tepistemic\n");
            e = Assert.Throws<InvalidDataException>(() => HedgeLexicon.Load(folder));
            Assert.Contains("cues.tsv:2", e.Message);
            Assert.Contains("cues.tsv:1", e.Message);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
