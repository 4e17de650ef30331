using System.Text.Json.Nodes;
using Pith.Index.Feed;
using Pith.Index.Import;
using Pith.Index.Query;
using Pith.Testing;
using Xunit;

namespace Pith.Index.Tests.Import;

/// <summary>
/// Copies of one record (same Pith number) told apart: the same document in other bytes, a variant (same updated_at,
/// other content), a reissue (later updated_at) and a copy whose updated_at is beyond this machine's clock. Each case
/// both ways round, across runs and within one run (where "first" is the input order).
/// </summary>
public sealed class CopiesOfOneRecordTests : IDisposable
{
    private const string Stamp = "2026-07-05T06:58:51.293543+00:00";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TestIndex _index = new();
    private readonly byte[] _genuine;
    private readonly byte[] _variant;

    public CopiesOfOneRecordTests()
    {
        _genuine = RecordFactory.ToBytes(RecordFactory.Create(TestKey.Default, updatedAt: Stamp));
        // The title in other case: still passes title_hash, which is blind to case.
        _variant = RecordFactory.ToBytes(RecordFactory.Create(TestKey.Default, updatedAt: Stamp, title: "GROKKING as Compression: A Nonlinear Complexity Perspective"));
    }

    public void Dispose() => _index.Dispose();

    [Fact]
    public void The_same_document_in_other_bytes_is_unchanged_and_makes_no_history_either_way()
    {
        var record = RecordFactory.Create(TestKey.Default, title: "Schrödinger's grokking", updatedAt: Stamp);
        var reformatted = RecordFactory.Reformatted(record);
        Assert.NotEqual(RecordFactory.ToBytes(record), reformatted);

        var first = Import(RecordFactory.ToBytes(record));
        var second = Import(reformatted);
        using var other = new TestIndex();
        other.Import(null, reformatted);
        var reverse = other.Import(null, RecordFactory.ToBytes(record));

        Assert.Equal(1, first.Imported);
        Assert.Equal((0, 1L), (second.Historical + second.Variants + second.Updated, second.Unchanged));
        Assert.Equal((0, 1L), (reverse.Historical + reverse.Variants + reverse.Updated, reverse.Unchanged));
        Assert.Equal(0, Count("record_history") + Count("record_variants"));
    }

    [Fact]
    public void A_variant_never_replaces_the_current_copy_the_first_stays_either_way()
    {
        var genuineFirst = Import(_genuine);
        var then = Import(_variant);

        Assert.Equal(1, genuineFirst.Imported);
        Assert.Equal(1, then.Variants);
        Assert.Equal(_genuine, Current());
        Assert.Equal([_variant], Variants());
        Assert.Equal(0, Count("record_history"));

        using var reversed = new TestIndex();
        reversed.Import(null, _variant);
        Assert.Equal(1, reversed.Import(null, _genuine).Variants);
        Assert.Equal(_variant, Query(reversed, "SELECT original FROM record_originals").Single());
        Assert.Equal([_genuine], Query(reversed, "SELECT original FROM record_variants"));
    }

    [Fact]
    public void Within_one_run_the_first_in_the_input_stays_whichever_a_worker_finishes_first()
    {
        for (var round = 0; round < 5; round++)
        {
            using var forward = new TestIndex();
            using var backward = new TestIndex();
            var f = forward.Import(null, _genuine, _variant);
            var b = backward.Import(null, _variant, _genuine);

            Assert.Equal((1L, 1L), (f.Imported, f.Variants));
            Assert.Equal((1L, 1L), (b.Imported, b.Variants));
            Assert.Equal(_genuine, Query(forward, "SELECT original FROM record_originals").Single());
            Assert.Equal(_variant, Query(backward, "SELECT original FROM record_originals").Single());
        }
    }

