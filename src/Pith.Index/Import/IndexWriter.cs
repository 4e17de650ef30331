using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Pith.Core.Documents;
using Pith.Core.Verification;
using Pith.Index.Sqlite;
using Pith.Inputs;
using Pith.Pipeline;

namespace Pith.Index.Import;

/// <summary>
/// The import's single writer: takes the pipeline's verdicts, writes accepted documents (through the record and
/// document writers) and rejects, and commits them in batches of <see cref="ImportOptions.BatchSize"/> or every
/// <see cref="ImportOptions.BatchTime"/>. Keeps the run's row and its tally. Nothing is written, not even the run's
/// row, until the whole file is known intact; reading and verifying go on meanwhile. A first import into an empty
/// index loads in bulk (see <see cref="BulkLoadSchema"/>).
/// </summary>
internal sealed class IndexWriter : IDisposable
{
    private readonly IndexDatabase _database;
    private readonly IReadOnlyList<string> _sources;
    private readonly ImportOptions _options;
    private readonly Stopwatch _batchClock = new();
    private (long RunId, bool BulkLoad)? _run;
    private RecordWriter? _records;
    private DocumentWriter? _documents;
    private SqliteTransaction? _transaction;
    private int _inBatch;

    public IndexWriter(IndexDatabase database, IReadOnlyList<string> sources, ImportOptions options)
    {
        _database = database;
        _sources = sources;
        _options = options;
        Tally = new Tally(options.MaxRejectsInSummary);
        // The whole-file check reads every page beside the work that follows; the first write waits for its verdict.
        database.StartIntegrityCheck();
    }

    public Tally Tally { get; }

    /// <summary>The SHA-256 of every document stored: input with these bytes is counted unchanged without verifying.</summary>
    public KnownDigests KnownBytes()
    {
        // The counts the index keeps size the set: one too low only costs growing it, and one too high (a damaged row) is
        // capped by the file's size, since every stored document takes far more than 256 bytes of it.
        using var counts = Statement.Prepare(_database.Connection,
            "SELECT min(records + history_copies + documents + (SELECT count(*) FROM record_variants), " +
            "(SELECT page_count FROM pragma_page_count()) * (SELECT page_size FROM pragma_page_size()) / 256) FROM index_counts");
        var known = new KnownDigests(counts.Step() ? (int)Math.Clamp(counts.Int64(0), 0, int.MaxValue) : 0);
        // Read through SQLite directly: a data reader's per-row work cost more than the look-ups it serves.
        using var digests = Statement.Prepare(_database.Connection,
            "SELECT bytes_sha256 FROM records UNION ALL SELECT bytes_sha256 FROM record_history UNION ALL SELECT bytes_sha256 FROM record_variants " +
            "UNION ALL SELECT bytes_sha256 FROM record_documents");
        while (digests.Step())
        {
            var digest = digests.BlobSpan(0);
            if (digest.Length == 32) known.Add(new UInt256(digest));
        }
        return known;
    }

    /// <summary>How long the open batch may still wait for more before it is committed; infinite when none is open.</summary>
    public TimeSpan CommitDueIn() =>
        _transaction is null ? Timeout.InfiniteTimeSpan : TimeSpan.FromTicks(Math.Max(0, (_options.BatchTime - _batchClock.Elapsed).Ticks));

    public void Write(DocumentVerdict<InputDocument> verdict)
    {
        if (verdict.Known)
        {
            Tally.Add(ImportOutcome.Unchanged);
            return;
        }
        Begin();
        var document = verdict.Document;
        if (verdict.Bytes is { } bytes)
        {
            var result = verdict.Result!;
            var record = result.Record!;
            Tally.Add(result.DocumentType == DocumentType.Record
                ? _records!.Write(record, result.KeyId!, bytes.Memory, verdict.BytesSha256!, document.Name, verdict.Sequence)
                : _documents!.Write(record, result.DocumentType!, result.KeyId, bytes.Memory, verdict.BytesSha256!, document.Name));
        }
        else
        {
            var reject = verdict.Unreadable is { } unreadable
                ? new Reject(document.Path, document.Line, CheckName.Read, unreadable)
                : new Reject(document.Path, document.Line, verdict.Result!.Reason?.Name ?? "invalid", verdict.Result.Reason?.Detail ?? "not valid");
            _records!.WriteReject(reject);
            Tally.Add(reject);
        }
        if (++_inBatch >= _options.BatchSize || _batchClock.Elapsed >= _options.BatchTime) Commit();
    }

    public void Commit()
    {
        _transaction?.Commit();
        _transaction?.Dispose();
        _transaction = null;
        _inBatch = 0;
    }

