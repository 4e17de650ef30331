using System.Security.Cryptography;
using System.Text.Json;
using Pith.Testing;
using Xunit;

namespace Pith.Cli.Tests.Import;

/// <summary>
/// Bundles and state files in <c>pith import</c>: a bundle is the record with its Pith number, never a second one, in
/// whichever order they arrive; the index notes every document type seen; state files need <c>--allow-unsigned</c>
/// and are marked unsigned.
/// </summary>
public sealed class ImportBundleTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _record;
    private readonly string _bundle;
    private readonly string _state;
    private readonly byte[] _recordBytes;
    private readonly byte[] _bundleBytes;

    public ImportBundleTests()
    {
        _recordBytes = Samples.ReadBytes(Samples.Seeds[0].Path);
        _bundleBytes = RecordFactory.ToBytes(MirrorDocuments.Bundle(0));
        _record = _temp.Write(Path.Combine("in", "record.json"), _recordBytes);
        _bundle = _temp.Write(Path.Combine("in", "bundle.json"), _bundleBytes);
        _state = _temp.Write(Path.Combine("in", "state.json"), RecordFactory.ToBytes(MirrorDocuments.State(0)));
    }

    public void Dispose() => _temp.Dispose();

    private string Db(string name) => Path.Combine(_temp.Root, name + ".db");

    private static JsonElement Import(string db, params string[] args)
    {
        var result = PithImport.Run(db, ["--json", .. args]);
        result.AssertExit(0);
        return PithImport.Summary(result);
    }

    private static long Count(JsonElement summary, string outcome) => summary.GetProperty(outcome).GetInt64();

    /// <summary>What the index says about the record: its row, and every document type seen for it.</summary>
    private static string[] Sources(string db) =>
    [
        .. IndexFile.Query(db, "SELECT pith_number, document_type, unsigned, key_id, hex(bytes_sha256) FROM records"),
        .. IndexFile.Query(db, "SELECT r.pith_number, d.document_type, hex(d.bytes_sha256), d.imported_from FROM record_documents d JOIN records r ON r.id = d.record_id ORDER BY d.document_type"),
        .. IndexFile.Query(db, "SELECT record_id, document_type FROM record_document_types ORDER BY document_type"),
    ];

    [Fact]
    public void BundleThenRecord_AndRecordThenBundle_GiveOneRecord_BothSourcesNoted()
    {
        var bundleFirst = Db("bundle-first");
        var recordFirst = Db("record-first");

        var b1 = Import(bundleFirst, _bundle);
        var b2 = Import(bundleFirst, _record);
        var r1 = Import(recordFirst, _record);
        var r2 = Import(recordFirst, _bundle);

        Assert.Equal((1, 0), (Count(b1, "imported"), Count(b1, "noted")));
        Assert.Equal((0, 1), (Count(b2, "imported"), Count(b2, "noted")));
        Assert.Equal((1, 0), (Count(r1, "imported"), Count(r1, "noted")));
        Assert.Equal((0, 1), (Count(r2, "imported"), Count(r2, "noted")));
        var expected = Sources(recordFirst);
        Assert.Equal(
        [
            $"{Samples.Seeds[0].PithNumber} | pith_number_record | 0 | pith-v1-2026-05 | {Convert.ToHexString(SHA256.HashData(_recordBytes))}",
            $"{Samples.Seeds[0].PithNumber} | pith_open_graph_bundle | {Convert.ToHexString(SHA256.HashData(_bundleBytes))} | {_bundle}",
            "1 | pith_number_record",
            "1 | pith_open_graph_bundle",
        ], expected);
        Assert.Equal(expected, Sources(bundleFirst));
        // The record's stored bytes are the record document's, once one was imported.
        Assert.Equal(_recordBytes, IndexFile.Original(bundleFirst));
        Assert.Equal(1, IndexFile.Count(bundleFirst, "records"));
        Assert.Equal(0, IndexFile.Count(bundleFirst, "record_history"));
        Assert.Equal(6, IndexFile.Count(bundleFirst, "aliases"));
        Assert.Equal("ok", IndexFile.IntegrityCheck(bundleFirst));
    }

    [Fact]
    public void BundleAlone_IsTheRecordsRow_ItsBytesAsOriginal_AndReimportingItIsUnchanged()
    {
        var db = Db("bundle");

        var first = Import(db, _bundle);
        var again = Import(db, _bundle);

        Assert.Equal(1, Count(first, "imported"));
        Assert.Equal([0L, 0, 1, 0, 0], PithImport.Counts(again));
        Assert.Equal(0, Count(again, "noted"));
        Assert.Equal(_bundleBytes, IndexFile.Original(db));
        Assert.Equal([$"{Samples.Seeds[0].PithNumber} | pith_open_graph_bundle | 0 | pith-v1-2026-05"],
            IndexFile.Query(db, "SELECT pith_number, document_type, unsigned, key_id FROM records"));
        Assert.Equal(1, IndexFile.Count(db, "record_documents"));
    }

    [Fact]
    public void BundleAndRecordInOneRun_OneRecord()
    {
        var db = Db("together");
        var sequential = Db("sequential");
        Import(sequential, _record);
        Import(sequential, _bundle);

        // Verified in parallel: either may be written first; the index ends the same.
        var summary = Import(db, _bundle, _record);

        Assert.Equal((1, 1), (Count(summary, "imported"), Count(summary, "noted")));
        Assert.Equal(Sources(sequential), Sources(db));
        Assert.Equal(_recordBytes, IndexFile.Original(db));
    }

    [Fact]
    public void StateFile_RejectedWithoutAllowUnsigned_IndexedUnsignedWithIt_ThenSignedByTheRecord()
    {
        var db = Db("state");

        var refused = PithImport.Run(db, "--json", _state);
        refused.AssertExit(1);
        var reject = Assert.Single(PithImport.Summary(refused).GetProperty("rejects").EnumerateArray());
        Assert.Equal("signature", reject.GetProperty("check").GetString());
        Assert.Contains("consistent, unsigned", reject.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, IndexFile.Count(db, "records"));

        Assert.Equal(1, Count(Import(db, "--allow-unsigned", _state), "imported"));
        Assert.Equal([$"{Samples.Seeds[0].PithNumber} | pith_open_graph_state | 1 |  | "],
            IndexFile.Query(db, "SELECT pith_number, document_type, unsigned, key_id, signature FROM records"));
        var unsigned = Show(db);
        Assert.Contains("  key            none: UNSIGNED (only a state file, imported with --allow-unsigned, brought this record)", unsigned);
        Assert.Contains("  documents      pith_open_graph_state", unsigned);
        // No receipt vouches for the canonical record a state file brings: none of its fields is marked signed.
        Assert.Contains(unsigned, l => l.StartsWith("  source         arxiv ", StringComparison.Ordinal) && l.EndsWith("  [not signed]", StringComparison.Ordinal));
        Assert.DoesNotContain(unsigned, l => l.EndsWith("[signed]", StringComparison.Ordinal) || l.EndsWith("[checked up to case and white space]", StringComparison.Ordinal));
        using (var json = System.Text.Json.JsonDocument.Parse(PithProcess.Run("show", "--db", db, "--json", "--with-index", Samples.Seeds[0].PithNumber).Stdout))
        {
            var fields = json.RootElement.GetProperty("pith").GetProperty("fields").EnumerateObject().ToList();
            Assert.NotEmpty(fields);
            Assert.All(fields, f => Assert.Equal("not_signed", f.Value.GetProperty("signed").GetString()));
        }

        Assert.Equal(1, Count(Import(db, _record), "noted"));
        Assert.Equal([$"{Samples.Seeds[0].PithNumber} | pith_number_record | 0 | pith-v1-2026-05"],
            IndexFile.Query(db, "SELECT pith_number, document_type, unsigned, key_id FROM records"));
        Assert.Equal(["1 | pith_number_record", "1 | pith_open_graph_state"],
            IndexFile.Query(db, "SELECT record_id, document_type FROM record_document_types ORDER BY document_type"));
        var signed = Show(db);
        Assert.Contains("  key            pith-v1-2026-05", signed);
        Assert.Contains("  documents      pith_number_record, pith_open_graph_state", signed);
        Assert.Contains(signed, l => l.StartsWith("  source         arxiv ", StringComparison.Ordinal) && l.EndsWith("  [signed]", StringComparison.Ordinal));
    }

    /// <summary>What <c>pith show</c> says of the seed record in <paramref name="db"/>.</summary>
    private static IReadOnlyList<string> Show(string db)
    {
        var result = PithProcess.Run("show", "--db", db, Samples.Seeds[0].PithNumber);
        result.AssertExit(0);
        return result.StdoutLines;
    }

    [Fact]
    public void StateFileThenBundle_TheSignedBundleTakesTheRow()
    {
        var db = Db("state-bundle");

        Import(db, "--allow-unsigned", _state);
        var summary = Import(db, _bundle);

        Assert.Equal(1, Count(summary, "noted"));
        Assert.Equal([$"{Samples.Seeds[0].PithNumber} | pith_open_graph_bundle | 0 | pith-v1-2026-05"],
            IndexFile.Query(db, "SELECT pith_number, document_type, unsigned, key_id FROM records"));
        Assert.Equal(_bundleBytes, IndexFile.Original(db));
    }

    [Fact]
    public void InvalidBundle_IsRejectedNamingTheCheck()
    {
        var bundle = MirrorDocuments.Bundle(1);
        MirrorDocumentFactory.Events(bundle).RemoveAt(0);
        var path = _temp.Write("no-created.json", RecordFactory.ToBytes(bundle));
        var db = Db("invalid");

        var result = PithImport.Run(db, path);

        result.AssertExit(1);
        Assert.Contains($"REJECT {path}: record_created: the bundle has no record_created event: it carries no receipt", result.StderrLines);
        Assert.Equal(0, IndexFile.Count(db, "records"));
    }
}
