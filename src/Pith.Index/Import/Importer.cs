using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Pith.Core.Verification;
using Pith.Inputs;
using Pith.Inputs.Feeds;
using Pith.Pipeline;

namespace Pith.Index.Import;

/// <summary>
/// Imports inputs into the index: the documents the inputs hold go through the verification pipeline, and the
/// <see cref="IndexWriter"/> commits those it accepts in batched transactions. Only records and bundles that verify
/// against a trusted key are indexed (and consistent state files, when the user accepts them unsigned); every other
/// input is rejected with its reason. Input whose exact bytes are stored already is recognised without verifying.
/// </summary>
public sealed class Importer(IndexDatabase database, RecordVerifier verifier, ImportOptions options)
{
    /// <summary>Reads standard input; replaceable so that tests and callers can feed it.</summary>
    public Func<Stream> OpenStandardInput { get; init; } = Console.OpenStandardInput;

    /// <summary>Hears of each symbolic link in a folder that is not read, and why (on the walk's thread).</summary>
    public Action<string, string>? SkippedLink { get; init; }

    public ImportSummary Run(IReadOnlyList<string> paths, Action<ImportProgress>? progress = null, CancellationToken cancel = default)
    {
        var own = new IndexOwnFiles(database.Path);
        return Guarded(() => Import(paths, InputDocuments.Expand(paths, OpenStandardInput, SkippedLink).Where(document => !own.Contains(document)),
            inOrder: false, countFiles: paths, written: null, progress, cancel));
    }

    /// <summary>
    /// Follows another pith's document feed from the cursor stored for it, importing what it serves in feed order (so
    /// that the copy each record keeps as current is the one the source keeps), and stores the cursor after each page
    /// with that page's last documents: killed at any moment, a rerun goes on from there. A feed that cannot be read ends
    /// the run (<see cref="ImportSummary.Failure"/>); what was imported before stays committed.
    /// </summary>
    /// <remarks>
    /// With <paramref name="fromStart"/>, the feed is read from its first document instead: what an earlier sync rejected
    /// (signed by a key not trusted then) is fetched and verified again; documents held already count unchanged.
    /// </remarks>
    public ImportSummary Sync(FeedReader feed, Action<ImportProgress>? progress = null, CancellationToken cancel = default, bool fromStart = false) =>
        Guarded(() =>
        {
            var url = feed.Url.ToString();
            var cursor = fromStart ? null : IndexWriter.StoredCursor(database, url);
            return Import([url], feed.Documents(cursor, cancel), inOrder: true, countFiles: null,
                written: (writer, document) =>
                {
                    if (feed.PageEnds.TryPeek(out var end) && ReferenceEquals(end.Last, document) && feed.PageEnds.TryDequeue(out _))
                        writer.Checkpoint(url, end.Cursor);
                },
                progress, cancel);
        });

    private ImportSummary Guarded(Func<ImportSummary> import)
    {
        try
        {
            return import();
        }
        catch (SqliteException e)
        {
            // Corruption found mid-import, a lock held past the timeout, a full disk: one line for the user.
            // The batch under way was rolled back; batches committed before it are complete and stay.
            throw IndexDatabase.Describe(e, database.Path);
        }
    }

    private ImportSummary Import(IReadOnlyList<string> sources, IEnumerable<InputDocument> documents, bool inOrder, IReadOnlyList<string>? countFiles,
        Action<IndexWriter, InputDocument>? written, Action<ImportProgress>? progress, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        using var writer = new IndexWriter(database, sources, options);
        var known = writer.KnownBytes();
        var pipeline = new VerificationPipeline(verifier, options.Pipeline with
        {
            InOrder = inOrder,
            IsKnown = sha => known.Contains(new UInt256(sha)),
            KeepAcceptedBytes = true,
            DecidingChecksOnly = true,
            AllowUnsigned = options.AllowUnsigned,
        });
        // Counting walks the tree a second time: only worth it when someone watches the progress.
        var counter = progress is null || countFiles is null ? null : FileCounter.Start(countFiles, cancel);
        var run = pipeline.Start(documents, cancel);
        var finished = false;
        string? failure = null;
        var reportClock = Stopwatch.StartNew();
        void Report() => progress?.Invoke(new ImportProgress(run.FilesDone, counter?.Total, writer.Tally.Inputs, clock.Elapsed));
        while (true)
        {
            // A batch left open while input stalls (a slow standard input) is committed once its time is up, so that
            // what was received is not held uncommitted (nor the write lock held) indefinitely.
            bool received;
            DocumentVerdict<InputDocument>? verdict;
            try
            {
                received = run.TryRead(writer.CommitDueIn(), cancel, out verdict);
            }
            catch (FeedUnavailableException e)
            {
                // What came before is verified and written as usual; the run ends, saying why.
                (failure, finished) = (e.Message, true);
                break;
            }
            if (!received)
            {
                writer.Commit();
                if (cancel.IsCancellationRequested) break;
                continue;
            }
            if (verdict is null)
            {
                finished = true;
                break;
            }
            try
            {
                writer.Write(verdict);
                written?.Invoke(writer, verdict.Document);
            }
            finally
            {
                run.Release(verdict);
            }
            if (reportClock.ElapsedMilliseconds >= 250)
            {
                Report();
                reportClock.Restart();
            }
        }
        writer.Commit();
        Report();
        // Interrupted while the input was blocked (a terminal or pipe as standard input), the run is left as it is: a
        // read that may never return cannot be waited for. What was received is committed, and the run ends interrupted.
        if (finished) run.Dispose();
        return writer.Finish(clock.Elapsed, interrupted: cancel.IsCancellationRequested) with { Failure = failure };
    }
}
