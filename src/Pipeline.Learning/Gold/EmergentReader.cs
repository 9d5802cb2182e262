using System.Collections.Immutable;
using Pipeline.Sdk;
using Pipeline.Text;

namespace Pipeline.Learning.Gold;

/// <summary>
/// Emergent (Ferreira and Vlachos 2016): one record per article headline with the claim it
/// reports on: {"text": headline, "target": claim, "label": for|against|observing, "split"}.
/// The headline is the document's text, the claim its metadata claim; for, against and
/// observing become agree, disagree and discuss.
/// </summary>
public sealed class EmergentReader : IGoldReader
{
    public string Format => "emergent";
    public string Description => "Emergent JSONL: headline stance toward a claim (for/against/observing)";
    public ImmutableArray<LayerKey> Layers => [Sdk.Layers.ClaimStance];

    public bool Recognizes(string path, string firstLine) => firstLine.Contains("\"claim_id\"", StringComparison.Ordinal);

    public IEnumerable<Document> Read(string path, GoldReadOptions options, Action<string> onError)
    {
        foreach (var (line, record) in JsonRecords.Read(path, onError))
        {
            if (!JsonRecords.InSplit(record, options.Split)) continue;
            Document doc;
            try
            {
                string headline = JsonRecords.String(record, "text"), claim = JsonRecords.String(record, "target");
                var label = JsonRecords.String(record, "label") switch
                {
                    "for" => ClaimStanceLabel.Agree,
                    "against" => ClaimStanceLabel.Disagree,
                    "observing" => ClaimStanceLabel.Discuss,
                    var other => throw new FormatException($"label \"{other}\" is not for, against or observing"),
                };
                if (string.IsNullOrWhiteSpace(headline)) throw new FormatException("empty headline");
                doc = DocumentFactory.Create(headline, new DocumentMetadata
                {
                    SourcePath = $"{path}:{line}", Headline = headline, Claims = [claim],
                    ExternalId = JsonRecords.OptionalString(record, "id"),
                });
                doc = doc.WithLayer(Sdk.Layers.ClaimStance, [new ClaimStance { Id = "c1", Span = doc.FullSpan, Claim = claim, Label = label }]);
            }
            catch (FormatException ex) { onError($"{path}:{line}: {ex.Message}"); continue; }
            yield return doc;
        }
    }
}
