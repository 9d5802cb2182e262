namespace Pipeline.Analyzers.Quotes.Attribution;

/// <summary>A speaker found by a sieve: its tokens [Start, End) (empty when no speaker is written), who decided and how sure.</summary>
internal readonly record struct SpeakerSpan(int Start, int End, string Method, double Confidence)
{
    public bool IsWritten => End > Start;
}
