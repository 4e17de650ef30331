using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Pith.Core.Documents;
using Pith.Inputs;
using Pith.Core.Verification;

namespace Pith.Index.Import;

/// <summary>
/// Imports inputs into the index: files, folders, JSON Lines and standard input are read and verified in
/// parallel; one writer commits the verified records in batched transactions. Only records and bundles that verify
/// against a trusted key are indexed (and consistent state files, when the user accepts them unsigned); every other
/// input is rejected with its reason. A bundle or state file adds to the record with its Pith number, never a second
/// one. Memory is bounded by the queues, whatever the number of inputs. Input whose exact bytes are stored already is
/// recognised without verifying.
/// </summary>
/// <remarks>
/// The producer (the walk), the workers and the writer each run on a thread of their own and hand work over through
/// blocking queues, with no thread-pool hop between them: with the workers' loops on pool threads, the writer's
/// wake-ups waited for the pool to grow (the first result reached the writer after 0.4 s), and with more pool threads
/// the idle ones spun. Workers hand their results over in batches, so that the writer wakes once per batch.
/// </remarks>
public sealed class Importer(IndexDatabase database, RecordVerifier verifier, ImportOptions options)
{
    // Inputs to verify: paths mostly, so cheap to hold; a long queue lets the folder walk run ahead, and the workers
    // do not wait on it when it gets less CPU for a while.
    private const int QueueLength = 16_384;

    // Paths the walk hands the workers at once. Handed one by one, every path a worker took woke the walk (waiting for
    // room in the full queue), and its spinning and waking took 2% of the import's CPU.
    private const int PathBatch = 64;

    // Verified records wait here for the writer: room for a commit's pause (its fsync), so that the workers go on
    // verifying meanwhile. The byte budget still bounds the memory they hold.
    private const int ResultQueueLength = 4096;

    // Results a worker hands the writer at once (fewer when its input runs dry, so that nothing waits for more).
    private const int ResultBatch = 64;

    private readonly ByteBudget _budget = new(options.ByteBudget);

    // Files are read into arrays from this pool and given back once written or refused: a bulk import allocates (and
    // the collector copies) no array per file. Room for the records the result queue holds: with room for only 1,024,
    // the rest were allocated, promoted and collected, and the peak memory was higher (100k records: 258-276 MiB
    // against 224-227 with 4,096).
    private readonly ArrayPool<byte> _files = ArrayPool<byte>.Create(maxArrayLength: 1 << 20, maxArraysPerBucket: ResultQueueLength);

    /// <summary>Reads standard input; replaceable so that tests and callers can feed it.</summary>
    public Func<Stream> OpenStandardInput { get; init; } = Console.OpenStandardInput;

    public ImportSummary Run(IReadOnlyList<string> paths, Action<ImportProgress>? progress = null, CancellationToken cancel = default)
    {
        try
        {
            return RunChecked(paths, progress, cancel);
        }
        catch (SqliteException e)
        {
            // Corruption found mid-import, a lock held past the timeout, a full disk: one line for the user.
            // The batch under way was rolled back; batches committed before it are complete and stay.
            throw IndexDatabase.Describe(e, database.Path);
        }
    }

