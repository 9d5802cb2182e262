namespace Pipeline.Host.Running;

/// <summary>
/// Writes outcomes in input order as they complete (the reorder buffer holds at most the
/// documents in flight). With --resume, kept records stay where they are and new ones are
/// appended; when that is not input order (inputs changed), <see cref="Compact"/> rewrites the file.
/// </summary>
internal sealed class OrderedWriter(AnnotationsFile file, RunState state, ResumeIndex? resume)
{
    private readonly Dictionary<long, DocumentOutcome> _pending = [];
    private readonly List<LineRef>? _order = resume is null ? null : [];
    private long _next;
    private long _keptEnd;
    private bool _appended;
    private bool _inOrder = true;

    /// <summary>True when the file holds exactly one record per input, in input order.</summary>
    public bool InInputOrder => _inOrder && (resume is null || _keptEnd == resume.Length);

    /// <summary>Takes an outcome; writes every outcome now in turn and returns how many.</summary>
    public int Add(DocumentOutcome outcome)
    {
        _pending.Add(outcome.Seq, outcome);
        int written = 0;
        while (_pending.Remove(_next, out var ready))
        {
            Write(ready);
            _next++;
            written++;
        }
        return written;
    }

    private void Write(DocumentOutcome o)
    {
        if (o.Kept is { } kept)
        {
            // Kept lines are in order when they are the file's lines from the start, one after the other.
            if (_appended || kept.Offset != _keptEnd) _inOrder = false;
            else _keptEnd += kept.Length;
            _order!.Add(kept);
        }
        else
        {
            long offset = file.Position;
            file.WriteLine(o.Line);
            _appended = true;
            _order?.Add(new LineRef(offset, o.Line.Length));
        }
        foreach (var finding in o.Reported) state.Report(finding, console: o.Kept is null);
        state.CountDocument(o.Status, o.Characters, o.Kept is not null);
    }

    /// <summary>Rewrites annotations.jsonl with one line per input in input order (stale and malformed lines dropped).</summary>
    public void Compact(string path, LineSource lines)
    {
        var temp = path + ".tmp";
        using (var output = AnnotationsFile.Create(temp))
            foreach (var line in _order!) output.WriteLine(lines.Read(line));
        lines.Dispose();
        File.Move(temp, path, overwrite: true);
    }
}
