namespace Pipeline.Analyzers.Quotes.Learning;

/// <summary>Begin-inside-outside labels of the span taggers.</summary>
internal static class Bio
{
    public const int O = 0, B = 1, I = 2, Count = 3;
    public static readonly string[] Names = ["O", "B", "I"];
}
