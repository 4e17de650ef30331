using Microsoft.Data.Sqlite;
using Pith.Index.Query;
using Xunit;

namespace Pith.Index.Tests.Query;

public sealed class IndexReaderTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pith-reader-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_folder.FullName, name);

    [Fact]
    public void A_missing_file_is_refused_and_not_created()
    {
        var path = PathOf("sub/none.db");
        var e = Assert.Throws<IndexUnavailableException>(() => IndexReader.Open(path));
        Assert.Equal($"no index at {path} (run 'pith import' first, or name one with --db)", e.Message);
        Assert.False(Directory.Exists(PathOf("sub")));
    }

    [Fact]
    public void Refuses_what_is_not_a_pith_index_of_a_known_schema_and_leaves_it_as_it_was()
    {
        var empty = PathOf("empty.db");
        File.WriteAllBytes(empty, []);
        var newer = PathOf("newer.db");
        using (var db = IndexDatabase.Open(newer)) db.Execute("PRAGMA user_version = 99");
        var other = PathOf("other.db");
        using (var connection = new SqliteConnection($"Data Source={other};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE accounts (id INTEGER); PRAGMA user_version = 1";
            command.ExecuteNonQuery();
        }
        foreach (var (path, reason) in new[]
                 {
                     (empty, $"{empty} is not a pith index (an SQLite file without its tables)"),
                     (newer, $"{newer} has schema version 99, newer than this pith knows ({Migrations.Latest}); upgrade pith"),
                     (other, $"{other} is an SQLite database but not a pith index"),
                 })
        {
            var before = File.ReadAllBytes(path);
            Assert.Equal(reason, Assert.Throws<IndexUnavailableException>(() => IndexReader.Open(path)).Message);
            Assert.Equal(before, File.ReadAllBytes(path));
        }
    }

    [Fact]
    public void Refuses_an_index_a_killed_import_left_with_a_hot_journal_and_changes_neither_file()
    {
        var path = PathOf("index.db");
        using (IndexDatabase.Open(path)) { }
        // The file and its journal in the middle of a transaction are what a kill leaves: copied while it is open.
        var copy = PathOf("copy.db");
        using (var writer = IndexDatabase.Open(path))
        {
            using var transaction = writer.Connection.BeginTransaction();
            using var command = writer.Connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "PRAGMA cache_size = 1; INSERT INTO import_runs (started_at, sources) SELECT 'now', zeroblob(100000) FROM (SELECT 1 UNION SELECT 2 UNION SELECT 3)";
            command.ExecuteNonQuery();
            File.Copy(path, copy);
            File.Copy(path + "-journal", copy + "-journal");
            Assert.True(new FileInfo(copy + "-journal").Length > 0);
        }
        var before = (File.ReadAllBytes(copy), File.ReadAllBytes(copy + "-journal"));

        foreach (var open in new Func<IDisposable>[] { () => IndexReader.Open(copy), () => IndexDatabase.OpenReadOnly(copy) })
        {
            var e = Assert.Throws<IndexUnavailableException>(() => open().Dispose());
            Assert.Equal(IndexUnavailableKind.InterruptedWrite, e.Kind);
            Assert.StartsWith($"{copy} was left mid-write by an import that stopped (its journal {copy}-journal is still there)", e.Message, StringComparison.Ordinal);
            Assert.EndsWith("; nothing was changed", e.Message, StringComparison.Ordinal);
            Assert.Equal(before.Item1, File.ReadAllBytes(copy));
            Assert.Equal(before.Item2, File.ReadAllBytes(copy + "-journal"));
        }

        // A writer rolls it back: the index is as it was before that transaction.
        using (IndexDatabase.Open(copy)) { }
        using var reader = IndexReader.Open(copy);
        using var resolver = new AliasResolver(reader);
        Assert.Equal(ResolutionStatus.NotFound, resolver.Resolve("2310.05918").Status);
        using var check = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=false");
        check.Open();
        using var count = check.CreateCommand();
        count.CommandText = "SELECT count(*) FROM import_runs";
        Assert.Equal(0L, count.ExecuteScalar());
    }
}
