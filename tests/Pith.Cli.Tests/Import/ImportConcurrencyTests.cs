using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Pith.Cli.Tests.Import;

/// <summary>
/// Several imports into one index at once: they take turns with the write lock, wait a bounded time for it, and
/// the index ends as one clean import would leave it, never half-written.
/// </summary>
[Collection(ImportCorpusCollection.Name)]
public sealed class ImportConcurrencyTests(ImportCorpus corpus) : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void TwoImportsOfOverlappingInputsAtOnce_BothFinish_IndexEqualsACleanImport()
    {
        var clean = corpus.Clean;
        var db = Path.Combine(_temp.Root, "index.db");
        // Both hold papers/ (and so half of each reissued pair); only the second meets rejects.
        string[] first = [corpus.Papers, corpus.ReissuedFolder];
        string[] second = [corpus.Papers, corpus.Export, corpus.Bad];

        PithResult a, b;
        using (var childA = PithChild.Start(corpus.ImportPathsArgs(db, ["--json", .. first])))
        using (var childB = PithChild.Start(corpus.ImportPathsArgs(db, ["--json", .. second])))
        {
            a = childA.WaitForExit(Limit);
            b = childB.WaitForExit(Limit);
        }

        a.AssertExit(0);
        b.AssertExit(1);
        var summaryA = PithImport.Summary(a);
        var summaryB = PithImport.Summary(b);
        Assert.Equal(ImportCorpus.TreeRecords + ImportCorpus.Reissued, PithImport.Counts(summaryA).Sum());
        Assert.Equal(ImportCorpus.TreeRecords + ImportCorpus.LineRecords + ImportCorpus.BadLines + ImportCorpus.BadFiles, PithImport.Counts(summaryB).Sum());
        // Each Pith number is new to exactly one of them, and each older copy went to history exactly once.
        Assert.Equal(ImportCorpus.Records, summaryA.GetProperty("imported").GetInt64() + summaryB.GetProperty("imported").GetInt64());
        Assert.Equal(ImportCorpus.Reissued, new[] { summaryA, summaryB }.Sum(s => s.GetProperty("updated").GetInt64() + s.GetProperty("historical").GetInt64()));
        Assert.Equal("ok", IndexFile.IntegrityCheck(db));
        Assert.Equal(clean.Dump, IndexFile.Dump(db));
        Assert.Equal(clean.Rejects, IndexFile.Query(db,
            "SELECT path || ':' || ifnull(line, '') || ' ' || reason FROM rejects WHERE run_id = " + summaryB.GetProperty("run_id").GetInt64() + " ORDER BY path, line"));
        Assert.Equal(["finished", "finished"], IndexFile.Query(db, "SELECT CASE WHEN finished_at IS NULL THEN 'running' ELSE 'finished' END FROM import_runs"));
    }

    [Fact]
    public void FirstImportsIntoANewIndexAtOnce_AllSucceed()
    {
        // Several processes create the same new index together: one creates the schema, the others must see it
        // either not yet begun or finished, never take it for someone else's database.
        var dbs = Enumerable.Range(0, 6).Select(i => Path.Combine(_temp.Root, $"new-{i}.db")).ToArray();
        var children = dbs.SelectMany(db => Enumerable.Range(0, 3).Select(_ => PithChild.Start(PithImport.Args(db, [Samples.Records])))).ToArray();
        try
        {
            foreach (var child in children) child.WaitForExit(Limit).AssertExit(0);
        }
        finally
        {
            foreach (var child in children) child.Dispose();
        }
        foreach (var db in dbs)
        {
            Assert.Equal("ok", IndexFile.IntegrityCheck(db));
            Assert.Equal(Samples.Seeds.Length, IndexFile.Count(db, "records"));
            Assert.Equal(3, IndexFile.Count(db, "import_runs"));
        }
    }

    [Fact]
    public void LockHeldLongerThanTheTimeout_Exit2WithinSeconds_NamingTheLock_IndexUnchanged()
    {
        var db = SampleIndex();
        var before = File.ReadAllBytes(db);

        PithResult result;
        TimeSpan took;
        using (var holder = HoldWriteLock(db))
        {
            var clock = Stopwatch.StartNew();
            result = PithImport.Run(db, "--lock-timeout", "1", Samples.NotRecords);
            took = clock.Elapsed;
            holder.Release();
        }

        result.AssertExit(2);
        result.AssertNoStackTrace();
        Assert.Empty(result.Stdout);
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith("pith: ", line, StringComparison.Ordinal);
        Assert.Contains("locked", line, StringComparison.Ordinal);
        Assert.True(took < TimeSpan.FromSeconds(8), $"gave up only after {took.TotalSeconds:0.0} s");
        Assert.Equal(before, File.ReadAllBytes(db));
    }

    [Fact]
    public void LockReleasedWithinTheTimeout_ImportWaitsThenCompletes()
    {
        var db = SampleIndex();
        var child = default(PithChild);
        try
        {
            using (var holder = HoldWriteLock(db))
            {
                child = PithChild.Start(PithImport.Args(db, ["--lock-timeout", "30", "--json", Samples.NotRecords]));
                Thread.Sleep(1500);
                Assert.False(child.HasExited, "the import should be waiting for the lock");
                holder.Release();
            }
            var result = child.WaitForExit(Limit);

            result.AssertExit(1);
            Assert.Equal([0L, 0, 0, 0, 2], PithImport.Counts(PithImport.Summary(result)));
            Assert.Equal(2, IndexFile.Count(db, "import_runs"));
        }
        finally
        {
            child?.Dispose();
        }
    }

    private string SampleIndex()
    {
        var db = Path.Combine(_temp.Root, "index.db");
        PithImport.Run(db, Samples.Records).AssertExit(0);
        return db;
    }

    /// <summary>Takes the index's write lock the way another writer would (BEGIN IMMEDIATE), until released.</summary>
    private static WriteLock HoldWriteLock(string db) => new(IndexFile.Open(db));

    private sealed class WriteLock : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;

        public WriteLock(SqliteConnection connection)
        {
            _connection = connection;
            _transaction = connection.BeginTransaction(deferred: false);
        }

        public void Release() => _transaction.Rollback();

        public void Dispose()
        {
            _transaction.Dispose();
            _connection.Dispose();
        }
    }
}