    [Fact]
    public void A_variant_imported_again_in_other_bytes_is_unchanged()
    {
        Import(_genuine);
        Import(_variant);

        var again = Import(RecordFactory.Reformatted(RecordFactory.Parse(_variant)));

        Assert.Equal(1, again.Unchanged);
        Assert.Equal(1, Count("record_variants"));
    }

    [Fact]
    public void A_date_beyond_the_clock_is_a_variant_and_a_believable_reissue_becomes_current_either_way()
    {
        var forged = Copy(_genuine, "2999-01-01T00:00:00Z", r => r["paper"]!["authors_text"] = "Someone Else");
        var reissue = Copy(_genuine, "2026-09-14T10:00:00Z", r => r["inbound_citations"] = 7);

        Import(_genuine);
        Assert.Equal(1, Import(forged).Variants);
        Assert.Equal(_genuine, Current());
        Assert.Equal(1, Import(reissue).Updated);
        Assert.Equal(reissue, Current());

        // Forged first, as the only copy, it is current until a believable copy comes: then it gives way, and is a variant.
        using var other = new TestIndex();
        other.Import(Clock(), forged);
        other.Import(Clock(), _genuine);
        other.Import(Clock(), reissue);
        Assert.Equal(reissue, Query(other, "SELECT original FROM record_originals").Single());
        Assert.Equal([forged], Query(other, "SELECT original FROM record_variants"));
        Assert.Equal([_genuine], Query(other, "SELECT original FROM record_history"));
    }

