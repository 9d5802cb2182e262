namespace Pipeline.Learning.Clustering;

/// <summary>The result of clustering: every word with its count and its path in the hierarchy.</summary>
public sealed class ClusterHierarchy
{
    private readonly WordBigrams _data;
    private readonly string[] _paths;

    internal ClusterHierarchy(WordBigrams data, string[] paths, int leafClusters)
    {
        _data = data;
        _paths = paths;
        LeafClusters = leafClusters;
    }

    /// <summary>Clusters at the bottom of the hierarchy (distinct paths).</summary>
    public int LeafClusters { get; }

    public int WordCount => _paths.Length;
    public string Word(int rank) => _data.Words[rank];
    public long Count(int rank) => _data.Counts[rank];

    /// <summary>The path of a word as '0'/'1' characters (full length).</summary>
    public string Path(int rank) => _paths[rank];

    /// <summary>
    /// Writes the usual `path TAB word TAB count` lines, ordered by path and then by decreasing count,
    /// so that each cluster's words are together.
    /// </summary>
    public void WriteTsv(TextWriter writer)
    {
        var order = Enumerable.Range(0, _paths.Length)
            .OrderBy(r => _paths[r], StringComparer.Ordinal).ThenByDescending(r => _data.Counts[r])
            .ThenBy(r => _data.Words[r], StringComparer.Ordinal);
        foreach (int r in order)
        {
            writer.Write(_paths[r]);
            writer.Write('\t');
            writer.Write(_data.Words[r]);
            writer.Write('\t');
            writer.Write(_data.Counts[r]);
            writer.Write('\n');
        }
    }
}
