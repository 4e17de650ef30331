using Pith.Index.Query;
using Pith.Index.Stats;
using Pith.Testing;
using Xunit;

namespace Pith.Index.Tests.Stats;

public sealed class IndexCountsTests : IDisposable
{
    private readonly TestIndex _index = new();

    public void Dispose() => _index.Dispose();

    [Fact]
    public void The_counts_the_writers_keep_are_the_rows_the_index_holds_after_a_bulk_load_and_a_reissue()
    {
        var older = RecordFactory.Create(TestKey.Default, sourceId: "2401.00005", version: 1, title: "Reissued", updatedAt: "2026-05-17T23:52:20Z");
        var newer = RecordFactory.Create(TestKey.Default, sourceId: "2401.00005", version: 1, title: "Reissued", updatedAt: "2026-07-05T06:58:51Z");
        newer["inbound_citations"] = new System.Text.Json.Nodes.JsonObject { ["count"] = 3 };
        RecordFactory.Resign(newer, TestKey.Default);
        // The first run is a bulk load into an empty index (its search triggers dropped and restored); the second is not.
        _index.Import(older, RecordFactory.Create(TestKey.Default, sourceId: "2401.00006", version: 1, title: "Other"));
        _index.Import(newer, RecordFactory.Create(TestKey.Default, sourceId: "2401.00006", version: 2, title: "Other, revised"));

        using var reader = IndexReader.Open(_index.Path);
        var counts = IndexCounts.Read(reader);
        using var database = _index.Open();
        Assert.Equal(database.Scalar<long>("SELECT count(*) FROM records"), counts.Records);
        Assert.Equal(3, counts.Records);
        Assert.Equal(database.Scalar<long>("SELECT count(*) FROM record_history"), counts.HistoryCopies);
        Assert.Equal(1, counts.HistoryCopies);
        Assert.Equal(0, counts.Documents);
        Assert.Equal(database.Scalar<string>("SELECT max(finished_at) FROM import_runs"), counts.LastImportFinishedAt);
    }

    [Fact]
    public void An_index_migrated_from_schema_5_starts_with_the_counts_of_what_it_holds()
    {
        _index.Import(RecordFactory.Create(TestKey.Default, sourceId: "2401.00007", version: 1, title: "Before the counts"));
        _index.AsSchema5();
        _index.Import(RecordFactory.Create(TestKey.Default, sourceId: "2401.00008", version: 1, title: "After the counts"));
        using var reader = IndexReader.Open(_index.Path);
        Assert.Equal(2, IndexCounts.Read(reader).Records);
    }
}
