using System.Text.Json;
using System.Text.Json.Nodes;
using Pith.Testing;
using Xunit;

namespace Pith.Cli.Tests.Import;

/// <summary>
/// Copies of one record through the real pith: the same document in other bytes is unchanged; a variant (same
/// updated_at, other content) never replaces the current copy, is counted, kept, listed by stats, audited and exported;
/// a copy dated beyond the clock is a variant and a genuine reissue still becomes current; an export imported back into
/// its own index changes nothing. Each both ways round.
/// </summary>
public sealed class ImportCopiesTests : IDisposable
{
    private const string Stamp = "2026-07-05T06:58:51.293543+00:00";
    private const string Title = "Grokking as Compression: A Nonlinear Complexity Perspective";

    private readonly TempFolder _temp = new();
    private readonly string _keys;
    private readonly JsonObject _record = RecordFactory.Create(TestKey.Default, title: Title, updatedAt: Stamp);
    private readonly string _genuine;
    private readonly string _reformatted;
    private readonly string _variant;
    private readonly string _forged;
    private readonly string _reissue;
    private readonly string _pithNumber;

    public ImportCopiesTests()
    {
        _keys = PithImport.WriteTestKey(_temp);
        _pithNumber = _record["pith_number"]!.GetValue<string>();
        _genuine = _temp.Write("genuine.json", RecordFactory.ToBytes(_record));
        _reformatted = _temp.Write("reformatted.json", RecordFactory.Reformatted(_record));
        _variant = _temp.Write("variant.json", Changed(r => r["paper"]!["title"] = "GROKKING as Compression: A Nonlinear Complexity Perspective"));
        _forged = _temp.Write("forged.json", Changed(r =>
        {
            r["updated_at"] = "2999-01-01T00:00:00Z";
            r["paper"]!["authors_text"] = "Someone Else";
            r["paper"]!["title"] = "grokking AS compression: a nonlinear complexity perspective";
        }));
        _reissue = _temp.Write("reissue.json", Changed(r =>
        {
            r["updated_at"] = "2026-09-14T10:00:00Z";
            r["inbound_citations"] = new JsonObject { ["count"] = 7 };
        }));
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_same_document_reformatted_is_unchanged_and_no_older_copy(bool reformattedFirst)
    {
        var db = Db();
        var (first, second) = reformattedFirst ? (_reformatted, _genuine) : (_genuine, _reformatted);
        Import(db, first);

        var summary = Import(db, second);

        Assert.Equal([0L, 0, 1, 0, 0], PithImport.Counts(summary));
        Assert.Equal(0, summary.GetProperty("variants").GetInt64());
        Assert.Contains("  older copies   none", Show(db).StdoutLines);
        Assert.Equal(0, IndexFile.Count(db, "record_history"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_variant_is_kept_and_counted_and_the_first_copy_stays_current(bool variantFirst)
    {
        var db = Db();
        var (first, second) = variantFirst ? (_variant, _genuine) : (_genuine, _variant);
        Import(db, first);

        var result = PithImport.Run(db, "--keys", _keys, second);
        result.AssertExit(0);

        Assert.Contains("pith import: imported 0, updated 0, unchanged 0, older copies kept 0, variants 1, rejected 0", result.StderrLines);
        Assert.Equal(File.ReadAllBytes(first), IndexFile.Original(db));
        Assert.Equal([File.ReadAllBytes(second)], IndexFile.Blobs(db, "SELECT original FROM record_variants"));
        Assert.Equal(0, IndexFile.Count(db, "record_history"));
        Assert.Equal(2, Import(db, _variant, _genuine).GetProperty("unchanged").GetInt64());
    }

    [Fact]
    public void A_variant_is_counted_by_stats_audited_and_exported_with_history()
    {
        var db = Db();
        Import(db, _genuine);
        Import(db, _variant);

        var stats = PithProcess.Run("stats", "--db", db, "--json");
        var audit = PithProcess.Run("audit", "--db", db, "--keys", _keys, "--json");
        var export = PithProcess.Run("export", "--db", db, "--history");
        var plain = PithProcess.Run("export", "--db", db);

        stats.AssertExit(0);
        using (var json = JsonDocument.Parse(stats.Stdout))
        {
            Assert.Equal(1, json.RootElement.GetProperty("variants").GetInt64());
            Assert.Equal(1, json.RootElement.GetProperty("last_runs")[0].GetProperty("variants").GetInt64());
        }
        Assert.Contains("variants       1", PithProcess.Run("stats", "--db", db).StdoutLines);
        audit.AssertExit(0);
        using (var json = JsonDocument.Parse(audit.Stdout)) Assert.Equal(1, json.RootElement.GetProperty("variants").GetInt64());
        export.AssertExit(0);
        Assert.Equal([File.ReadAllText(_genuine), File.ReadAllText(_variant)], export.StdoutLines);
        Assert.Equal([File.ReadAllText(_genuine)], plain.StdoutLines);
    }

    [Fact]
    public void Audit_fails_a_variant_whose_stored_bytes_changed()
    {
        var db = Db();
        Import(db, _genuine);
        Import(db, _variant);
        using (var connection = IndexFile.Open(db))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE record_variants SET original = CAST(replace(CAST(original AS TEXT), 'GROKKING', 'Grokking!') AS BLOB)";
            command.ExecuteNonQuery();
        }

        var audit = PithProcess.Run("audit", "--db", db, "--keys", _keys);

        audit.AssertExit(1);
        Assert.StartsWith($"FAIL {_pithNumber} (variant, imported from {_variant}): bytes_sha256:", Assert.Single(audit.StdoutLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_date_beyond_the_clock_is_a_variant_and_a_later_genuine_reissue_becomes_current(bool forgedFirst)
    {
        var db = Db();
        if (forgedFirst)
        {
            Import(db, _forged);
            Assert.Equal(1, Import(db, _genuine).GetProperty("variants").GetInt64());
        }
        else
        {
            Import(db, _genuine);
            Assert.Equal(1, Import(db, _forged).GetProperty("variants").GetInt64());
        }
        Assert.Equal(File.ReadAllBytes(_genuine), IndexFile.Original(db));

        Assert.Equal(1, Import(db, _reissue).GetProperty("updated").GetInt64());

        Assert.Equal(File.ReadAllBytes(_reissue), IndexFile.Original(db));
        Assert.Equal([File.ReadAllBytes(_forged)], IndexFile.Blobs(db, "SELECT original FROM record_variants"));
        Assert.Equal([File.ReadAllBytes(_genuine)], IndexFile.Blobs(db, "SELECT original FROM record_history"));
    }

    [Fact]
    public void An_export_imported_back_into_its_own_index_changes_nothing()
    {
        var db = Db();
        var bundle = MirrorDocumentFactory.Bundle(RecordFactory.Create(TestKey.Default, sourceId: "2401.00002"));
        var pretty = _temp.Write(Path.Combine("more", "bundle.json"), RecordFactory.Reformatted(bundle));
        var prettyRecord = _temp.Write(Path.Combine("more", "record.json"), RecordFactory.Reformatted(RecordFactory.Create(TestKey.Default, sourceId: "2401.00003")));
        Import(db, _genuine);
        Import(db, _variant);
        Import(db, _reissue);
        Import(db, pretty, prettyRecord);
        var before = IndexFile.Dump(db);
        var export = Path.Combine(_temp.Root, "export.jsonl");
        PithProcess.Run("export", "--db", db, "--history", "--out", export).AssertExit(0);

        var again = Import(db, export);

        // Three current records (one of them a bundle's row), one older copy, one variant.
        Assert.Equal([0L, 0, 5, 0, 0], PithImport.Counts(again));
        Assert.Equal(0, again.GetProperty("variants").GetInt64());
        Assert.Equal(before, IndexFile.Dump(db));
    }

    [Fact]
    public void An_export_imported_into_a_new_index_keeps_the_current_copy_current_and_the_variant_a_variant()
    {
        var db = Db();
        Import(db, _genuine);
        Import(db, _variant);
        var export = Path.Combine(_temp.Root, "export.jsonl");
        PithProcess.Run("export", "--db", db, "--history", "--out", export).AssertExit(0);
        var copy = Db();

        // In one run the lines are verified in parallel: the first in the input (the current copy) stays current whichever is done first.
        var summary = Import(copy, export);

        Assert.Equal((1L, 1L), (summary.GetProperty("imported").GetInt64(), summary.GetProperty("variants").GetInt64()));
        Assert.Equal(File.ReadAllBytes(_genuine), IndexFile.Original(copy));
        Assert.Equal([File.ReadAllBytes(_variant)], IndexFile.Blobs(copy, "SELECT original FROM record_variants"));
    }

    private string Db() => Path.Combine(_temp.Root, Guid.NewGuid().ToString("N") + ".db");

    private byte[] Changed(Action<JsonObject> change)
    {
        var copy = RecordFactory.Parse(RecordFactory.ToBytes(_record));
        change(copy);
        return RecordFactory.ToBytes(copy);
    }

    private JsonElement Import(string db, params string[] paths)
    {
        var result = PithImport.Run(db, ["--keys", _keys, "--json", .. paths]);
        result.AssertExit(0);
        return PithImport.Summary(result);
    }

    private PithResult Show(string db) => PithProcess.Run("show", "--db", db, _pithNumber);
}
