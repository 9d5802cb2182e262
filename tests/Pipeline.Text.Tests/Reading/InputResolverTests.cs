using Pipeline.Text.Reading;

namespace Pipeline.Text.Tests.Reading;

public class InputResolverTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public InputResolverTests()
    {
        foreach (var file in new[] { "b.txt", "a/z.txt", "a/b-c.txt", "a/b/x.txt", "a/.hidden.txt", ".git/config", "c.md" })
            _dir.Write(file, "text");
    }

    public void Dispose() => _dir.Dispose();

    private string Rel(string path) => Path.GetRelativePath(_dir.Root, path).Replace('\\', '/');

    private List<string> Files(params string[] inputs) =>
        [.. InputResolver.Resolve(inputs).Select(r => r.Error is null ? Rel(r.Path) : $"{r.Path}: {r.Error}")];

    [Fact]
    public void Folders_are_walked_recursively_in_ordinal_path_order_without_hidden_entries() =>
        Assert.Equal(["a/b-c.txt", "a/b/x.txt", "a/z.txt", "b.txt", "c.md"], Files(_dir.Root));

    [Fact]
    public void Globs_match_under_their_folder()
    {
        Assert.Equal(["a/b-c.txt", "a/b/x.txt", "a/z.txt", "b.txt"], Files(Path.Combine(_dir.Root, "**", "*.txt")));
        Assert.Equal(["a/b-c.txt", "a/z.txt"], Files(Path.Combine(_dir.Root, "a", "*.txt")));
        var none = Path.Combine(_dir.Root, "*.pdf");
        Assert.Equal([$"{none}: no files match"], Files(none));
    }

    [Fact]
    public void Single_files_and_missing_paths()
    {
        var missing = Path.Combine(_dir.Root, "missing.txt");
        Assert.Equal(["c.md", $"{missing}: no such file or directory", "a/.hidden.txt"],
            Files(Path.Combine(_dir.Root, "c.md"), missing, Path.Combine(_dir.Root, "a", ".hidden.txt")));
    }

    [Fact]
    public void List_files_resolve_relative_to_themselves()
    {
        var list = _dir.Write("lists/inputs.txt", "# articles\n../c.md\n\n../a/b\n../nothing.txt\n");
        var missing = Path.Combine(_dir.Root, "lists", "../nothing.txt");
        Assert.Equal(["c.md", "a/b/x.txt", $"{missing}: no such file or directory"], Files("@" + list));
        Assert.Equal([$"@{list}.none: list file not found"], Files("@" + list + ".none"));
    }

    [Fact]
    public void A_folder_marks_its_files_of_other_types_and_named_files_are_read_whatever_their_type()
    {
        foreach (var file in new[] { "feed/index.tsv", "feed/story", "feed/one.TXT", "feed/two.html", "feed/export.csv" })
            _dir.Write(file, "text");
        var folder = InputResolver.Resolve([Path.Combine(_dir.Root, "feed")]).Select(r => (Rel(r.Path), r.OtherType));
        Assert.Equal([("feed/export.csv", true), ("feed/index.tsv", true), ("feed/one.TXT", false), ("feed/story", false), ("feed/two.html", false)], folder);
        Assert.False(Assert.Single(InputResolver.Resolve([Path.Combine(_dir.Root, "feed", "index.tsv")])).OtherType);
        Assert.All(InputResolver.Resolve([Path.Combine(_dir.Root, "feed", "*.tsv")]), r => Assert.False(r.OtherType));
    }

    [Fact]
    public void A_folder_with_no_article_file_names_nothing_readable()
    {
        var empty = Path.Combine(_dir.Root, "empty");
        Directory.CreateDirectory(empty);
        _dir.Write("tables/index.tsv", "text");
        var tables = Path.Combine(_dir.Root, "tables");
        Assert.Equal([$"{empty}: no article files in the folder (.txt, .md, .html, .json, .jsonl or no extension)"], Files(empty));
        var resolved = InputResolver.Resolve([tables]).ToList();
        Assert.Equal(2, resolved.Count);
        Assert.True(resolved[0].OtherType);
        Assert.Equal(tables, resolved[1].Path);
        Assert.NotNull(resolved[1].Error);
    }

    [Fact]
    public void Order_is_the_order_of_the_inputs() =>
        Assert.Equal(["c.md", "b.txt"], Files(Path.Combine(_dir.Root, "c.md"), Path.Combine(_dir.Root, "b.txt")));
}
