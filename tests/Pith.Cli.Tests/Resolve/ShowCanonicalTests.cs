using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Pith.Cli.Tests.Import;
using Pith.Core.Json;
using Pith.Testing;
using Xunit;

namespace Pith.Cli.Tests.Resolve;

/// <summary>
/// <c>pith show --canonical</c> of a record that only a bundle or only a state file brought: the canonical JSON of the
/// canonical record where that document keeps it (a state file: in <c>current</c>), hashing to the record's digest.
/// </summary>
public sealed class ShowCanonicalTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Of_a_record_only_a_state_file_brought()
    {
        var db = ImportOnly("state", MirrorDocuments.State(0), "--allow-unsigned");
        AssertCanonical(db);
    }

    [Fact]
    public void Of_a_record_only_a_bundle_brought()
    {
        var db = ImportOnly("bundle", MirrorDocuments.Bundle(0));
        AssertCanonical(db);
    }

    private string ImportOnly(string name, JsonObject document, params string[] options)
    {
        var db = Path.Combine(_temp.Root, name + ".db");
        var path = _temp.Write(name + ".json", RecordFactory.ToBytes(document));
        PithImport.Run(db, [.. options, path]).AssertExit(0);
        return db;
    }

    private static void AssertCanonical(string db)
    {
        var seed = MirrorDocuments.Seed(0);
        var result = PithProcess.Run("show", "--db", db, "--canonical", Samples.Seeds[0].PithNumber);

        result.AssertExit(0);
        Assert.Equal("", result.Stderr);
        var (expected, _) = CanonicalJson.Serialize(System.Text.Json.JsonSerializer.SerializeToElement(seed["canonical_record"]));
        var output = System.Text.Encoding.UTF8.GetBytes(result.Stdout);
        Assert.Equal(expected, output);
        Assert.Equal(seed["canonical_sha256"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(output)));
    }
}
