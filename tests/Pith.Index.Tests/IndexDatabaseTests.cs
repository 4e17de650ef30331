using Xunit;

namespace Pith.Index.Tests;

public sealed class IndexDatabaseTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pith-index-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_folder.FullName, name);

    [Fact]
    public void Creates_the_file_and_its_folder_at_the_latest_schema()
    {
        var path = PathOf("a/b/index.db");
        using (var db = IndexDatabase.Open(path))
        {
            Assert.Equal(Migrations.Latest, db.Scalar<long>("PRAGMA user_version"));
            Assert.Equal(1, db.Scalar<long>("PRAGMA foreign_keys"));
            Assert.Equal("truncate", db.Scalar<string>("PRAGMA journal_mode"));
        }
        using var again = IndexDatabase.Open(path);
        Assert.Equal(Migrations.Latest, again.Scalar<long>("PRAGMA user_version"));
    }

    [Fact]
    public void Reading_does_not_stop_at_damage_it_never_touches_but_EnsureIntact_finds_it()
    {
        var path = PathOf("index.db");
        long rootPage, pageSize;
        using (var db = IndexDatabase.Open(path))
        {
            db.Execute("INSERT INTO import_runs (started_at, sources) VALUES ('2026-01-01', '[]')");
            db.Execute("INSERT INTO rejects (run_id, path, reason) VALUES (1, 'x', 'parse: no')");
            rootPage = db.Scalar<long>("SELECT rootpage FROM sqlite_master WHERE name = 'rejects'");
            pageSize = db.Scalar<long>("PRAGMA page_size");
        }
        // Damage a page that reading the records never touches.
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            file.Position = (rootPage - 1) * pageSize;
            file.Write(Enumerable.Repeat((byte)0xA5, (int)pageSize).ToArray());
        }

        using var reader = IndexDatabase.Open(path, create: false);
        Assert.Equal(0, reader.Scalar<long>("SELECT count(*) FROM records"));
        var e = Assert.Throws<IndexUnavailableException>(reader.EnsureIntact);
        Assert.Contains("is corrupt (SQLite quick_check:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_create_when_asked_only_to_open()
    {
        var e = Assert.Throws<IndexUnavailableException>(() => IndexDatabase.Open(PathOf("none.db"), create: false));
        Assert.Contains("no index at", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("none.db")));
    }

    [Fact]
    public void Refuses_a_newer_schema_without_touching_it()
    {
        var path = PathOf("new.db");
        using (var db = IndexDatabase.Open(path)) db.Execute("PRAGMA user_version = 99");
        var before = File.ReadAllBytes(path);
        var e = Assert.Throws<IndexUnavailableException>(() => IndexDatabase.Open(path));
        Assert.Contains("newer than this pith knows", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Refuses_files_that_are_not_pith_indexes()
    {
        var text = PathOf("text.db");
        File.WriteAllText(text, new string('x', 4096));
        Assert.Contains("not an SQLite database", Assert.Throws<IndexUnavailableException>(() => IndexDatabase.Open(text)).Message, StringComparison.Ordinal);
        Assert.Equal(new string('x', 4096), File.ReadAllText(text));

        var other = PathOf("other.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={other};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE accounts (id INTEGER)";
            command.ExecuteNonQuery();
        }
        Assert.Contains("not a pith index", Assert.Throws<IndexUnavailableException>(() => IndexDatabase.Open(other)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_read_only_file()
    {
        var path = PathOf("ro.db");
        IndexDatabase.Open(path).Dispose();
        if (OperatingSystem.IsWindows()) File.SetAttributes(path, FileAttributes.ReadOnly);
        else File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        Assert.Contains("read-only", Assert.Throws<IndexUnavailableException>(() => IndexDatabase.Open(path)).Message, StringComparison.Ordinal);
    }
}
