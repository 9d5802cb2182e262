using System.Numerics;
using System.Runtime.CompilerServices;

namespace Pipeline.Learning.Clustering;

/// <summary>
/// Brown clustering as in Liang (2005): the C most frequent words start as clusters; each next word
/// enters as a cluster of its own and the pair of clusters whose merge loses the least average mutual
/// information (AMI) of the cluster bigram distribution is merged; at the end the C clusters are
/// merged down to one, and the order of those merges is the binary hierarchy that gives the paths.
/// </summary>
/// <remarks>
/// AMI is written with f(x) = x ln x over counts: sum f(n(i,j)) - sum f(left(i)) - sum f(right(j)),
/// the marginals being the row and column sums of the active clusters' bigram table. Then the loss
/// of merging i and j splits into terms each touching only the clusters they name, and the stored
/// loss of a pair changes after an addition or merge only when one of the pair is a neighbour of
/// the smaller cluster involved. Entering a rare word therefore costs O(C x its neighbours), not O(C^2);
/// only a merge of two large clusters costs O(C^2). Finding the best pair scans the stored losses.
/// Slots 0..C hold clusters; a merge frees one slot and the next word takes it.
/// </remarks>
internal sealed class BrownClusterer
{
    private const int TableSize = 1 << 20;
    private static readonly double[] XLogXTable = BuildTable();

    private readonly WordBigrams _data;
    private readonly int _slots;
    private readonly int[] _count;      // _count[i * _slots + j]: bigrams with a word of cluster i first, of j second
    private readonly long[] _left;      // row sums
    private readonly long[] _right;     // column sums
    private readonly double[] _loss;    // _loss[i * _slots + j], i < j: AMI lost by merging i and j; +inf when either slot is empty
    private readonly bool[] _active;
    private readonly int[] _slotOfWord; // -1 until the word has entered
    private readonly int[] _firstWord, _lastWord, _nextWord; // each slot's words as a linked list
    // Scratch, reused by every step.
    private readonly double[] _rowScratch;
    private readonly int[] _colA, _colB, _rowA, _rowB;
    private readonly bool[] _marked;
    private readonly List<int> _neighbours = [], _successors = [], _predecessors = [];

    private int _nextToEnter;
    private int _activeCount;

