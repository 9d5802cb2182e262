using Pipeline.Sdk;

namespace Pipeline.Analyzers.Quotes.Attribution;

/// <summary>Who a speaker span refers to: its kind, the text as written and the entity cluster when one is found.</summary>
internal sealed record ResolvedSpeaker(SpeakerKind Kind, string? Text, EntityMention? Entity, TextSpan Span)
{
    /// <summary>Entity type of the referent ("PER", "ORG"...), when resolved.</summary>
    public string? Type => Entity?.Type;
}
