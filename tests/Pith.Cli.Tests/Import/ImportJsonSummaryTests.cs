using System.Text.Json;
using System.Text.Json.Nodes;
using Pith.Testing;
using Xunit;

namespace Pith.Cli.Tests.Import;

/// <summary><c>--json</c>: one object whose counts account for every input once, and which agrees with what the index recorded.</summary>
public sealed class ImportJsonSummaryTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Summary_CountsEveryOutcomeOnce_ListsRejects_AndMatchesTheRunStoredInTheIndex()
    {
        var keys = PithImport.WriteTestKey(_temp);
        var db = Path.Combine(_temp.Root, "index.db");
        var (aOld, aNew) = Copies("2402.00001");
        var (cOld, cNew) = Copies("2402.00003");
        var unsigned = RecordFactory.Create(TestKey.Default, sourceId: "2402.00009");
        unsigned["receipt"]!.AsObject().Remove("signature_b64");
        // Known before: A's older copy and C's newer one.
        _temp.Write(Path.Combine("first", "a-old.json"), aOld);
        _temp.Write(Path.Combine("first", "c-new.json"), cNew);
        PithImport.Run(db, "--keys", keys, Path.Combine(_temp.Root, "first")).AssertExit(0);
        // One input for each outcome: unchanged, updated, imported, historical, and two rejects.
        var second = Path.Combine(_temp.Root, "second");
        _temp.Write(Path.Combine("second", "a-old.json"), aOld);
        _temp.Write(Path.Combine("second", "a-new.json"), aNew);
        _temp.Write(Path.Combine("second", "b.json"), RecordFactory.ToBytes(RecordFactory.Create(TestKey.Default, sourceId: "2402.00002")));
        _temp.Write(Path.Combine("second", "c-old.json"), cOld);
        var garbage = _temp.Write(Path.Combine("second", "garbage.txt"), "<html>not a record</html>");
        var unsignedPath = _temp.Write(Path.Combine("second", "unsigned.json"), RecordFactory.ToBytes(unsigned));

        var result = PithImport.Run(db, "--keys", keys, "--json", second);

        result.AssertExit(1);
        var summary = PithImport.Summary(result);
        Assert.Equal([1L, 1, 1, 1, 2], PithImport.Counts(summary));
        Assert.Equal(JsonValueKind.Number, summary.GetProperty("elapsed_s").ValueKind);
        Assert.True(summary.GetProperty("elapsed_s").GetDouble() >= 0);
        Assert.False(summary.GetProperty("interrupted").GetBoolean());
        Assert.Equal(0, summary.GetProperty("rejects_not_listed").GetInt64());
        Assert.Equal(db, summary.GetProperty("db").GetString());
        Assert.Equal(1, summary.GetProperty("rejected_by_check").GetProperty("parse").GetInt64());
        Assert.Equal(1, summary.GetProperty("rejected_by_check").GetProperty("signature").GetInt64());
        var rejects = summary.GetProperty("rejects").EnumerateArray().ToArray();
        Assert.Equal([garbage, unsignedPath], rejects.Select(r => r.GetProperty("path").GetString()));
        Assert.All(rejects, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("line").ValueKind));
        Assert.Equal(["parse", "signature"], rejects.Select(r => r.GetProperty("check").GetString()));
        Assert.All(rejects, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("reason").GetString())));

        // The index holds the same account: the run's counts, and its rejects with their reasons.
        var runId = summary.GetProperty("run_id").GetInt64();
        Assert.Equal([$"{runId}|1|1|1|1|2|finished"], IndexFile.Query(db,
            "SELECT id || '|' || imported || '|' || updated || '|' || unchanged || '|' || historical || '|' || rejected || '|' || " +
            $"CASE WHEN finished_at IS NULL THEN 'running' ELSE 'finished' END FROM import_runs WHERE id = {runId}"));
        Assert.Equal(rejects.Select(r => $"{r.GetProperty("path").GetString()}|{r.GetProperty("check").GetString()}: {r.GetProperty("reason").GetString()}"),
            IndexFile.Query(db, $"SELECT path || '|' || reason FROM rejects WHERE run_id = {runId} ORDER BY path"));
        Assert.Equal(3, IndexFile.Count(db, "records"));
        Assert.Equal(2, IndexFile.Count(db, "record_history"));
    }

    [Fact]
    public void Summary_NothingRejected_Exit0_EmptyRejects()
    {
        var keys = PithImport.WriteTestKey(_temp);
        var record = _temp.Write("r.json", RecordFactory.ToBytes(RecordFactory.Create(TestKey.Default)));

        var result = PithImport.Run(Path.Combine(_temp.Root, "index.db"), "--keys", keys, "--json", record);

        result.AssertExit(0);
        var summary = PithImport.Summary(result);
        Assert.Equal([1L, 0, 0, 0, 0], PithImport.Counts(summary));
        Assert.Empty(summary.GetProperty("rejects").EnumerateArray());
        Assert.Empty(result.Stderr);
    }

    /// <summary>An older and a newer (reissued) copy of one record.</summary>
    private static (byte[] Old, byte[] New) Copies(string sourceId)
    {
        var old = RecordFactory.Create(TestKey.Default, sourceId: sourceId, updatedAt: "2026-06-01T00:00:00Z");
        var reissued = RecordFactory.Create(TestKey.Default, sourceId: sourceId, updatedAt: "2026-07-01T00:00:00Z");
        reissued["inbound_citations"] = new JsonObject { ["count"] = 3 };
        RecordFactory.Resign(reissued, TestKey.Default);
        return (RecordFactory.ToBytes(old), RecordFactory.ToBytes(reissued));
    }
}
