using Pipeline.Text;
using Pipeline.Text.Reading;

namespace Pipeline.Learning.Clustering;

/// <summary>
/// Feeds text files to a <see cref="CorpusCounter"/>: articles are segmented into sentences and
/// tokens by the pipeline's segmenter (so clusters cover the tokens the analyzers will see);
/// CoNLL-style `.bio` files contribute their token column as it is, one sequence per sentence.
/// </summary>
public static class ClusteringCorpus
{
    /// <summary>Reads every article and `.bio` file under the given paths; returns how many documents were read and which failed.</summary>
    public static (int Documents, List<string> Failures) Read(IReadOnlyList<string> paths, CorpusCounter counter)
    {
        int documents = 0;
        var failures = new List<string>();
        foreach (var input in InputResolver.Resolve(paths))
        {
            if (input.Error is not null) { failures.Add($"{input.Path}: {input.Error}"); continue; }
            if (input.Path.EndsWith(".bio", StringComparison.OrdinalIgnoreCase))
            {
                try { documents += ReadBio(input.Path, counter); }
                catch (IOException ex) { failures.Add($"{input.Path}: {ex.Message}"); }
                continue;
            }
            if (input.OtherType) continue; // a folder's index table or export, not text to cluster
            foreach (var read in ArticleReader.Default.Read(input.Path, ReadLimits.Default))
            {
                if (read is ReadFailure failure) { failures.Add($"{failure.Path}: {failure.Reason}"); continue; }
                AddText(((ArticleRead)read).Text, counter);
                documents++;
            }
        }
        return (documents, failures);
    }

    /// <summary>Segments a text and adds its sentences. The one place where clustering tokenizes.</summary>
    public static void AddText(string text, CorpusCounter counter)
    {
        var segmentation = Segmenter.Default.Segment(text);
        var tokens = segmentation.Tokens;
        foreach (var sentence in segmentation.Sentences)
        {
            for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
                counter.AddToken(text.AsSpan(tokens[t].Span.Start, tokens[t].Span.Length));
            counter.EndSequence();
        }
    }

    /// <summary>Token per line (first tab-separated column), blank line between sentences; -DOCSTART- lines skipped.</summary>
    private static int ReadBio(string path, CorpusCounter counter)
    {
        int documents = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0) { counter.EndSequence(); continue; }
            int tab = line.IndexOf('\t');
            var token = tab < 0 ? line.AsSpan() : line.AsSpan(0, tab);
            if (token.SequenceEqual("-DOCSTART-")) { documents++; counter.EndSequence(); continue; }
            counter.AddToken(token);
        }
        counter.EndSequence();
        return Math.Max(documents, 1);
    }
}
