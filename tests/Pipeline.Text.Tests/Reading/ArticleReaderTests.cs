using System.Text;
using Pipeline.Text.Reading;

namespace Pipeline.Text.Tests.Reading;

public class ArticleReaderTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<ReadResult> Read(string path, ReadLimits? limits = null) =>
        ArticleReader.Default.Read(path, limits ?? ReadLimits.Default).ToList();

    private static ArticleRead One(string path) => Assert.IsType<ArticleRead>(Assert.Single(Read(path)));

    private static ReadFailure Failure(string path, ReadLimits? limits = null) => Assert.IsType<ReadFailure>(Assert.Single(Read(path, limits)));

    [Fact]
    public void Text_file_with_a_headline()
    {
        var path = _dir.Write("a.txt", "Putin and Lukashenka meet again\n\nThey met in Sochi.\nIt was cold.\n\nThe end.\n");
        var article = One(path);
        Assert.Equal("Putin and Lukashenka meet again", article.Metadata.Headline);
        Assert.Equal("Putin and Lukashenka meet again\n\nThey met in Sochi.\nIt was cold.\n\nThe end.", article.Text);
        Assert.Equal(path, article.Metadata.SourcePath);
        Assert.Equal(path, article.Path);
    }

    [Theory]
    [InlineData("They met in Sochi. It was cold.\n\nThe end.")] // a first paragraph, not a headline
    [InlineData("Headline without a blank line\nThey met in Sochi.")]
    public void Text_file_without_a_headline(string content)
    {
        var article = One(_dir.Write("b.txt", content));
        Assert.Null(article.Metadata.Headline);
        Assert.Equal(content, article.Text);
    }

    [Fact]
    public void Markdown_syntax_is_removed()
    {
        var path = _dir.Write("a.md", """
            ---
            title: "Dialog of dictators"
            author: Brian Whitmore
            date: 2021-05-10
            ---
            # Dialog of dictators

            In a **ritual** that is _becoming_ frequent, [Lukashenka](https://example.org/l) met `Putin`.
            ![a photo](photo.jpg)

            ## The summit

            > “It will be serious,” he said.

            - first point
            - second point

            ---
            [1]: https://example.org/ref
            """);
        var article = One(path);
        Assert.Equal("Dialog of dictators", article.Metadata.Headline);
        Assert.Equal("Brian Whitmore", article.Metadata.Byline);
        Assert.Equal("2021-05-10", article.Metadata.Date);
        Assert.Equal("""
            Dialog of dictators

            In a ritual that is becoming frequent, Lukashenka met Putin.

            The summit

            “It will be serious,” he said.

            - first point
            - second point
            """.ReplaceLineEndings("\n"), article.Text);
    }

    [Fact]
    public void Markdown_heading_is_the_headline()
    {
        var article = One(_dir.Write("b.md", "# Big news\n\nSome snake_case and 2*3*4 stay."));
        Assert.Equal("Big news", article.Metadata.Headline);
        Assert.Equal("Big news\n\nSome snake_case and 2*3*4 stay.", article.Text);
    }

    private const string Page = """
        <!DOCTYPE html>
        <html><head><title>Dialog of dictators | Atlantic Council</title>
        <meta property="og:title" content="Dialog of dictators: How Putin and Lukashenka really talk">
        <meta name="author" content="Brian Whitmore">
        <meta property="article:published_time" content="2021-05-10T12:00:00+02:00">
        <link rel="canonical" href="https://www.example.org/dialog-of-dictators/">
        </head><body>
        <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
        <div class="ad-slot">Buy cheap watches now! Limited offer for our readers.</div>
        <article>
        <h1>Dialog of dictators: How Putin and Lukashenka really talk</h1>
        <p>In a ritual that is becoming as frequent as it is increasingly empty, Alyaksandr Lukashenka is heading to Russia yet again to meet with Vladimir Putin.</p>
        {0}
        <p>“Lukashenko periodically flies off to meet Putin,” Sivitsky wrote.<br>A line after a break.</p>
        <ul><li>First item</li><li>Second item</li></ul>
        </article>
        <aside class="related">Related: ten other stories you will love</aside>
        <footer>Copyright 2021. All rights reserved.</footer>
        </body></html>
        """;

    private static string Prose(int paragraphs) => string.Concat(Enumerable.Range(1, paragraphs).Select(i =>
        $"<p>Paragraph {i} of the body goes on about the summit in Sochi, the strategic partnership and the alliance, with clauses, and commas, like prose.</p>\n"));

    [Theory]
    [InlineData(8)] // long enough for SmartReader
    [InlineData(0)] // too short: the article element is read
    public void Html_main_text_and_meta_tags(int paragraphs)
    {
        var article = One(_dir.Write("a.html", Page.Replace("{0}", Prose(paragraphs))));
        Assert.Equal("Dialog of dictators: How Putin and Lukashenka really talk", article.Metadata.Headline);
        Assert.Equal("Brian Whitmore", article.Metadata.Byline);
        Assert.Equal("2021-05-10T10:00:00Z", article.Metadata.Date);
        Assert.Equal("https://www.example.org/dialog-of-dictators/", article.Metadata.Url);
        Assert.StartsWith("Dialog of dictators: How Putin and Lukashenka really talk\n\nIn a ritual", article.Text);
        Assert.Contains("“Lukashenko periodically flies off to meet Putin,” Sivitsky wrote.\nA line after a break.", article.Text);
        Assert.Contains("First item\n\nSecond item", article.Text);
        Assert.DoesNotContain("watches", article.Text);
        Assert.DoesNotContain("Home", article.Text);
        Assert.DoesNotContain("Related", article.Text);
        Assert.DoesNotContain("Copyright", article.Text);
        Assert.Equal(paragraphs + 5, article.Text.Split("\n\n").Length);
    }

    [Fact]
    public void Json_object_with_field_aliases()
    {
        var path = _dir.Write("a.json", """
            {"headline": "Summit ends", "content": "First paragraph.\nSecond paragraph.", "link": "https://example.org/s",
             "publishedAt": "2021-05-10", "author": [{"name": "A. Writer"}, "B. Writer"], "id": 42,
             "claims": ["Lukashenka will hand over power"], "section": "world", "nested": {"x": 1}}
            """);
        var article = One(path);
        Assert.Equal("Summit ends\n\nFirst paragraph.\n\nSecond paragraph.", article.Text);
        Assert.Equal(path, article.Path);
        var m = article.Metadata;
        Assert.Equal(("Summit ends", "https://example.org/s", "2021-05-10", "A. Writer, B. Writer", "42"), (m.Headline, m.Url, m.Date, m.Byline, m.ExternalId));
        Assert.Equal(["Lukashenka will hand over power"], m.Claims.ToArray());
        Assert.Equal("world", m.Extra["section"]);
        Assert.False(m.Extra.ContainsKey("nested"));
    }

    [Fact]
    public void Json_array_gives_one_article_per_item()
    {
        var path = _dir.Write("many.json", """[{"title": "One", "body": "Text one."}, {"text": "<p>Text <b>two</b>.</p><p>More.</p>"}, 3]""");
        var results = Read(path);
        Assert.Equal(3, results.Count);
        Assert.Equal($"{path}#1", results[0].Path);
        Assert.Equal("One\n\nText one.", Assert.IsType<ArticleRead>(results[0]).Text);
        Assert.Equal("Text two.\n\nMore.", Assert.IsType<ArticleRead>(results[1]).Text);
        Assert.Equal("item 3: not a JSON object", Assert.IsType<ReadFailure>(results[2]).Reason);
    }

    [Fact]
    public void Json_lines_read_every_good_record_and_name_the_bad_lines()
    {
        var path = _dir.Write("a.jsonl", """
            {"title": "One", "body": "Text one.", "date": "May 10, 2021"}

            {"title": "Two", "body": "Text two.
            {"title": "Three"}
            {"title": "Four", "text": "Text four."}
            """);
        var results = Read(path);
        Assert.Equal(4, results.Count);
        var one = Assert.IsType<ArticleRead>(results[0]);
        Assert.Equal(($"{path}#1", "2021-05-10"), (one.Path, one.Metadata.Date));
        Assert.Equal($"{path}#1", one.Metadata.SourcePath);
        var bad = Assert.IsType<ReadFailure>(results[1]);
        Assert.Equal($"{path}#2", bad.Path);
        Assert.StartsWith("line 3: invalid JSON: ", bad.Reason);
        Assert.DoesNotContain('\n', bad.Reason);
        Assert.Equal("line 4: no text field (body, text or content)", Assert.IsType<ReadFailure>(results[2]).Reason);
        Assert.Equal(($"{path}#4", "Four\n\nText four."), (results[3].Path, Assert.IsType<ArticleRead>(results[3]).Text));
    }

    [Fact]
    public void Missing_path_fails()
    {
        Assert.Equal("no such file", Failure(Path.Combine(_dir.Root, "nope.txt")).Reason);
        Assert.Equal("is a directory, not a file", Failure(_dir.Root).Reason);
    }

    [Theory]
    [InlineData("empty.txt", "", "empty file")]
    [InlineData("blank.txt", "  \n\n\t \n", "no text (empty or whitespace only)")]
    [InlineData("empty.jsonl", "", "empty file")]
    [InlineData("blank.jsonl", "\n\n", "no records (empty file)")]
    [InlineData("bad.json", "{\"title\": ", "invalid JSON: ")]
    public void Empty_or_blank_files_fail(string name, string content, string reason) =>
        Assert.StartsWith(reason, Failure(_dir.Write(name, content)).Reason);

    [Theory]
    [InlineData("image.png")]
    [InlineData("data.txt")]
    [InlineData("data.jsonl")]
    public void Binary_files_fail(string name)
    {
        var bytes = new byte[600];
        new Random(1).NextBytes(bytes);
        bytes[10] = 0;
        Assert.Equal("binary file (not text)", Failure(_dir.Write(name, bytes)).Reason);
    }

    [Fact]
    public void Control_characters_without_nul_are_binary()
    {
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(i % 3 == 0 ? 0x01 : 'a')).ToArray();
        Assert.Equal("binary file (not text)", Failure(_dir.Write("ctl.txt", bytes)).Reason);
    }

    [Fact]
    public void Files_over_the_limit_fail_with_size_and_limit()
    {
        var limits = new ReadLimits { MaxCharacters = 100 };
        var longText = _dir.Write("long.txt", new string('a', 250) + " end.");
        Assert.Equal("text is 255 characters, over the limit of 100", Failure(longText, limits).Reason);
        var huge = _dir.Write("huge.txt", new string('a', 400));
        Assert.Equal("file is 400 bytes, over the limit of 100 characters", Failure(huge, limits).Reason);
        var jsonl = _dir.Write("long.jsonl", "{\"body\": \"short\"}\n{\"body\": \"" + new string('b', 150) + "\"}\n");
        var results = Read(jsonl, limits);
        Assert.IsType<ArticleRead>(results[0]);
        Assert.Equal("line 2: text is 150 characters, over the limit of 100", Assert.IsType<ReadFailure>(results[1]).Reason);
    }

    [Fact]
    public void Unreadable_file_fails()
    {
        var path = _dir.Write("locked.txt", "Some text.");
        using var locked = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        Assert.StartsWith("cannot read: ", Failure(path).Reason);
    }

    [SkippableFact]
    public void File_without_read_permission_fails()
    {
        var path = _dir.Write("secret.txt", "Some text.");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.None);
        Skip.If(CanOpen(path), "file permissions do not stop this user (Windows, or root)");
        Assert.Equal("cannot read: permission denied", Failure(path).Reason);
    }

    private static bool CanOpen(string path)
    {
        try { File.OpenRead(path).Dispose(); return true; }
        catch (UnauthorizedAccessException) { return false; }
    }

    [Fact]
    public void Encodings_are_detected()
    {
        const string text = "Łukaszenka’s café — “naïve”";
        var utf8Bom = _dir.Write("bom.txt", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);
        var utf16Le = _dir.Write("le.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);
        var utf16Be = _dir.Write("be.txt", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)]);
        foreach (var path in new[] { utf8Bom, utf16Le, utf16Be }) Assert.Equal(text, One(path).Text);

        // Windows-1252: ’ is 0x92, “ ” are 0x93 0x94, é is 0xE9; not valid UTF-8
        byte[] cp1252 = [.. "Caf"u8, 0xE9, (byte)' ', 0x93, (byte)'q', 0x94, (byte)' ', (byte)'i', (byte)'t', 0x92, (byte)'s'];
        var legacy = One(_dir.Write("cp1252.txt", cp1252));
        Assert.Equal("Café “q” it’s", legacy.Text);
        Assert.Equal("not valid UTF-8; read as Windows-1252", legacy.Warning);
        Assert.Null(One(utf8Bom).Warning);
    }

    [Fact]
    public void Line_ends_become_line_feeds()
    {
        var article = One(_dir.Write("crlf.txt", "Headline\r\n\r\nBody one.\r\nBody two.\r"));
        Assert.Equal("Headline\n\nBody one.\nBody two.", article.Text);
        Assert.Equal("Headline", article.Metadata.Headline);
    }

    [Fact]
    public void Unknown_extension_is_read_as_text()
    {
        var article = One(_dir.Write("story.news", "Title\n\nBody."));
        Assert.Equal(("Title", "Title\n\nBody."), (article.Metadata.Headline, article.Text));
    }
}