    private ImportSummary RunChecked(IReadOnlyList<string> paths, Action<ImportProgress>? progress, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        // The whole-file check reads every page beside the work below; the first write waits for its verdict.
        database.StartIntegrityCheck();
        var known = KnownBytes();
        // Bulk-load settings for this connection: a page cache that holds a whole batch, so that SQLite does not
        // spill dirty pages (and sync the journal) in the middle of a transaction.
        database.Execute("PRAGMA cache_size = -65536");
        // Temporary files stay files: building the deferred indexes sorts every alias (6 million at 1,000,000 records),
        // and a sort kept in memory took the import to 549 MiB at that size; spilled to a file it stays in the cache.
        // Nothing is written, not even the run's row, until the whole file is known intact: reading and verifying
        // go on meanwhile.
        var run = new Lazy<(long RunId, bool BulkLoad)>(() =>
        {
            database.EnsureIntact();
            return (StartRun(paths), BulkLoadSchema.Prepare(database));
        });

        using var work = new BlockingCollection<List<WorkItem>>(QueueLength / PathBatch);
        using var results = new BlockingCollection<List<Result>>(ResultQueueLength / ResultBatch);
        // Cancelled when the writer stops early (it failed): releases the producer and the workers wherever they wait.
        using var abandon = new CancellationTokenSource();
        var queues = new Queues(work, results, abandon.Token);
        // Counting walks the tree a second time: only worth it when someone watches the progress.
        var counter = progress is null ? null : FileCounter.Start(paths, cancel);
        var filesDone = new StrongBox<long>();

        var producer = OnOwnThread(() => Produce(paths, queues, cancel));
        var workers = Enumerable.Range(0, Math.Max(1, options.Jobs)).Select(_ => OnOwnThread(() => Work(queues, known, filesDone, cancel))).ToArray();
        var closer = Task.WhenAll(workers.Append(producer)).ContinueWith(_ => results.CompleteAdding(), TaskScheduler.Default);

        var tally = new Tally(options.MaxRejectsInSummary);
        try
        {
            Write(results, run, tally, () => progress?.Invoke(new ImportProgress(Volatile.Read(ref filesDone.Value), counter?.Total, tally.Inputs, clock.Elapsed)));
        }
        finally
        {
            // Normally all is complete already; after a writer failure this releases the producer and the workers,
            // including any waiting for bytes only the writer would have given back.
            abandon.Cancel();
            _budget.Close();
            closer.Wait(CancellationToken.None);
        }
        // Surface the producer's failure (an I/O error on standard input) with its own type, not wrapped.
        producer.GetAwaiter().GetResult();
        foreach (var worker in workers) worker.GetAwaiter().GetResult();
        var (runId, bulkLoad) = run.Value;
        if (bulkLoad) CreateDeferredIndexes();
        FinishRun(runId, tally);
        return tally.Summary(runId, clock.Elapsed, interrupted: cancel.IsCancellationRequested);
    }

    private HashSet<UInt256> KnownBytes()
    {
        var known = new HashSet<UInt256>();
        using var command = database.Connection.CreateCommand();
        command.CommandText =
            "SELECT bytes_sha256 FROM records UNION ALL SELECT bytes_sha256 FROM record_history UNION ALL SELECT bytes_sha256 FROM record_documents";
        using var reader = command.ExecuteReader();
        var buffer = new byte[32];
        while (reader.Read())
        {
            if (reader.GetBytes(0, 0, buffer, 0, 32) == 32) known.Add(new UInt256(buffer));
        }
        return known;
    }