    [Fact]
    public void The_clock_decides_what_is_beyond_it()
    {
        var early = Copy(_genuine, "2027-01-01T00:00:00Z", r => r["inbound_citations"] = 7);
        Import(_genuine);

        Assert.Equal(1, _index.Import(Clock(), early).Variants);
        using var later = new TestIndex();
        later.Import(null, _genuine);
        var afterwards = later.Import(new FixedClock(new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero)), early);
        Assert.Equal(1, afterwards.Updated);
    }

    [Fact]
    public void A_copy_with_the_date_of_a_kept_older_copy_is_its_variant_whatever_the_order()
    {
        var reissue = Copy(_genuine, "2026-09-14T10:00:00Z", r => r["inbound_citations"] = 7);
        Import(_genuine);
        Import(_variant);
        Import(reissue);

        using var other = new TestIndex();
        other.Import(Clock(), reissue);
        other.Import(Clock(), _genuine);
        other.Import(Clock(), _variant);

        foreach (var index in new[] { _index, other })
        {
            Assert.Equal(reissue, Query(index, "SELECT original FROM record_originals").Single());
            Assert.Equal([_genuine], Query(index, "SELECT original FROM record_history"));
            Assert.Equal([_variant], Query(index, "SELECT original FROM record_variants"));
        }
    }

    [Fact]
    public void A_bundle_in_other_bytes_is_kept_once()
    {
        var record = RecordFactory.Create(TestKey.Default);
        var bundle = MirrorDocumentFactory.Bundle(record);
        Import(RecordFactory.ToBytes(record), RecordFactory.ToBytes(bundle));

        var again = Import(RecordFactory.Reformatted(bundle));

        Assert.Equal(1, again.Unchanged);
        Assert.Equal(1, Count("record_documents"));
    }

    [Fact]
    public void Written_out_of_input_order_the_first_in_the_input_stays_current()
    {
        // The writer gets the copies as parallel workers finish them: the variant (input 2) before the genuine copy (input 1).
        var outcomes = WriteInOrder((_variant, 2), (_genuine, 1));

        Assert.Equal([ImportOutcome.Imported, ImportOutcome.Variant], outcomes);
        Assert.Equal(_genuine, Current());
        Assert.Equal([_variant], Variants());
        // A mirror that imports the feed in order keeps the same copy current: the copy that gave way comes after the other.
        using var replica = ReplicaOfTheFeed();
        AssertSameDocuments([_genuine], Query(replica, "SELECT original FROM record_originals"));
        AssertSameDocuments([_variant], Query(replica, "SELECT original FROM record_variants ORDER BY id"));
    }

    [Fact]
    public void Written_out_of_input_order_the_first_older_copy_in_the_input_stays_the_older_copy()
    {
        var reissue = Copy(_genuine, "2026-09-14T10:00:00Z", r => r["inbound_citations"] = 7);

        var outcomes = WriteInOrder((reissue, 1), (_variant, 3), (_genuine, 2));

        Assert.Equal([ImportOutcome.Imported, ImportOutcome.Historical, ImportOutcome.Variant], outcomes);
        Assert.Equal(reissue, Current());
        Assert.Equal([_genuine], Query(_index, "SELECT original FROM record_history"));
        Assert.Equal([_variant], Variants());
        using var replica = ReplicaOfTheFeed();
        AssertSameDocuments([reissue], Query(replica, "SELECT original FROM record_originals"));
        AssertSameDocuments([_genuine], Query(replica, "SELECT original FROM record_history"));
        AssertSameDocuments([_variant], Query(replica, "SELECT original FROM record_variants ORDER BY id"));
    }

    /// <summary>A new index that imported this index's feed, every line in feed order, in one run (as pith sync does).</summary>
    private TestIndex ReplicaOfTheFeed()
    {
        FeedPage page;
        using (var reader = IndexReader.Open(_index.Path)) page = DocumentFeed.Read(reader, null, DocumentFeed.MaxLimit);
        var replica = new TestIndex();
        replica.Import(Clock(), [.. page.Lines.Select(line => line.ToArray())]);
        return replica;
    }

    // The feed writes each document as an export line: the same JSON value, not always the same bytes.
    private static void AssertSameDocuments(List<byte[]> expected, List<byte[]> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (e, a) in expected.Zip(actual))
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(e), JsonNode.Parse(a)), "another copy than expected");
    }

    /// <summary>Writes the documents through the import's record writer in the order given, each with its input order, in one run.</summary>
    private List<ImportOutcome> WriteInOrder(params (byte[] Bytes, long Sequence)[] documents)
    {
        _index.Import(Clock()); // creates the index
        using var database = IndexDatabase.Open(_index.Path);
        var runId = database.Scalar<long>("INSERT INTO import_runs (started_at, sources) VALUES ('2026-12-01T12:00:00Z', '[]') RETURNING id");
        using var writer = new RecordWriter(database.Connection, runId, Clock());
        using var transaction = database.Connection.BeginTransaction();
        writer.Enlist(transaction);
        var outcomes = new List<ImportOutcome>();
        foreach (var (bytes, sequence) in documents)
        {
            var result = TestIndex.Verifier.Verify(bytes);
            outcomes.Add(writer.Write(result.Record!, result.KeyId!, bytes, System.Security.Cryptography.SHA256.HashData(bytes), $"input {sequence}", sequence));
        }
        transaction.Commit();
        return outcomes;
    }

    private ImportSummary Import(params byte[][] documents) => _index.Import(Clock(), documents);

    private static FixedClock Clock() => new(Now);

    private static byte[] Copy(byte[] original, string updatedAt, Action<JsonObject> change)
    {
        var record = RecordFactory.Parse(original);
        record["updated_at"] = updatedAt;
        change(record);
        return RecordFactory.ToBytes(record);
    }

    private byte[] Current() => Query(_index, "SELECT original FROM record_originals").Single();

    private List<byte[]> Variants() => Query(_index, "SELECT original FROM record_variants ORDER BY id");

    private long Count(string table)
    {
        using var database = IndexDatabase.OpenReadOnly(_index.Path);
        return database.Scalar<long>($"SELECT count(*) FROM {table}");
    }

    private static List<byte[]> Query(TestIndex index, string sql)
    {
        using var database = IndexDatabase.OpenReadOnly(index.Path);
        using var command = database.Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<byte[]>();
        while (reader.Read()) rows.Add((byte[])reader.GetValue(0));
        return rows;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
