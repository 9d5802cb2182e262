using System.Collections.Immutable;
using Pipeline.Analyzers.Hedging;
using Pipeline.Sdk;
using Pipeline.Text;
using static Pipeline.Analyzers.Tests.Hedging.HedgingTestKit;

namespace Pipeline.Analyzers.Tests.Hedging;

public class HolderAndFindingTests
{
    private const string Text = "The deal may collapse. \"It could happen tomorrow,\" Ivanov said.";

    [Theory]
    [InlineData(HedgingTier.Lexicon)]
    [InlineData(HedgingTier.Ml)]
    public void Part_of_a_compound_is_no_hedge_but_a_whole_word_is(HedgingTier tier)
    {
        var cues = CueTexts("The firm reported worse-than-expected profits, a Brussels-based think-tank said. " +
                            "The so-called reforms may fail, said a think tank in London.", tier);
        Assert.DoesNotContain("expected", cues);
        Assert.DoesNotContain("think", cues);
        Assert.Contains("may", cues);
    }

    [Theory]
    [InlineData(HedgingTier.Lexicon)]
    [InlineData(HedgingTier.Ml)]
    public void The_lexicons_exceptions_hold_in_either_tier(HedgingTier tier)
    {
        var cues = CueTexts("The centre was supposed to be self-funded, but has failed to attract the firms it needs. " +
                            "Ministers want the new rules in place as soon as possible, and possibly by May.", tier);
        Assert.DoesNotContain("supposed", cues);
        Assert.DoesNotContain("possible", cues);
        Assert.Contains("possibly", cues);
    }

    [Fact]
    public void A_cue_inside_an_attributed_quote_belongs_to_the_speaker()
    {
        var doc = WithQuote(DocumentFactory.Create(Text), "It could happen tomorrow,", "Pyotr Ivanov");
        var cues = Annotate(doc).Cues;
        var may = Assert.Single(cues, c => doc.GetString(c.Span) == "may");
        var could = Assert.Single(cues, c => doc.GetString(c.Span) == "could");
        Assert.Equal((HolderKind.Author, "author", null), (may.Holder, may.HolderName, may.QuoteId));
        Assert.Equal((HolderKind.Speaker, "Pyotr Ivanov", "c-pyotr-ivanov", "q1"), (could.Holder, could.HolderName, could.HolderClusterId, could.QuoteId));
    }

    [Fact]
    public void A_cue_inside_an_indirect_quotes_reported_clause_belongs_to_the_speaker()
    {
        var text = "Ivanov said that the deal might collapse.";
        var doc = WithQuote(DocumentFactory.Create(text), "the deal might collapse", "Pyotr Ivanov");
        var cue = Assert.Single(Annotate(doc).Cues);
        Assert.Equal(HolderKind.Speaker, cue.Holder);
    }

    [Fact]
    public void Without_a_quotes_layer_quoted_text_is_a_speakers_of_unknown_name()
    {
        var doc = DocumentFactory.Create(Text);
        if (doc.Quotations.IsEmpty) return; // the segmenter in use pairs no quotation marks: nothing to fall back on
        var could = Assert.Single(Annotate(doc).Cues, c => doc.GetString(c.Span) == "could");
        Assert.Equal((HolderKind.Speaker, null), (could.Holder, could.HolderName));
    }

    [Fact]
    public void An_empty_quotes_layer_means_no_quote_even_between_quotation_marks()
    {
        var doc = DocumentFactory.Create(Text).WithLayer(Layers.Quotes, []);
        Assert.All(Annotate(doc).Cues, c => Assert.Equal(HolderKind.Author, c.Holder));
    }

    [Fact]
    public void Each_uncertain_sentence_lists_its_cues()
    {
        var result = Annotate("It may rain. The sun is out. Perhaps it will clear if the wind turns.");
        Assert.Equal(2, result.Sentences.Length);
        Assert.All(result.Sentences, s => Assert.True(s.Uncertain));
        Assert.Equal(["h1"], result.Sentences[0].CueIds.ToArray());
        Assert.Equal(["h2", "h3"], result.Sentences[1].CueIds.ToArray());
    }

