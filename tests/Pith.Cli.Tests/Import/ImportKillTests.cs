using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace Pith.Cli.Tests.Import;

/// <summary>
/// An import killed outright (SIGKILL: no cleanup runs) at several moments, then rerun, ends exactly where a clean
/// import ends: nothing lost, nothing doubled, and a sound file.
/// </summary>
[Collection(ImportCorpusCollection.Name)]
public sealed class ImportKillTests(ImportCorpus corpus, ITestOutputHelper output) : IDisposable
{
    // In TRUNCATE journal mode the journal holds the original of every stored page a transaction changes, and is
    // emptied at commit. The first batch into a new index adds pages but changes only those that existed before it
    // (the tables' roots; the bulk load keeps no secondary index or title search meanwhile): some 230 KB with 32 KiB
    // pages. A journal this large means records are being written over committed ones (the second batch: 590 KB, seen
    // growing there within 2 ms and staying some 100 ms).
    private const long BusyJournal = 384 * 1024;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void KilledRepeatedlyMidImport_ThenRerun_EndsIdenticalToACleanImport()
    {
        var clean = corpus.Clean;
        output.WriteLine($"corpus generated in {corpus.GenerationTime.TotalSeconds:0.00} s; clean import took {clean.Duration.TotalSeconds:0.00} s " +
                         $"({clean.Startup.TotalSeconds:0.00} s of it starting up)");
        Assert.Equal(ImportCorpus.Records, clean.Dump.Count(l => l.StartsWith("record ", StringComparison.Ordinal)));
        Assert.Equal(ImportCorpus.Reissued, clean.Dump.Count(l => l.StartsWith("history ", StringComparison.Ordinal)));
        Assert.Equal(ImportCorpus.Rejects, clean.Rejects.Count);
        var db = Path.Combine(_temp.Root, "index.db");

        // Each run starts where the killed one left off. Timed kills are spread over the clean import's duration, the
        // share of the work scaled to the records still missing (a rerun skips what is stored): while pith starts, while
        // the first batch is written (the next run must roll it back), later on. Kills on a busy journal land while a
        // batch is written over committed records, however fast or loaded the machine is.
        Kill[] kills =
        [
            new("while starting", StartupShare: 0.5, WorkShare: 0),
            new("first batch", StartupShare: 1, WorkShare: 0.3),
            new("busy journal", OnBusyJournal: true),
            new("half the work left", StartupShare: 1, WorkShare: 0.5),
            new("busy journal", OnBusyJournal: true),
            new("near the end", StartupShare: 1, WorkShare: 0.8),
        ];
        var landedMidImport = 0;
        // A loaded machine can shift every timed kill before the first commit or after the last: then the schedule is
        // run again on a new index (at most three rounds), so that the test proves something whatever the load.
        for (var round = 1; round <= 3 && landedMidImport == 0; round++)
        {
            foreach (var file in new[] { db, db + "-journal" }) File.Delete(file);
            var committed = 0L;
            foreach (var kill in kills)
            {
                var left = (double)(ImportCorpus.Records - committed) / ImportCorpus.Records;
                var delay = clean.Startup * kill.StartupShare + clean.Work * (kill.WorkShare * left);
                var clock = Stopwatch.StartNew();
                bool killed;
                using (var child = PithChild.Start(corpus.ImportArgs(db)))
                {
                    if (kill.OnBusyJournal) WaitForBusyJournal(db, child);
                    else Thread.Sleep(delay);
                    killed = child.Kill();
                }
                var at = clock.Elapsed;
                var journal = new FileInfo(db + "-journal") is { Exists: true } file ? file.Length : 0;
                committed = IndexFile.CountInCopy(db, "records");
                var mid = killed && committed > 0 && committed < ImportCorpus.Records;
                if (mid) landedMidImport++;
                output.WriteLine($"round {round}, kill ({kill.When}) at {at.TotalSeconds:0.00} s: {(killed ? "killed" : "had finished")}, " +
                                 $"{committed} records committed, journal {journal} bytes{(mid ? ": mid-import" : "")}");
            }
        }

        var rerun = PithProcess.Run(corpus.ImportArgs(db, "--json"));

        output.WriteLine($"{landedMidImport} of {kills.Length} kills landed mid-import");
        rerun.AssertExit(1);
        var summary = PithImport.Summary(rerun);
        Assert.Equal(ImportCorpus.Inputs, PithImport.Counts(summary).Sum());
        Assert.Equal(ImportCorpus.Rejects, summary.GetProperty("rejected").GetInt64());
        Assert.Equal("ok", IndexFile.IntegrityCheck(db));
        Assert.Equal(clean.Dump, IndexFile.Dump(db));
        Assert.Equal(clean.Rejects, ImportCorpus.LastRunRejects(db));
        // Had every kill fallen before the first commit or after the last, this test would prove little.
        Assert.True(landedMidImport > 0, "no kill landed mid-import");
    }

    /// <summary>
    /// Watches the journal's size (no lock taken, nothing read through SQLite) until a batch is busy: first until the
    /// journal the last kill left is rolled back, then until this run's grows.
    /// </summary>
    private static void WaitForBusyJournal(string db, PithChild child)
    {
        var journal = new FileInfo(db + "-journal");
        var clock = Stopwatch.StartNew();
        var recovered = false;
        while (!child.HasExited && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            journal.Refresh();
            var busy = journal.Exists && journal.Length > BusyJournal;
            if (!busy) recovered = true;
            else if (recovered) return;
            Thread.Sleep(1);
        }
    }

    /// <summary>When to kill: after a share of the startup plus a share of the work left, or once a batch is busy.</summary>
    private sealed record Kill(string When, double StartupShare = 0, double WorkShare = 0, bool OnBusyJournal = false);
}