    public BrownClusterer(WordBigrams data, int clusters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clusters, 1);
        _data = data;
        _slots = Math.Min(clusters, data.WordCount) + 1;
        _count = new int[_slots * _slots];
        _left = new long[_slots];
        _right = new long[_slots];
        _loss = new double[_slots * _slots];
        Array.Fill(_loss, double.PositiveInfinity);
        _active = new bool[_slots];
        _slotOfWord = new int[data.WordCount];
        Array.Fill(_slotOfWord, -1);
        _firstWord = new int[_slots];
        _lastWord = new int[_slots];
        _nextWord = new int[data.WordCount];
        Array.Fill(_nextWord, -1);
        _rowScratch = new double[_slots];
        _colA = new int[_slots];
        _colB = new int[_slots];
        _rowA = new int[_slots];
        _rowB = new int[_slots];
        _marked = new bool[_slots];
        Clusters = clusters;
    }

    public int Clusters { get; }

    /// <summary>Merges done while words were entering (one per word past the first C).</summary>
    public int WindowMerges { get; private set; }

    /// <summary>Runs the whole algorithm and returns each word's path, in rank order.</summary>
    public ClusterHierarchy Run(Action<int, int>? progress = null)
    {
        int total = _data.WordCount;
        while (_nextToEnter < total)
        {
            EnterNextWord();
            if (_activeCount > Clusters) { MergeBestPair(); WindowMerges++; }
            if (progress is not null && _nextToEnter % 1000 == 0) progress(_nextToEnter, total);
        }
        return BuildHierarchy();
    }

    /// <summary>Puts the next word into a free slot as a cluster of its own.</summary>
    internal void EnterNextWord()
    {
        int word = _nextToEnter++, k = Array.IndexOf(_active, false), s = _slots;
        _slotOfWord[word] = k;
        _firstWord[k] = _lastWord[k] = word;
        _data.BigramsOf(word, out var others, out var signedCounts);
        for (int e = 0; e < others.Length; e++)
        {
            int c = signedCounts[e], other = others[e];
            int slot = other == word ? k : _slotOfWord[other];
            if (c > 0) _count[k * s + slot] += c;
            else _count[slot * s + k] -= c;
        }

        // The active clusters next to the new one.
        var touched = _neighbours;
        touched.Clear();
        for (int i = 0; i < s; i++)
            if (_active[i] && (_count[i * s + k] != 0 || _count[k * s + i] != 0)) touched.Add(i);

        // Pairs of neighbours gain the joint term of the new cluster as a context.
        for (int x = 0; x < touched.Count; x++)
            for (int y = x + 1; y < touched.Count; y++)
            {
                int i = touched[x], j = touched[y];
                Loss(i, j) += G(_count[i * s + k], _count[j * s + k]) + G(_count[k * s + i], _count[k * s + j]);
            }

        // Neighbours' marginals grow, which changes their marginal term with every cluster.
        foreach (int i in touched)
        {
            long dl = _count[i * s + k], dr = _count[k * s + i];
            long li = _left[i], ri = _right[i];
            double fl = F(li) - F(li + dl), fr = F(ri) - F(ri + dr);
            for (int j = 0; j < s; j++)
            {
                if (!_active[j] || j == i) continue;
                // G(a, b) - G(a + d, b) = f(a) - f(a + d) - f(a + b) + f(a + d + b)
                double delta = 0;
                if (dl != 0 && _left[j] != 0) delta += fl - F(li + _left[j]) + F(li + dl + _left[j]);
                if (dr != 0 && _right[j] != 0) delta += fr - F(ri + _right[j]) + F(ri + dr + _right[j]);
                Loss(i, j) += delta;
            }
            _left[i] += dl;
            _right[i] += dr;
        }

        long left = 0, right = 0;
        var successors = _successors;
        var predecessors = _predecessors;
        successors.Clear();
        predecessors.Clear();
        for (int c = 0; c < s; c++)
        {
            left += _count[k * s + c];
            right += _count[c * s + k];
            if (c != k && _count[k * s + c] != 0) successors.Add(c);
            if (c != k && _count[c * s + k] != 0) predecessors.Add(c);
        }
        _left[k] = left;
        _right[k] = right;
        _active[k] = true;
        _activeCount++;

        for (int j = 0; j < s; j++)
        {
            if (!_active[j] || j == k) continue;
            double sum = 0;
            foreach (int c in successors)
                if (c != j) sum += G(_count[k * s + c], _count[j * s + c]);
            foreach (int c in predecessors)
                if (c != j) sum += G(_count[c * s + k], _count[c * s + j]);
            Loss(k, j) = sum + SelfTerm(k, j) + MarginalTerm(k, j);
        }
    }

    /// <summary>Merges the pair whose merge loses least; returns the kept slot and the freed one.</summary>
    internal (int Kept, int Freed) MergeBestPair()
    {
        var (i, j) = BestPair();
        // Update cost follows the neighbours of the freed cluster: free the one with fewer.
        var (a, b) = Neighbours(i) >= Neighbours(j) ? (i, j) : (j, i);
        Merge(a, b);
        return (a, b);
    }

    private void Merge(int a, int b)
    {
        int s = _slots;
        for (int c = 0; c < s; c++)
        {
            _colA[c] = _count[c * s + a];
            _colB[c] = _count[c * s + b];
            _rowA[c] = _count[a * s + c];
            _rowB[c] = _count[b * s + c];
        }
        var successorsB = _successors;   // c with n(b, c) > 0
        var predecessorsB = _predecessors; // c with n(c, b) > 0
        var neighboursB = _neighbours;
        successorsB.Clear();
        predecessorsB.Clear();
        neighboursB.Clear();
        for (int c = 0; c < s; c++)
        {
            if (!_active[c] || c == a || c == b) continue;
            if (_rowB[c] != 0) successorsB.Add(c);
            if (_colB[c] != 0) predecessorsB.Add(c);
            if (_rowB[c] != 0 || _colB[c] != 0) { neighboursB.Add(c); _marked[c] = true; }
        }

        // The merged cluster's context sums, from a's: drop b as a context, add b's counts to a's.
        for (int j = 0; j < s; j++)
        {
            if (!_active[j] || j == a || j == b) continue;
            double sum = Loss(a, j) - SelfTerm(a, j) - MarginalTerm(a, j)
                - G(_rowA[b], _colB[j]) - G(_colA[b], _rowB[j]);
            int rowJ = j * s;
            foreach (int c in successorsB)
                if (c != j)
                {
                    int njc = _count[rowJ + c];
                    if (njc != 0) sum += G(_rowA[c] + _rowB[c], njc) - G(_rowA[c], njc);
                }
            foreach (int c in predecessorsB)
                if (c != j)
                {
                    int ncj = _count[c * s + j];
                    if (ncj != 0) sum += G(_colA[c] + _colB[c], ncj) - G(_colA[c], ncj);
                }
            _rowScratch[j] = sum;
        }

        // Other pairs: a and b, as contexts, become one; only pairs with a neighbour of b change.
        foreach (int i in neighboursB)
        {
            int ia = _colA[i], ib = _colB[i], ai = _rowA[i], bi = _rowB[i];
            for (int j = 0; j < s; j++)
            {
                if (!_active[j] || j == a || j == b || j == i || (_marked[j] && j < i)) continue;
                int ja = _colA[j], jb = _colB[j], aj = _rowA[j], bj = _rowB[j];
                if ((ja | jb | aj | bj) == 0) continue;
                Loss(i, j) += G(ia + ib, ja + jb) - G(ia, ja) - G(ib, jb)
                            + G(ai + bi, aj + bj) - G(ai, aj) - G(bi, bj);
            }
        }
        foreach (int c in neighboursB) _marked[c] = false;

        // The counts themselves: rows, then columns (which also folds n(a,b), n(b,a), n(b,b) into n(a,a)).
        for (int c = 0; c < s; c++) _count[a * s + c] += _count[b * s + c];
        for (int c = 0; c < s; c++) _count[c * s + a] += _count[c * s + b];
        for (int c = 0; c < s; c++) _count[b * s + c] = _count[c * s + b] = 0;
        _left[a] += _left[b];
        _right[a] += _right[b];
        _left[b] = _right[b] = 0;
        _active[b] = false;
        _activeCount--;
        for (int c = 0; c < s; c++)
        {
            if (c != b) Loss(c, b) = double.PositiveInfinity;
            if (_active[c] && c != a) Loss(a, c) = _rowScratch[c] + SelfTerm(a, c) + MarginalTerm(a, c);
        }

        for (int w = _firstWord[b]; w >= 0; w = _nextWord[w]) _slotOfWord[w] = a;
        _nextWord[_lastWord[a]] = _firstWord[b];
        _lastWord[a] = _lastWord[b];
        _firstWord[b] = _lastWord[b] = -1;
    }

    private (int, int) BestPair()
    {
        int s = _slots, bestI = -1, bestJ = -1;
        double best = double.PositiveInfinity;
        int width = Vector<double>.Count;
        for (int i = 0; i < s - 1; i++)
        {
            if (!_active[i]) continue;
            var row = _loss.AsSpan(i * s + i + 1, s - i - 1);
            // Vector minimum of the row first; the scalar search runs only when the row can win.
            double rowMin = double.PositiveInfinity;
            int x = 0;
            if (row.Length >= width)
            {
                var min = new Vector<double>(row);
                for (x = width; x <= row.Length - width; x += width) min = Vector.Min(min, new Vector<double>(row[x..]));
                for (int e = 0; e < width; e++) rowMin = Math.Min(rowMin, min[e]);
            }
            for (; x < row.Length; x++) rowMin = Math.Min(rowMin, row[x]);
            if (rowMin >= best) continue;
            best = rowMin;
            bestI = i;
            bestJ = i + 1 + row.IndexOf(rowMin);
        }
        if (bestI < 0) throw new InvalidOperationException("no pair of clusters is left to merge");
        return (bestI, bestJ);
    }

    private int Neighbours(int i)
    {
        int n = 0, s = _slots;
        for (int c = 0; c < s; c++)
            if (_count[i * s + c] != 0 || _count[c * s + i] != 0) n++;
        return n;
    }

    /// <summary>Merges the remaining clusters down to one and reads every word's path off the merge tree.</summary>
    private ClusterHierarchy BuildHierarchy()
    {
        int s = _slots;
        var node = new int[s];
        var leafSlots = new List<int>();
        for (int i = 0; i < s; i++)
            if (_active[i]) { node[i] = leafSlots.Count; leafSlots.Add(i); }
        int leaves = leafSlots.Count;
        var leafOfWord = new int[_data.WordCount];
        for (int leaf = 0; leaf < leaves; leaf++)
            for (int w = _firstWord[leafSlots[leaf]]; w >= 0; w = _nextWord[w]) leafOfWord[w] = leaf;
        var children = new List<(int Zero, int One)>();
        while (_activeCount > 1)
        {
            var (kept, freed) = MergeBestPair();
            children.Add((node[kept], node[freed]));
            node[kept] = leaves + children.Count - 1;
        }

        // Paths from the root: the kept cluster of each merge takes 0, the freed one 1.
        var stack = new Stack<(int Node, string Path)>();
        stack.Push((leaves + children.Count - 1, ""));
        var paths = new string[leaves];
        while (stack.Count > 0)
        {
            var (n, path) = stack.Pop();
            if (n < leaves) { paths[n] = path.Length == 0 ? "0" : path; continue; }
            var (zero, one) = children[n - leaves];
            stack.Push((one, path + "1"));
            stack.Push((zero, path + "0"));
        }

        var wordPaths = new string[_data.WordCount];
        for (int w = 0; w < wordPaths.Length; w++) wordPaths[w] = paths[leafOfWord[w]];
        return new ClusterHierarchy(_data, wordPaths, leaves);
    }

    private ref double Loss(int i, int j) =>
        ref i < j ? ref _loss[i * _slots + j] : ref _loss[j * _slots + i];

    /// <summary>The four cells among i and j become one.</summary>
    private double SelfTerm(int i, int j)
    {
        int s = _slots;
        long ii = _count[i * s + i], ij = _count[i * s + j], ji = _count[j * s + i], jj = _count[j * s + j];
        return F(ii) + F(ij) + F(ji) + F(jj) - F(ii + ij + ji + jj);
    }

    /// <summary>The marginals of i and j add up; MI gains what the joint terms do not lose.</summary>
    private double MarginalTerm(int i, int j) => -G(_left[i], _left[j]) - G(_right[i], _right[j]);

    /// <summary>f(x) + f(y) - f(x + y): the change of a joint term when two cells become one (never positive).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double G(long x, long y) => x == 0 || y == 0 ? 0 : F(x) + F(y) - F(x + y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double F(long x) => x < TableSize ? XLogXTable[x] : x * Math.Log(x);

    private static double[] BuildTable()
    {
        var table = new double[TableSize];
        for (int x = 1; x < TableSize; x++) table[x] = x * Math.Log(x);
        return table;
    }

    // For tests: the stored loss of a pair against the AMI lost by actually merging it.
    internal int SlotCount => _slots;
    internal bool IsActive(int slot) => _active[slot];
    internal double StoredLoss(int i, int j) => Loss(i, j);

    internal double ExactLoss(int i, int j)
    {
        int s = _slots;
        var merged = new long[s, s];
        for (int x = 0; x < s; x++)
            for (int y = 0; y < s; y++)
                merged[x == j ? i : x, y == j ? i : y] += _count[x * s + y];
        var before = new long[s, s];
        for (int x = 0; x < s; x++)
            for (int y = 0; y < s; y++) before[x, y] = _count[x * s + y];
        return Ami(before) - Ami(merged);
    }

    private static double Ami(long[,] n)
    {
        int s = n.GetLength(0);
        double sum = 0;
        for (int x = 0; x < s; x++)
        {
            long row = 0, col = 0;
            for (int y = 0; y < s; y++) { sum += F(n[x, y]); row += n[x, y]; col += n[y, x]; }
            sum -= F(row) + F(col);
        }
        return sum;
    }
}