    [Fact]
    public void HDG001_reports_the_authors_hedge_not_the_speakers()
    {
        var doc = WithQuote(DocumentFactory.Create(Text), "It could happen tomorrow,", "Pyotr Ivanov");
        var finding = Assert.Single(Annotate(doc).Findings, f => f.RuleId == "HDG001");
        Assert.Equal("may", doc.GetString(finding.Span));
        Assert.Contains("'may'", finding.Message);
        Assert.Contains("reporter's own voice", finding.Message);
    }

    [Fact]
    public void HDG005_takes_the_place_of_HDG001_for_the_reporting_verb_of_a_named_speaker()
    {
        var text = "Russia claims to have foiled a coup plot. The plan may fail.";
        var doc = WithQuote(DocumentFactory.Create(text), "to have foiled a coup plot", "Russia", cue: "claims");
        var findings = Annotate(doc, options: new HedgingOptions { Tier = HedgingTier.Lexicon }).Findings;
        var doubt = Assert.Single(findings, f => f.RuleId == "HDG005");
        Assert.Equal("claims", doc.GetString(doubt.Span));
        Assert.Contains("the words it gives to Russia", doubt.Message);
        Assert.DoesNotContain(findings, f => f.RuleId == "HDG001" && doc.GetString(f.Span) == "claims");
        Assert.Contains(findings, f => f.RuleId == "HDG001" && doc.GetString(f.Span) == "may");
    }

    [Fact]
    public void A_belief_verb_of_a_named_speaker_is_the_speakers_hedge()
    {
        var text = "Charles Kennedy believes the party could win 100 seats.";
        var doc = WithQuote(DocumentFactory.Create(text), "the party could win 100 seats", "Charles Kennedy", cue: "believes");
        var result = Annotate(doc, options: new HedgingOptions { Tier = HedgingTier.Lexicon });
        var believes = Assert.Single(result.Cues, c => doc.GetString(c.Span) == "believes");
        Assert.Equal((HolderKind.Speaker, "Charles Kennedy", "q1"), (believes.Holder, believes.HolderName, believes.QuoteId));
        Assert.DoesNotContain(result.Findings, f => f.RuleId is "HDG001" or "HDG005");
    }

