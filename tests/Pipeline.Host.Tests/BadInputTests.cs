using System.Net.Sockets;
using Pipeline.Tests;

namespace Pipeline.Host.Tests;

/// <summary>Each bad input gets one line naming the file and the reason; every other record is intact.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _good;

    public BadInputTests()
    {
        _good = _temp.Write("in/good.txt", File.ReadAllText(Path.Combine(TestPaths.Seeds, "dialog-of-dictators.txt")));
    }

    public void Dispose() => _temp.Dispose();

    private (int Code, string Stdout, List<System.Text.Json.JsonElement> Records) Run(string bad, params string[] extra)
    {
        var output = _temp.Combine("out");
        var (code, stdout, _) = ConfigTests.Cli(["run", _good, bad, "--out", output, .. extra]);
        var records = File.ReadLines(Path.Combine(output, "annotations.jsonl")).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.Clone()).ToList();
        return (code, stdout, records);
    }

    private void AssertRejected(string bad, string reason, params string[] extra)
    {
        var (code, stdout, records) = Run(bad, extra);

        Assert.Equal(1, code);
        Assert.Equal(2, records.Count);
        Assert.Equal("ok", records[0].Str("status"));
        Assert.Equal(_good, records[0].Str("path"));
        Assert.Equal("rejected", records[1].Str("status"));
        Assert.Contains(reason, records[1].Str("reason"));
        var line = Assert.Single(stdout.Split('\n'), l => l.Contains("PL2001"));
        Assert.StartsWith($"{bad}: error PL2001: ", line);
        Assert.Contains(reason, line);
    }

    [Fact]
    public void A_folder_s_files_of_other_types_are_passed_over_with_one_line_and_a_named_one_is_read()
    {
        var table = _temp.Write("in/index.tsv", "id\ttitle\n1\tPutin meets Lukashenka\n");
        var output = _temp.Combine("out");
        var (code, _, stderr) = ConfigTests.Cli(["run", _temp.Combine("in"), "--out", output]);
        Assert.Equal(0, code);
        var record = Assert.Single(File.ReadLines(Path.Combine(output, "annotations.jsonl")));
        Assert.Contains("good.txt", record);
        var line = Assert.Single(stderr.Split('\n'), l => l.Contains("not read"));
        Assert.Contains(table, line);
        Assert.Contains("glob", line);

        var (namedCode, _, namedErr) = ConfigTests.Cli(["run", table, "--out", output]);
        Assert.Equal(0, namedCode);
        Assert.Contains("index.tsv", Assert.Single(File.ReadLines(Path.Combine(output, "annotations.jsonl"))));
        Assert.DoesNotContain("not read", namedErr);
    }

    [Fact]
    public void Files_passed_over_are_counted_by_extension_in_one_line()
    {
        var passedOver = new Pipeline.Host.Running.PassedOverFiles();
        Assert.Null(passedOver.Describe());
        foreach (var path in new[] { "feed/index.tsv", "feed/a.CSV", "feed/b.csv", "feed/report.pdf" }) passedOver.Add(path);
        Assert.Equal("pipeline: folders: 4 files (2 .csv, 1 .pdf, 1 .tsv; the first feed/index.tsv) not read, not being of an article type; " +
                     "name a file, or match it with a glob, to read it", passedOver.Describe());
    }

    [Fact]
    public void A_missing_path() => AssertRejected(_temp.Combine("in/missing.txt"), "no such file or directory");

    [Fact]
    public void An_empty_file() => AssertRejected(_temp.Write("in/empty.txt", ""), "empty");

    [Fact]
    public void A_file_over_the_size_limit() => AssertRejected(_temp.Write("in/long.txt", new string('a', 8000) + " end."), "over the limit of", "--max-chars", "7000");

    [Fact]
    public void A_binary_file() => AssertRejected(_temp.Write("in/image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]), "binary file");

    [Fact]
    public void A_malformed_json_record_is_rejected_and_the_other_records_of_its_file_are_kept()
    {
        var feed = _temp.Write("in/feed.jsonl", """
            {"title": "First", "body": "The first article."}
            {"title": "Second", "body": "cut short
            {"title": "Third", "body": "The third article."}
            """);
        var (code, stdout, records) = Run(feed);

        Assert.Equal(1, code);
        Assert.Equal(["ok", "ok", "rejected", "ok"], records.Select(r => r.Str("status")));
        Assert.Equal([_good, feed + "#1", feed + "#2", feed + "#3"], records.Select(r => r.Str("path")));
        Assert.StartsWith("line 2: invalid JSON", records[2].Str("reason"));
        var line = Assert.Single(stdout.Split('\n'), l => l.Contains("PL2001"));
        Assert.StartsWith($"{feed}#2: error PL2001: line 2: invalid JSON", line);
    }

    [Fact]
    public void A_text_file_that_is_not_valid_utf8_is_read_as_windows_1252_with_a_one_line_warning()
    {
        // The readers' legacy fallback: not an error, the text comes out right, and the console says what happened.
        var legacy = _temp.Write("in/legacy.txt", [.. "Caf"u8, 0xE9, (byte)' ', 0x93, (byte)'q', 0x94, (byte)'.']);
        var (code, stdout, records) = Run(legacy);

        Assert.Equal(0, code);
        Assert.Equal(["ok", "ok"], records.Select(r => r.Str("status")));
        Assert.Equal("Café “q”.", records[1].Str("text"));
        Assert.DoesNotContain("PL2001", stdout);
        Assert.Equal($"{legacy}: warning PL2002: not valid UTF-8; read as Windows-1252", Assert.Single(stdout.Split('\n'), l => l.Contains("PL2002")));
        Assert.Contains("0 errors, 1 warnings", stdout);
        Assert.Contains("PL2002", File.ReadAllText(_temp.Combine("out", "findings.sarif")));
    }

    [SkippableFact]
    public void An_unreadable_file()
    {
        Skip.If(OperatingSystem.IsWindows(), "uses a Unix domain socket as a file that cannot be read");
        // A socket: it exists, but opening it for reading fails (even as root, unlike chmod 000).
        var path = _temp.Combine("in/socket.txt");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        var (code, stdout, records) = Run(path);

        Assert.Equal(1, code);
        Assert.Equal("ok", records[0].Str("status"));
        Assert.Equal("rejected", records[1].Str("status"));
        Assert.StartsWith($"{path}: error PL2001: ", Assert.Single(stdout.Split('\n'), l => l.Contains("PL2001")));
    }

    [Fact]
    public void A_plugin_dll_that_is_not_an_assembly()
    {
        var plugins = _temp.Combine("plugins");
        var broken = _temp.Write("plugins/Broken.dll", "MZ but not really");
        PluginEmitter.Emit(Path.Combine(plugins, "Good", "Good.dll"), "Good", new EmittedAnalyzer("Good.Analyzer", "good"));
        var output = _temp.Combine("out");
        var (code, stdout, _) = ConfigTests.Cli("run", _good, "--out", output, "--plugins", plugins);

        Assert.Equal(1, code);
        var line = Assert.Single(stdout.Split('\n'), l => l.Contains("PL1001"));
        Assert.StartsWith($"{broken}: error PL1001: not a .NET assembly", line);
        Assert.Equal("ok", System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "annotations.jsonl"))).RootElement.Str("status"));
    }
}