    private long StartRun(IReadOnlyList<string> paths)
    {
        using var command = database.Connection.CreateCommand();
        command.CommandText = "INSERT INTO import_runs (started_at, sources) VALUES ($started, $sources) RETURNING id";
        command.Parameters.AddWithValue("$started", Timestamp.Now());
        command.Parameters.AddWithValue("$sources", JsonArrayOf(paths));
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

    private void CreateDeferredIndexes()
    {
        // The load is over: the memory that held records in flight goes back before the sorts, and a smaller page cache
        // also caps SQLite's sorter (it sorts in memory up to the cache's size, then merges from files). At 1,000,000
        // records the peak was in these sorts (303 MiB, against 240 during the load).
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        database.Execute("PRAGMA cache_size = -16384");
        BulkLoadSchema.Finish(database);
    }

    private void FinishRun(long runId, Tally tally)
    {
        using var command = database.Connection.CreateCommand();
        command.CommandText =
            """
            UPDATE import_runs SET finished_at = $finished, imported = $imported, updated = $updated, unchanged = $unchanged,
                                   historical = $historical, noted = $noted, rejected = $rejected
            WHERE id = $id
            """;
        command.Parameters.AddWithValue("$finished", Timestamp.Now());
        command.Parameters.AddWithValue("$imported", tally.Imported);
        command.Parameters.AddWithValue("$updated", tally.Updated);
        command.Parameters.AddWithValue("$unchanged", tally.Unchanged);
        command.Parameters.AddWithValue("$historical", tally.Historical);
        command.Parameters.AddWithValue("$noted", tally.Noted);
        command.Parameters.AddWithValue("$rejected", tally.Rejected);
        command.Parameters.AddWithValue("$id", runId);
        command.ExecuteNonQuery();
    }

    /// <summary>A long-running task: a thread of its own, outside the pool.</summary>
    private static Task OnOwnThread(Action action) =>
        Task.Factory.StartNew(action, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Produce(IReadOnlyList<string> paths, Queues queues, CancellationToken cancel)
    {
        try
        {
            // Paths are handed in batches; lines (whose bytes count against the budget) and standard input one by one,
            // so that nothing read waits in a batch for more input.
            var files = new List<WorkItem>(PathBatch);
            foreach (var item in InputWalker.Expand(paths))
            {
                // Interrupted: take no more input; what was read is still verified and committed.
                if (cancel.IsCancellationRequested) break;
                if (item.Error is { } error)
                {
                    queues.Hand([Result.Rejected(new Reject(error.Path, null, CheckName.Read, error.Reason))]);
                }
                else if (item.Input!.IsStandardInput)
                {
                    files = queues.Add(files);
                    ProduceStandardInput(item.Input, queues, cancel);
                }
                else if (JsonLinesReader.IsJsonLines(item.Input.Path))
                {
                    // Lines are read here, in order, and verified by the workers in parallel.
                    files = queues.Add(files);
                    ProduceLines(item.Input, queues, cancel);
                }
                else
                {
                    files.Add(new WorkItem(item.Input, null, null, CountsAsFile: true));
                    if (files.Count == PathBatch) files = queues.Add(files);
                }
            }
            queues.Add(files);
        }
        catch (OperationCanceledException) when (queues.Abandoned)
        {
            // The writer stopped: nothing more is wanted.
        }
        finally
        {
            queues.Work.CompleteAdding();
        }
    }

    private void ProduceStandardInput(Input input, Queues queues, CancellationToken cancel)
    {
        var (stream, isJsonLines) = StandardInput.Classify(OpenStandardInput());
        if (isJsonLines)
        {
            ProduceLines(input, queues, cancel, stream);
            return;
        }
        using (stream)
        {
            // One document, bounded by what a record may hold (the reader reports anything larger).
            var bytes = BoundedReader.Read(stream, []);
            _budget.Take(bytes.Length);
            queues.Add([new WorkItem(input, null, bytes, CountsAsFile: true)]);
        }
    }

    private void ProduceLines(Input input, Queues queues, CancellationToken cancel, Stream? open = null)
    {
        Stream stream;
        try
        {
            stream = open ?? File.OpenRead(input.Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            queues.Hand([Result.Rejected(new Reject(input.Path, null, CheckName.Read, "cannot read: " + e.Message))]);
            return;
        }
        using (stream)
        {
            foreach (var (line, bytes, error) in JsonLinesReader.Read(stream))
            {
                if (cancel.IsCancellationRequested) break;
                if (error is not null)
                {
                    queues.Hand([Result.Rejected(new Reject(input.Path, line, CheckName.Read, error))]);
                    continue;
                }
                _budget.Take(bytes!.Length);
                queues.Add([new WorkItem(input, line, bytes, CountsAsFile: false)]);
            }
        }
        queues.Add([new WorkItem(input, null, null, CountsAsFile: true, IsFileEnd: true)]);
    }

    private void Work(Queues queues, HashSet<UInt256> known, StrongBox<long> filesDone, CancellationToken cancel)
    {
        var done = new List<Result>(ResultBatch);
        try
        {
            while (true)
            {
                if (!queues.Work.TryTake(out var batch))
                {
                    // Nothing queued: hand over what is done before waiting, so that none of it waits on more input.
                    if (done.Count > 0) done = queues.Hand(done);
                    if (!queues.Work.TryTake(out batch, Timeout.Infinite, queues.Abandon)) break;
                }
                foreach (var item in batch)
                {
                    if (cancel.IsCancellationRequested)
                    {
                        // Interrupted: drop what is still queued (it was never counted), so the stop is prompt.
                        if (item.Bytes is { } dropped) _budget.Give(dropped.Length);
                        continue;
                    }
                    if (!item.IsFileEnd)
                    {
                        // Before waiting for budget, hand over what is done: only the writer gives bytes back, and it
                        // gives back those of the results it has, not of those this worker still holds. (The result is
                        // added after the call, to the list that is then current.)
                        var result = ProcessSafely(item, known, beforeWaiting: () => { if (done.Count > 0) done = queues.Hand(done); });
                        done.Add(result);
                        if (done.Count == ResultBatch) done = queues.Hand(done);
                    }
                    if (item.CountsAsFile) Interlocked.Increment(ref filesDone.Value);
                }
            }
            if (done.Count > 0) queues.Hand(done);
        }
        catch (OperationCanceledException) when (queues.Abandoned)
        {
            // The writer stopped: what this worker holds is not wanted.
        }
    }

    // One input that fails unexpectedly is rejected with its reason; it does not take the import down.
    private Result ProcessSafely(WorkItem item, HashSet<UInt256> known, Action beforeWaiting)
    {
        // A line's bytes were taken from the budget when read; a file's are taken once read.
        Payload? payload = item.Bytes is { } line ? new Payload(line, line.Length, Rented: false) : null;
        try
        {
            if (payload is null)
            {
                var read = BoundedReader.ReadFile(item.Path, item.Input.RegularOnly, _files, item.Input.Kind);
                if (read.Error is { } error) return Result.Rejected(new Reject(item.Path, null, CheckName.Read, error));
                // Too large to be a record: refused by its size, for the same reason as any other oversized document.
                if (read.OversizeLength is { } size) return Result.Rejected(new Reject(item.Path, null, CheckName.Parse, JsonDocumentReader.TooLarge(size)));
                payload = new Payload(read.Bytes!, read.Length, read.Rented);
                if (!_budget.TryTake(read.Length))
                {
                    beforeWaiting();
                    _budget.Take(read.Length);
                }
            }
            var result = Check(item, payload.Value, known);
            // Only a verified record carries its bytes on to the writer, which releases them once written.
            if (result.Bytes is null) Release(payload.Value);
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (payload is { } held) Release(held);
            return Result.Rejected(new Reject(item.Path, item.Line, CheckName.Read, $"could not be processed ({e.GetType().Name}: {e.Message})"));
        }
    }

    /// <summary>Recognises stored bytes, or verifies: everything but the write, in parallel.</summary>
    private Result Check(WorkItem item, Payload payload, HashSet<UInt256> known)
    {
        var sha = SHA256.HashData(payload.Memory.Span);
        if (known.Contains(new UInt256(sha))) return Result.Unchanged;
        var verdict = verifier.Verify(payload.Memory);
        if (!verdict.Accepted(options.AllowUnsigned))
        {
            var reason = verdict.Reason;
            return Result.Rejected(new Reject(item.Path, item.Line, reason?.Name ?? "invalid", reason?.Detail ?? "not valid"));
        }
        var from = item.Line is { } line ? $"{item.Path}:{line}" : item.Path;
        return new Result(ImportOutcome.Imported, verdict.Record, verdict.KeyId, payload, sha, from, null, verdict.DocumentType);
    }

    /// <summary>Gives bytes done with back to the budget, and a rented array to its pool.</summary>
    private void Release(Payload payload)
    {
        _budget.Give(payload.Length);
        if (payload.Rented) _files.Return(payload.Array);
    }

    /// <summary>The single writer: commits in batches of <see cref="ImportOptions.BatchSize"/> or every <see cref="ImportOptions.BatchTime"/>.</summary>
    private void Write(BlockingCollection<List<Result>> results, Lazy<(long RunId, bool BulkLoad)> run, Tally tally, Action report)
    {
        RecordWriter? writer = null;
        DocumentWriter? documents = null;
        SqliteTransaction? transaction = null;
        var inBatch = 0;
        var batchClock = Stopwatch.StartNew();
        var reportClock = Stopwatch.StartNew();
        try
        {
            while (Next(results, transaction is null ? null : options.BatchTime - batchClock.Elapsed, () => Commit(ref transaction, ref inBatch)) is { } handed)
            {
                foreach (var result in handed)
                {
                    if (result.Outcome == ImportOutcome.Unchanged)
                    {
                        tally.Add(ImportOutcome.Unchanged);
                        continue;
                    }
                    if (transaction is null)
                    {
                        writer ??= new RecordWriter(database.Connection, run.Value.RunId);
                        documents ??= new DocumentWriter(database.Connection, run.Value.RunId, writer);
                        transaction = database.Connection.BeginTransaction();
                        writer.Enlist(transaction);
                        documents.Enlist(transaction);
                        batchClock.Restart();
                    }
                    if (result.Reject is { } reject)
                    {
                        writer!.WriteReject(reject);
                        tally.Add(reject);
                    }
                    else
                    {
                        var payload = result.Bytes!.Value;
                        tally.Add(result.DocumentType == DocumentType.Record
                            ? writer!.Write(result.Record!, result.KeyId!, payload.Memory, result.Sha!, result.From!)
                            : documents!.Write(result.Record!, result.DocumentType!, result.KeyId, payload.Memory, result.Sha!, result.From!));
                        Release(payload);
                    }
                    if (++inBatch >= options.BatchSize || batchClock.Elapsed >= options.BatchTime) Commit(ref transaction, ref inBatch);
                    if (reportClock.ElapsedMilliseconds >= 250)
                    {
                        report();
                        reportClock.Restart();
                    }
                }
            }
            transaction?.Commit();
            report();
        }
        finally
        {
            transaction?.Dispose();
            documents?.Dispose();
            writer?.Dispose();
        }
    }

    private static void Commit(ref SqliteTransaction? transaction, ref int inBatch)
    {
        transaction?.Commit();
        transaction?.Dispose();
        transaction = null;
        inBatch = 0;
    }

    /// <summary>
    /// Waits for the next results, null when there will be none; when a batch is open and input stalls (a slow standard
    /// input), commits it once its time is up, so that what was received is not held uncommitted (nor the write lock
    /// held) indefinitely.
    /// </summary>
    private static List<Result>? Next(BlockingCollection<List<Result>> results, TimeSpan? commitWithin, Action commit)
    {
        List<Result>? handed;
        if (commitWithin is { } within)
        {
            if (results.TryTake(out handed, within > TimeSpan.Zero ? within : TimeSpan.Zero)) return handed;
            if (results.IsCompleted) return null;
            commit();
        }
        return results.TryTake(out handed, Timeout.Infinite) ? handed : null;
    }

    /// <summary>The two queues, and the token that releases whoever waits on them when the writer has stopped.</summary>
    private sealed record Queues(BlockingCollection<List<WorkItem>> Work, BlockingCollection<List<Result>> Results, CancellationToken Abandon)
    {
        public bool Abandoned => Abandon.IsCancellationRequested;

        /// <summary>Hands inputs to the workers (none if empty; waiting while their queue is full); returns a list to fill next.</summary>
        public List<WorkItem> Add(List<WorkItem> items)
        {
            if (items.Count == 0) return items;
            Work.Add(items, Abandon);
            return new List<WorkItem>(PathBatch);
        }

        /// <summary>Hands results to the writer (waiting while its queue is full); returns a new list to fill.</summary>
        public List<Result> Hand(List<Result> results)
        {
            Results.Add(results, Abandon);
            return new List<Result>(ResultBatch);
        }
    }

    /// <summary>One input to process: a file to read, or a line already read. A file end marks a JSON Lines file done.</summary>
    private sealed record WorkItem(Input Input, long? Line, byte[]? Bytes, bool CountsAsFile, bool IsFileEnd = false)
    {
        public string Path => Input.Path;
    }

    /// <summary>An input's bytes between reading and writing: the first <paramref name="Length"/> bytes of the array.</summary>
    private readonly record struct Payload(byte[] Array, int Length, bool Rented)
    {
        public ReadOnlyMemory<byte> Memory => Array.AsMemory(0, Length);
    }

    private sealed record Result(
        ImportOutcome Outcome, VerifiedRecord? Record, string? KeyId, Payload? Bytes, byte[]? Sha, string? From, Reject? Reject, string? DocumentType = null)
    {
        public static readonly Result Unchanged = new(ImportOutcome.Unchanged, null, null, null, null, null, null);

        public static Result Rejected(Reject reject) => new(ImportOutcome.Rejected, null, null, null, null, null, reject);
    }
}
