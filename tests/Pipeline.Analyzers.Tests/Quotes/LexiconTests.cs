using Pipeline.Analyzers.Quotes.Lexicon;
using Pipeline.Tests;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Quotes;

public sealed class LexiconTests
{
    private static readonly QuotesLexicon Lexicon = QuotesLexicon.Load(Path.Combine(TestPaths.RepoRoot, "models", QuotesLexicon.DefaultName));

    [Fact]
    public void Cue_forms_match_longest_first_and_carry_their_lemma()
    {
        var doc = DocumentFactory.Create("According to officials, she pointed out that he had said it.");
        int according = doc.TokenAt(0);
        Assert.True(Lexicon.Cues.TryMatch(doc, according, doc.Tokens.Length, out int length, out var entry));
        Assert.Equal(2, length);
        Assert.Equal(CueCategory.Sourcing, entry.Category);

        int pointed = doc.TokenAt(doc.Text.IndexOf("pointed", StringComparison.Ordinal));
        Assert.True(Lexicon.Cues.TryMatch(doc, pointed, doc.Tokens.Length, out length, out entry));
        Assert.Equal(("point out", 2), (entry.Lemma, length));

        int said = doc.TokenAt(doc.Text.IndexOf("said", StringComparison.Ordinal));
        Assert.True(Lexicon.Cues.TryMatch(doc, said, doc.Tokens.Length, out _, out entry));
        Assert.Equal("say", entry.Lemma);
        Assert.False(Lexicon.Cues.TryMatch(doc, doc.TokenAt(doc.Text.IndexOf("officials", StringComparison.Ordinal)), doc.Tokens.Length, out _, out _));
    }

    [Fact]
    public void Speaker_words_classify_pronouns_descriptions_and_anonymity()
    {
        var doc = DocumentFactory.Create("He and the company cited sources familiar with the talks");
        Assert.Equal(SpeakerWordClass.PronounPerson, Lexicon.Speakers.Classify(doc, 0));
        Assert.Equal(SpeakerWordClass.OrgNoun, Lexicon.Speakers.Classify(doc, doc.TokenAt(doc.Text.IndexOf("company", StringComparison.Ordinal))));
        Assert.Equal(SpeakerWordClass.VagueHead, Lexicon.Speakers.Classify(doc, doc.TokenAt(doc.Text.IndexOf("sources", StringComparison.Ordinal))));
        int familiar = doc.TokenAt(doc.Text.IndexOf("familiar", StringComparison.Ordinal));
        Assert.Equal(SpeakerWordClass.Anonymity, Lexicon.Speakers.Classify(doc, familiar, doc.Tokens.Length, out int length));
        Assert.Equal(2, length);
    }

    [Theory]
    [InlineData("So far the US has refused to sign.", "US", SpeakerWordClass.None)]
    [InlineData("Let us hope, she said.", "us", SpeakerWordClass.PronounSelf)]
    [InlineData("It said the deal was done.", "It", SpeakerWordClass.PronounGroup)]
    public void A_pronoun_written_in_capitals_is_a_name(string text, string word, SpeakerWordClass expected)
    {
        var doc = DocumentFactory.Create(text);
        Assert.Equal(expected, Lexicon.Speakers.Classify(doc, doc.TokenAt(text.IndexOf(word, StringComparison.Ordinal))));
    }

    [Fact]
    public void First_names_and_titles_tell_a_gender_and_ambiguous_names_none()
    {
        Assert.Equal(Gender.Female, Lexicon.Names.Of("Theresa"));
        Assert.Equal(Gender.Male, Lexicon.Names.Of("gordon"));
        Assert.Equal(Gender.Female, Lexicon.Names.Of("Mrs"));
        Assert.Equal(Gender.Male, Lexicon.Names.Of("Sir"));
        Assert.Equal(Gender.Unknown, Lexicon.Names.Of("Kim"));
        Assert.Equal(Gender.Unknown, Lexicon.Names.Of("Chris"));
        Assert.Equal(Gender.Unknown, Lexicon.Names.Of("May"));
    }

    [Fact]
    public void A_lexicon_folder_without_first_names_tells_no_gender()
    {
        var dir = Directory.CreateTempSubdirectory("quotes-lexicon");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "cues.tsv"), "say\tspeech\tsay|said\n");
            File.WriteAllText(Path.Combine(dir.FullName, "speakers.tsv"), "pronoun-person\the\n");
            Assert.Equal(Gender.Unknown, QuotesLexicon.Load(dir.FullName).Names.Of("Theresa"));

            File.WriteAllText(Path.Combine(dir.FullName, NameGenders.FileName), "female\ttheresa\nneuter\tsam\n");
            var error = Assert.Throws<LexiconException>(() => QuotesLexicon.Load(dir.FullName));
            Assert.Contains("first-names.tsv(2)", error.Message);
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void Firm_heads_may_go_unnamed_and_outlet_heads_and_name_words_mark_news_outlets()
    {
        Assert.True(Lexicon.Bodies.IsOutletHead("Paper"));
        Assert.False(Lexicon.Bodies.IsOutletHead("company"));
        Assert.True(Lexicon.Bodies.IsOutletName("The Sunday Telegraph"));
        Assert.True(Lexicon.Bodies.IsOutletName("BBC News"));
        Assert.False(Lexicon.Bodies.IsOutletName("Standard Chartered"));
        Assert.False(Lexicon.Bodies.IsOutletName("Fiat"));
        Assert.True(Lexicon.Bodies.MayGoUnnamed("company"));
        Assert.False(Lexicon.Bodies.MayGoUnnamed("police"));
    }

    [Fact]
    public void A_lexicon_folder_without_bodies_knows_no_outlet_and_a_bad_bodies_line_is_reported()
    {
        var dir = Directory.CreateTempSubdirectory("quotes-lexicon");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "cues.tsv"), "say\tspeech\tsay|said\n");
            File.WriteAllText(Path.Combine(dir.FullName, "speakers.tsv"), "pronoun-person\the\n");
            Assert.False(QuotesLexicon.Load(dir.FullName).Bodies.IsOutletHead("newspaper"));

            File.WriteAllText(Path.Combine(dir.FullName, BodyLexicon.FileName), "outlet\tnewspaper\nchannel\tBBC\n");
            var error = Assert.Throws<LexiconException>(() => QuotesLexicon.Load(dir.FullName));
            Assert.Contains("bodies.tsv(2)", error.Message);
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void A_bad_line_is_reported_with_its_file_and_line()
    {
        var dir = Directory.CreateTempSubdirectory("quotes-lexicon");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "cues.tsv"), "# header\nsay\tspeech\tsay|said\nwhisper\tgossip\twhisper\n");
            File.WriteAllText(Path.Combine(dir.FullName, "speakers.tsv"), "pronoun-person\the\n");
            var error = Assert.Throws<LexiconException>(() => QuotesLexicon.Load(dir.FullName));
            Assert.Contains("cues.tsv(3)", error.Message);
            Assert.Contains("unknown category 'gossip'", error.Message);

            File.Delete(Path.Combine(dir.FullName, "speakers.tsv"));
            File.WriteAllText(Path.Combine(dir.FullName, "cues.tsv"), "say\tspeech\tsay\n");
            var missing = Assert.Throws<LexiconException>(() => QuotesLexicon.Load(dir.FullName));
            Assert.Contains("speakers.tsv: file not found", missing.Message);
        }
        finally { dir.Delete(recursive: true); }
    }
}
