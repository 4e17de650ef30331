using Xunit;

namespace Pith.Cli.Tests.Import;

/// <summary><c>pith import samples</c>: the seed records are indexed, everything else is rejected with its reason, and a rerun changes nothing.</summary>
public sealed class ImportSamplesTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Db => Path.Combine(_temp.Root, "index.db");

    [Fact]
    public void Samples_SeedsImported_EveryOtherFileRejectedWithItsReason_Exit1()
    {
        var unsigned = Samples.FilesIn(Samples.RealUnsigned);
        var notRecords = Samples.FilesIn(Samples.NotRecords);

        var result = PithImport.Run(Db, "samples");

        result.AssertExit(1);
        result.AssertNoStackTrace();
        var rejects = result.StderrLines.Where(l => l.StartsWith("REJECT ", StringComparison.Ordinal)).ToArray();
        // The README and the key file are not records either: 2 + 30 + 2 rejects, one line each.
        Assert.Equal(notRecords.Length + unsigned.Length + 2, rejects.Length);
        foreach (var file in notRecords)
            Assert.Single(rejects, l => l.StartsWith($"REJECT {file}: parse: not JSON", StringComparison.Ordinal));
        foreach (var file in unsigned)
            Assert.Single(rejects, l => l.StartsWith($"REJECT {file}: signature: ", StringComparison.Ordinal) && l.Contains("unsigned", StringComparison.Ordinal));
        Assert.Single(rejects, l => l.StartsWith($"REJECT {Path.Combine("samples", "README.md")}: parse: ", StringComparison.Ordinal));
        Assert.Single(rejects, l => l.StartsWith($"REJECT {Path.Combine("samples", "keys", "pith-v1-2026-05.json")}: document_type: ", StringComparison.Ordinal));
        Assert.Contains("pith import: imported 3, updated 0, unchanged 0, older copies kept 0, variants 0, rejected 34 (document_type: 1, parse: 3, signature: 30)", result.StderrLines);

        // The index holds the seeds' exact bytes under the numbers the resolver gave them, and the rejects of the run.
        Assert.Equal(Samples.Seeds.Select(s => s.PithNumber).Order(StringComparer.Ordinal),
            IndexFile.Query(Db, "SELECT pith_number FROM records ORDER BY pith_number"));
        foreach (var (path, number) in Samples.Seeds)
        {
            using var connection = IndexFile.Open(Db);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT o.original FROM records r JOIN record_originals o ON o.record_id = r.id WHERE r.pith_number = $n";
            command.Parameters.AddWithValue("$n", number);
            Assert.Equal(Samples.ReadBytes(path), (byte[])command.ExecuteScalar()!);
        }
        Assert.Equal(34, IndexFile.Count(Db, "rejects"));
        Assert.Equal(30, IndexFile.Query(Db, "SELECT reason FROM rejects WHERE reason LIKE 'signature: %'").Count);
        Assert.Equal(["3|0|0|0|34|finished"], IndexFile.Query(Db,
            "SELECT imported || '|' || updated || '|' || unchanged || '|' || historical || '|' || rejected || '|' || " +
            "CASE WHEN finished_at IS NULL THEN 'running' ELSE 'finished' END FROM import_runs"));
        Assert.Equal("ok", IndexFile.IntegrityCheck(Db));
    }

    [Fact]
    public void Samples_ImportedTwice_SecondRunChangesNoRecordRow()
    {
        PithImport.Run(Db, "samples").AssertExit(1);
        var rowsBefore = IndexFile.RecordRows(Db);
        var dumpBefore = IndexFile.Dump(Db);

        var second = PithImport.Run(Db, "--json", "samples");

        second.AssertExit(1);
        var summary = PithImport.Summary(second);
        Assert.Equal([0L, 0, 3, 0, 34], PithImport.Counts(summary));
        // Byte for byte, import times and run ids included: the unchanged records were not rewritten.
        Assert.Equal(rowsBefore, IndexFile.RecordRows(Db));
        Assert.Equal(dumpBefore, IndexFile.Dump(Db));
        // Each run keeps its own rejects and its own row.
        Assert.Equal(["1|34", "2|34"], IndexFile.Query(Db, "SELECT run_id || '|' || count(*) FROM rejects GROUP BY run_id ORDER BY run_id"));
        Assert.Equal(2, IndexFile.Count(Db, "import_runs"));
    }
}
