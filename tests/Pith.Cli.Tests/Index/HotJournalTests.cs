using Microsoft.Data.Sqlite;
using Pith.Cli.Tests.Import;
using Xunit;

namespace Pith.Cli.Tests.Index;

/// <summary>
/// An index an import stopped in the middle of a write (its journal hot beside it) is refused by every reading command in
/// one line, the index and its journal left byte for byte as they were: only a writer rolls a journal back, so a journal
/// that does not belong to the file (beside a restored backup) is never played into it by a command that reads. The next
/// import rolls the unfinished write back, and the index reads as before that write, with no journal left beside it.
/// </summary>
public sealed class HotJournalTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static PithResult Run(string db, string[] command) => ReadingCommandsTests.Run(db, command);

    private static string Hash(string path) => ReadingCommandsTests.Hash(path);

    /// <summary>
    /// The samples' index (<paramref name="live"/>) and, at <paramref name="db"/>, the file and journal a kill leaves: copied
    /// while a transaction that deletes every stored original has spilled its pages into the file.
    /// </summary>
    private void Interrupted(out string live, out string db)
    {
        live = Path.Combine(_temp.Root, "live.db");
        db = Path.Combine(_temp.Root, "index.db");
        PithImport.Run(live, Samples.Records).AssertExit(0);
        using (var connection = IndexFile.Open(live))
        {
            Execute(connection, null, "PRAGMA journal_mode = TRUNCATE; PRAGMA cache_size = 1");
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction,
                "DELETE FROM record_originals; INSERT INTO import_runs (started_at, sources) SELECT 'now', zeroblob(100000) FROM (SELECT 1 UNION SELECT 2 UNION SELECT 3)");
            File.Copy(live, db);
            File.Copy(live + "-journal", db + "-journal");
        }
        Assert.True(new FileInfo(db + "-journal").Length > 0, "no journal to copy");
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Theory]
    [MemberData(nameof(ReadingCommandsTests.Readers), MemberType = typeof(ReadingCommandsTests))]
    public void A_reading_command_refuses_it_in_one_line_and_changes_neither_file(string[] command)
    {
        Interrupted(out _, out var db);
        var before = (Hash(db), Hash(db + "-journal"));

        var result = Run(db, command);

        result.AssertExit(2);
        Assert.Empty(result.Stdout);
        var line = Assert.Single(result.StderrLines);
        Assert.Equal(
            $"pith: {db} was left mid-write by an import that stopped (its journal {db}-journal is still there); reading commands do not " +
            "change the index: the next 'pith import' into it rolls the unfinished write back, or, if that journal does not belong to " +
            "this file (beside a restored backup, say), move it away; nothing was changed", line);
        Assert.Equal(before, (Hash(db), Hash(db + "-journal")));
    }

    [Fact]
    public void The_next_import_rolls_the_write_back_and_the_index_reads_as_before_it()
    {
        Interrupted(out var live, out var db);
        var empty = Directory.CreateDirectory(Path.Combine(_temp.Root, "nothing")).FullName;

        PithImport.Run(db, "--quiet", empty).AssertExit(0);
        Assert.False(File.Exists(db + "-journal"), "the import left a journal");

        var export = Run(db, ["export"]);
        export.AssertExit(0);
        Assert.Equal(Run(live, ["export"]).Stdout, export.Stdout);
        Assert.Equal(3, export.StdoutLines.Count);
        Run(db, ["stats"]).AssertExit(0);
        Assert.Equal("ok", IndexFile.IntegrityCheck(db));
    }
}