    /// <summary>Where following <paramref name="feed"/> last stopped (the cursor after its last committed page); null when never followed.</summary>
    public static string? StoredCursor(IndexDatabase database, string feed)
    {
        using var command = database.Connection.CreateCommand();
        command.CommandText = "SELECT cursor FROM sync_sources WHERE url = $url";
        command.Parameters.AddWithValue("$url", feed);
        return command.ExecuteScalar() as string;
    }

    /// <summary>Commits what was written, with <paramref name="cursor"/> as where following <paramref name="feed"/> goes on from: the two together or neither.</summary>
    public void Checkpoint(string feed, string cursor)
    {
        Begin();
        using (var command = _database.Connection.CreateCommand())
        {
            command.Transaction = _transaction;
            command.CommandText =
                """
                INSERT INTO sync_sources (url, cursor, synced_at) VALUES ($url, $cursor, $now)
                ON CONFLICT (url) DO UPDATE SET cursor = excluded.cursor, synced_at = excluded.synced_at
                """;
            command.Parameters.AddWithValue("$url", feed);
            command.Parameters.AddWithValue("$cursor", cursor);
            command.Parameters.AddWithValue("$now", Timestamp.Now());
            command.ExecuteNonQuery();
        }
        Commit();
    }

    /// <summary>Ends the run: the bulk load's indexes and search are built, and the run's row gets its counts.</summary>
    public ImportSummary Finish(TimeSpan elapsed, bool interrupted)
    {
        Commit();
        var (runId, bulkLoad) = Run();
        if (bulkLoad)
        {
            // The load is over: the memory that held documents in flight goes back before the sorts, and a smaller page
            // cache also caps SQLite's sorter (it sorts in memory up to the cache's size, then merges from files).
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            _database.Execute("PRAGMA cache_size = -16384");
            BulkLoadSchema.Finish(_database);
        }
        FinishRun(runId, interrupted);
        return Tally.Summary(runId, elapsed, interrupted);
    }

    public void Dispose()
    {
        _transaction?.Dispose();
        _documents?.Dispose();
        _records?.Dispose();
    }

    private void Begin()
    {
        if (_transaction is not null) return;
        var (runId, _) = Run();
        _records ??= new RecordWriter(_database.Connection, runId, _options.Clock);
        _documents ??= new DocumentWriter(_database.Connection, runId, _records);
        _transaction = _database.Connection.BeginTransaction();
        _records.Enlist(_transaction);
        _documents.Enlist(_transaction);
        _batchClock.Restart();
    }

    // The run's row and the bulk-load set-up are the first writes: only once the whole file is known intact.
    private (long RunId, bool BulkLoad) Run()
    {
        if (_run is { } run) return run;
        _database.EnsureIntact();
        // A page cache that holds a whole batch, so that SQLite does not spill dirty pages (and sync the journal) in the
        // middle of a transaction. Set only for writing: reading the stored digests through it kept their pages too.
        _database.Execute("PRAGMA cache_size = -32768");
        _run = run = (StartRun(), BulkLoadSchema.Prepare(_database));
        return run;
    }

    private long StartRun()
    {
        using var command = _database.Connection.CreateCommand();
        command.CommandText = "INSERT INTO import_runs (started_at, sources) VALUES ($started, $sources) RETURNING id";
        command.Parameters.AddWithValue("$started", Timestamp.Now());
        command.Parameters.AddWithValue("$sources", JsonArrayOf(_sources));
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The paths as a JSON array of strings (written by hand: reflection-based JSON is unavailable under AOT).</summary>
    private static string JsonArrayOf(IReadOnlyList<string> paths)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var path in paths) json.WriteStringValue(path);
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private void FinishRun(long runId, bool interrupted)
    {
        using var command = _database.Connection.CreateCommand();
        command.CommandText =
            """
            UPDATE import_runs SET finished_at = $finished, imported = $imported, updated = $updated, unchanged = $unchanged,
                                   historical = $historical, noted = $noted, variants = $variants, rejected = $rejected,
                                   interrupted = $interrupted
            WHERE id = $id
            """;
        command.Parameters.AddWithValue("$finished", Timestamp.Now());
        command.Parameters.AddWithValue("$imported", Tally.Imported);
        command.Parameters.AddWithValue("$updated", Tally.Updated);
        command.Parameters.AddWithValue("$unchanged", Tally.Unchanged);
        command.Parameters.AddWithValue("$historical", Tally.Historical);
        command.Parameters.AddWithValue("$noted", Tally.Noted);
        command.Parameters.AddWithValue("$variants", Tally.Variants);
        command.Parameters.AddWithValue("$rejected", Tally.Rejected);
        command.Parameters.AddWithValue("$interrupted", interrupted ? 1 : 0);
        command.Parameters.AddWithValue("$id", runId);
        command.ExecuteNonQuery();
    }
}
