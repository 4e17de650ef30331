using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Pith.Core.Verification;
using Pith.Inputs;
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
        using var writer = new IndexWriter(database, paths, options);
        var known = writer.KnownBytes();
        var pipeline = new VerificationPipeline(verifier, options.Pipeline with
        {
            InOrder = false,
            IsKnown = sha => known.Contains(new UInt256(sha)),
            KeepAcceptedBytes = true,
            AllowUnsigned = options.AllowUnsigned,
        });
        // Counting walks the tree a second time: only worth it when someone watches the progress.
        var counter = progress is null ? null : FileCounter.Start(paths, cancel);
        var own = new IndexOwnFiles(database.Path);
        var run = pipeline.Start(InputDocuments.Expand(paths, OpenStandardInput, SkippedLink).Where(document => !own.Contains(document)), cancel);
        var finished = false;
        var reportClock = Stopwatch.StartNew();
        void Report() => progress?.Invoke(new ImportProgress(run.FilesDone, counter?.Total, writer.Tally.Inputs, clock.Elapsed));
        while (true)
        {
            // A batch left open while input stalls (a slow standard input) is committed once its time is up, so that
            // what was received is not held uncommitted (nor the write lock held) indefinitely.
            if (!run.TryRead(writer.CommitDueIn(), cancel, out var verdict))
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
        return writer.Finish(clock.Elapsed, interrupted: cancel.IsCancellationRequested);
    }
}