    [Theory]
    [InlineData("Analysts believe the deal could collapse.", "Analysts", SpeakerKind.Anonymous)]
    [InlineData("The report suggests the deal could collapse.", "The report", SpeakerKind.Unknown)]
    public void A_belief_verb_of_an_unnamed_written_speaker_is_theirs(string text, string speaker, SpeakerKind kind)
    {
        var doc = WithQuote(DocumentFactory.Create(text), "the deal could collapse", speaker, cue: text.Split(' ')[speaker.Split(' ').Length], kind: kind);
        var result = Annotate(doc, options: new HedgingOptions { Tier = HedgingTier.Lexicon, Weasels = false });
        Assert.All(result.Cues, c => Assert.Equal((HolderKind.Speaker, speaker), (c.Holder, c.HolderName)));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "HDG001");
    }

    [Theory]
    [InlineData("Some panel members are doubtful that the deal will hold.", "Some panel members", "are doubtful", "doubtful")]
    [InlineData("Cory Doctorow expressed doubts that the deal will hold.", "Cory Doctorow", "expressed doubts", "doubts")]
    public void The_attitude_a_speaker_is_in_or_voices_is_theirs(string text, string speaker, string cue, string hedge)
    {
        var content = text[(text.IndexOf(cue, StringComparison.Ordinal) + cue.Length + 1)..^1];
        var doc = WithQuote(DocumentFactory.Create(text), content, speaker, cue: cue, kind: SpeakerKind.Anonymous);
        var result = Annotate(doc, options: new HedgingOptions { Tier = HedgingTier.Lexicon, Weasels = false });
        var cueOfHedge = Assert.Single(result.Cues, c => doc.GetString(c.Span) == hedge);
        Assert.Equal((HolderKind.Speaker, speaker), (cueOfHedge.Holder, cueOfHedge.HolderName));
    }

    [Theory]
    [InlineData("That suggests the deal could collapse.", "That", "suggests")]
    [InlineData("I think the deal could collapse.", "I", "think")]
    [InlineData("Analysts might think the deal is off.", "Analysts", "might think")]
    [InlineData("Jerry Kilgore reportedly said the deal is off.", "Jerry Kilgore", "reportedly said")]
    public void The_writers_own_voice_keeps_its_hedge_in_a_cue(string text, string speaker, string cue)
    {
        var content = text[(text.IndexOf(cue, StringComparison.Ordinal) + cue.Length + 1)..^1];
        var doc = WithQuote(DocumentFactory.Create(text), content, speaker, cue: cue,
            kind: speaker.Contains(' ') ? SpeakerKind.Named : speaker == "Analysts" ? SpeakerKind.Anonymous : SpeakerKind.Unknown);
        var result = Annotate(doc, options: new HedgingOptions { Tier = HedgingTier.Lexicon });
        var first = result.Cues.First(c => c.Span.Start == text.IndexOf(cue, StringComparison.Ordinal));
        Assert.Equal(HolderKind.Author, first.Holder);
        Assert.Contains(result.Findings, f => f.RuleId == "HDG001" && f.Span == first.Span);
    }

    [Fact]
    public void A_doubting_verb_with_no_named_speaker_stays_the_reporters_hedge()
    {
        var text = "Russia claims to have foiled a coup plot.";
        var doc = DocumentFactory.Create(text).WithLayer(Layers.Quotes, [new Quote
        {
            Id = "q1", Span = new TextSpan(14, 26), Kind = QuoteKind.Indirect, Content = [new TextSpan(14, 26)], Cue = new TextSpan(7, 6),
        }]);
        var findings = Annotate(doc, options: new HedgingOptions { Tier = HedgingTier.Lexicon }).Findings;
        Assert.Contains(findings, f => f.RuleId == "HDG001" && doc.GetString(f.Span) == "claims");
        Assert.DoesNotContain(findings, f => f.RuleId == "HDG005");
    }

    [Fact]
    public void HDG001_covers_only_the_configured_types()
    {
        var options = new HedgingOptions { Tier = HedgingTier.Lexicon, ReporterHedgeTypes = [HedgeType.Condition] };
        var findings = Annotate("It may rain if the wind turns.", options: options).Findings;
        var finding = Assert.Single(findings, f => f.RuleId == "HDG001");
        Assert.Contains("'if'", finding.Message);
    }

    [Theory]
    [InlineData("Citing unidentified officials, the paper said talks were planned.", "unidentified officials")]
    [InlineData("Some observers expect a coup.", "Some observers")]
    [InlineData("Critics say the plan is flawed.", "Critics say")]
    [InlineData("It is believed that the army agreed.", "It is believed")]
    public void HDG002_names_the_vague_source(string text, string cue)
    {
        var finding = Assert.Single(Annotate(text).Findings, f => f.RuleId == "HDG002");
        Assert.Equal(cue, text.Substring(finding.Span.Start, finding.Span.Length));
        Assert.Contains($"'{cue}'", finding.Message);
        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Theory]
    [InlineData("Few people get excited when new software is released.", false)]
    [InlineData("Many people finished work on Friday.", false)]
    [InlineData("Many people say the plan is flawed.", true)]
    [InlineData("Some people have long believed the plan is flawed.", true)]
    public void HDG002_takes_a_headcount_of_people_for_a_source_only_when_they_say_or_think(string text, bool flagged)
    {
        var result = Annotate(text, options: new HedgingOptions { Tier = HedgingTier.Lexicon });
        Assert.Contains(result.Cues, c => c.Type == HedgeType.Weasel);
        Assert.Equal(flagged, result.Findings.Any(f => f.RuleId == "HDG002"));
    }

    [Fact]
    public void Weasels_can_be_turned_off()
    {
        var result = Annotate("Some observers expect a coup.", options: new HedgingOptions { Tier = HedgingTier.Lexicon, Weasels = false });
        Assert.DoesNotContain(result.Cues, c => c.Type == HedgeType.Weasel);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "HDG002");
    }

    [Fact]
    public void HDG003_flags_a_hedge_in_the_headline()
    {
        const string headline = "Putin could visit Minsk";
        var doc = DocumentFactory.Create(headline + "\n\nThe visit is planned for June.", new DocumentMetadata { Headline = headline });
        var finding = Assert.Single(Annotate(doc).Findings, f => f.RuleId == "HDG003");
        Assert.Equal("could", doc.GetString(finding.Span));
        Assert.DoesNotContain(Annotate(doc).Findings, f => f.RuleId == "HDG001");
    }

    [Fact]
    public void HDG004_flags_stacked_hedges_from_the_threshold_on()
    {
        const string text = "Perhaps the deal may possibly collapse. It might.";
        var finding = Assert.Single(Annotate(text).Findings, f => f.RuleId == "HDG004");
        Assert.Equal(3, finding.AnnotationIds.Length);
        Assert.Contains("3 hedges", finding.Message);
        Assert.Contains("'Perhaps', 'may', 'possibly'", finding.Message);
        var relaxed = new HedgingOptions { Tier = HedgingTier.Lexicon, StackThreshold = 4 };
        Assert.DoesNotContain(Annotate(text, options: relaxed).Findings, f => f.RuleId == "HDG004");
    }

    [Fact]
    public void Options_are_read_and_checked()
    {
        var options = HedgingOptions.From(Options("""{"tier":"lexicon","stackThreshold":5,"reporterHedgeTypes":["epistemic"],"weasels":false}"""));
        Assert.Equal((HedgingTier.Lexicon, 5, false), (options.Tier, options.StackThreshold, options.Weasels));
        Assert.Equal([HedgeType.Epistemic], options.ReporterHedgeTypes);
        Assert.Contains("tier", Assert.Throws<ArgumentException>(() => HedgingOptions.From(Options("""{"tier":"fast"}"""))).Message);
        Assert.Contains("stackThreshold", Assert.Throws<ArgumentException>(() => HedgingOptions.From(Options("""{"stackThreshold":1}"""))).Message);
        Assert.Null(options.CueThreshold);
        Assert.Equal(0.3, HedgingOptions.From(Options("""{"cueThreshold":0.3}""")).CueThreshold);
        Assert.Contains("cueThreshold", Assert.Throws<ArgumentException>(() => HedgingOptions.From(Options("""{"cueThreshold":1.5}"""))).Message);
        Assert.Contains("cueThreshold", Assert.Throws<ArgumentException>(() => HedgingOptions.From(Options("""{"cueThreshold":"high"}"""))).Message);
    }

    [Fact]
    public void A_higher_cue_threshold_keeps_only_the_surer_cues_of_the_ml_tier()
    {
        const string text = "The plan may work, officials said, though it remained unclear whether it could, and analysts suspect it probably will not.";
        var models = new FolderModelStore(Path.GetDirectoryName(HedgingTestKit.ModelFolder)!);
        string[] Cues(double? threshold)
        {
            var options = new HedgingOptions { LexiconFill = LexiconFill.None, CueThreshold = threshold };
            var annotator = new HedgeAnnotator(HedgeDetectors.Load(options, models), options);
            var doc = DocumentFactory.Create(text);
            var analysis = annotator.Annotate(doc, _ => "h", m => new Provenance("hedging", "test") { Method = m });
            return analysis.Cues.Select(c => doc.GetString(c.Span)).ToArray();
        }
        var usual = Cues(null);
        var strict = Cues(0.95);
        Assert.NotEmpty(usual);
        Assert.True(strict.Length < usual.Length, $"0.95 kept {strict.Length} of {usual.Length} cues");
        Assert.All(strict, cue => Assert.Contains(cue, usual));
    }

    private sealed class FolderModelStore(string root) : IModelStore
    {
        public string Resolve(string name) => Path.Combine(root, name);
    }

    private static AnalyzerOptions Options(string json) =>
        new(System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateObject()
            .ToImmutableDictionary(p => p.Name, p => p.Value.Clone()));
}
