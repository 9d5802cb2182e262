using System.Collections.Immutable;
using Pipeline.Sdk;

namespace Pipeline.Text;

/// <summary>What the segmenter finds in a text.</summary>
public sealed record Segmentation(
    ImmutableArray<Token> Tokens,
    ImmutableArray<Sentence> Sentences,
    ImmutableArray<Paragraph> Paragraphs,
    ImmutableArray<QuotationPair> Quotations);
