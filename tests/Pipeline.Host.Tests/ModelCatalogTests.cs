using System.Security.Cryptography;
using System.Text;
using Pipeline.Host.Services;
using Pipeline.Sdk;

namespace Pipeline.Host.Tests;

public sealed class ModelCatalogTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Models_are_found_in_the_roots_in_order_then_in_the_plugin_folder_and_recorded_with_their_manifest_hash()
    {
        _temp.Write("configured/ner/manifest.json", """{ "labels": ["PER"] }""");
        _temp.Write("local/ner/manifest.json", "{}");
        _temp.Write("local/lexicon/words.txt", "maybe");
        _temp.Write("plugin/own/manifest.json", """{ "own": true }""");
        var catalog = new ModelCatalog([_temp.Combine("configured"), _temp.Combine("local")]);
        var store = catalog.ForPlugin(_temp.Combine("plugin"));

        Assert.Equal(_temp.Combine("configured", "ner"), store.Resolve("ner"));
        Assert.Equal(_temp.Combine("local", "lexicon"), store.Resolve("lexicon"));
        Assert.Equal(_temp.Combine("plugin", "own"), store.Resolve("own"));
        Assert.Equal(_temp.Combine("local", "ner"), store.Resolve(_temp.Combine("local", "ner")));

        var ner = catalog.Resolved.Single(m => m.Path == _temp.Combine("configured", "ner"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("""{ "labels": ["PER"] }"""))), ner.Sha256);
        Assert.Equal(4, catalog.Resolved.Length);
    }

    [Fact]
    public void A_missing_model_names_every_place_searched()
    {
        var catalog = new ModelCatalog([_temp.Combine("models")]);
        var ex = Assert.Throws<ModelNotFoundException>(() => catalog.ForPlugin(_temp.Combine("plugin")).Resolve("stance-v2"));

        Assert.Equal([_temp.Combine("models", "stance-v2"), _temp.Combine("plugin", "stance-v2")], ex.Searched);
        Assert.Contains("model 'stance-v2' not found", ex.Message);
        Assert.Empty(catalog.Resolved);

        var absolute = Assert.Throws<ModelNotFoundException>(() => catalog.ForPlugin(_temp.Combine("plugin")).Resolve(_temp.Combine("gone")));
        Assert.Equal([_temp.Combine("gone")], absolute.Searched);
    }
}
