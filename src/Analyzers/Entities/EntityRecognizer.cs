using System.Collections.Concurrent;
using Pipeline.Sdk;
using Pipeline.Learning.Encoders;

namespace Pipeline.Analyzers.Entities;

/// <summary>A recognised mention with its entity cluster.</summary>
internal readonly record struct RecognizedEntity(TextSpan Span, string Type, float Confidence, int Cluster, string CanonicalName);

/// <summary>
/// Mentions and their in-document clusters for a document, from a loaded model or ensemble (and
/// the text encoders its models read). Thread-safe: taggers and their buffers are pooled, one per
/// concurrent caller.
/// </summary>
internal sealed class EntityRecognizer
{
    private readonly ConcurrentBag<EntityTagger> _taggers = [];
    private readonly ConcurrentBag<JointDecoder> _decoders = [];
    // The encoders the members read, and for each member the index of its encoder (-1: none).
    private readonly ITextEncoder[] _encoders;
    private readonly int[] _encoderOf;

    public EntityRecognizer(EntityModel model, ITextEncoder? encoder)
        : this(EntityEnsemble.Of(model), encoder) { }

    /// <param name="encoder">The encoder every encoder-reading member reads (null when none does).</param>
    public EntityRecognizer(EntityEnsemble ensemble, ITextEncoder? encoder)
        : this(ensemble, _ => encoder) { }

    /// <param name="encoderFor">The encoder for a model id the members were trained with (null: not available).</param>
    public EntityRecognizer(EntityEnsemble ensemble, Func<string, ITextEncoder?> encoderFor)
    {
        Ensemble = ensemble;
        var ids = ensemble.Encoders.ToList();
        _encoders = [.. ids.Select(id => encoderFor(id) ?? throw new InvalidOperationException($"model {ensemble.Id} reads {id} states, and the host provides no text encoder"))];
        _encoderOf = [.. ensemble.Members.Select(m => m.Model.ReadsEncoder ? ids.IndexOf(m.Model.Encoder!) : -1)];
        for (int m = 0; m < _encoderOf.Length; m++)
        {
            if (_encoderOf[m] < 0) continue;
            var (model, encoder) = (ensemble.Members[m].Model, _encoders[_encoderOf[m]]);
            if (!MiniLmEncoder.Matches(encoder.ModelId, model.Encoder) || encoder.Dimension != model.EncoderDimension)
                throw new InvalidOperationException($"model {model.Id} was trained with {model.Encoder} ({model.EncoderDimension} dimensions), the host's encoder is {encoder.ModelId} ({encoder.Dimension})");
        }
    }

    public EntityEnsemble Ensemble { get; }

    public List<RecognizedEntity> Recognize(Document document)
    {
        var encoded = document.Tokens.IsEmpty ? [] : Array.ConvertAll(_encoders, e => EncoderCache.Encode(e, document));
        var vectors = Array.ConvertAll(_encoderOf, e => e < 0 || encoded.Length == 0 ? null : encoded[e]);
        var tagged = new List<TaggedMention>();
        if (Ensemble.Members.Count == 1) Tag(document, vectors[0], tagged);
        else TagJointly(document, vectors, tagged);
        PersonTitles.Apply(document, tagged);
        HyphenatedNames.Join(document, tagged);
        ParticleNames.Join(document, tagged);
        TitledNames.Split(document, tagged);
        InstitutionNames.Apply(document, tagged);
        PhotoCredits.Apply(document, tagged);

        var inputs = new List<ClusterInput>(tagged.Count);
        var spans = new List<(TextSpan Span, TaggedMention Mention)>(tagged.Count);
        foreach (var mention in tagged)
        {
            var (first, end) = MentionBounds.Trim(document, mention.Tokens);
            var tokens = new string[end - first];
            for (int i = first; i < end; i++) tokens[i - first] = document.TokenText(i).ToString();
            var span = TextSpan.FromBounds(document.Tokens[first].Span.Start, document.Tokens[end - 1].Span.End);
            inputs.Add(new ClusterInput(mention.Tokens.Type, tokens, document.GetString(span)));
            spans.Add((span, mention));
        }
        TypeVote.Apply(inputs, spans.ConvertAll(s => s.Mention.Confidence));
        var (clusterOf, canonical) = MentionClusterer.Cluster(inputs);
        var result = new List<RecognizedEntity>(spans.Count);
        for (int m = 0; m < spans.Count; m++)
            result.Add(new RecognizedEntity(spans[m].Span, EntityLabels.TypeName(inputs[m].Type),
                spans[m].Mention.Confidence, clusterOf[m], canonical[clusterOf[m]]));
        return result;
    }

    private void Tag(Document document, IReadOnlyList<float[]>? vectors, List<TaggedMention> tagged)
    {
        if (!_taggers.TryTake(out var tagger)) tagger = new EntityTagger(Ensemble.Members[0].Model);
        try
        {
            tagger.Tag(document, vectors);
            tagger.Mentions(tagged);
        }
        finally
        {
            _taggers.Add(tagger);
        }
    }

    private void TagJointly(Document document, IReadOnlyList<float[]>?[] vectors, List<TaggedMention> tagged)
    {
        if (!_decoders.TryTake(out var decoder)) decoder = new JointDecoder(Ensemble.Members);
        try
        {
            decoder.Tag(document, vectors);
            decoder.Result.Mentions(tagged);
        }
        finally
        {
            _decoders.Add(decoder);
        }
    }
}
