using Microsoft.Data.Sqlite;
using Pith.Index.Sqlite;
using Xunit;

namespace Pith.Index.Tests.Sqlite;

public sealed class StatementTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pith-raw-");
    private readonly SqliteConnection _connection;

    public StatementTests()
    {
        _connection = new SqliteConnection($"Data Source={Path.Combine(_folder.FullName, "t.db")};Pooling=False");
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, note TEXT, data BLOB)";
        create.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _connection.Dispose();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public void Binds_by_position_returns_rows_and_runs_again_after_a_reset()
    {
        using var insert = Statement.Prepare(_connection, "INSERT INTO t (name, note, data) VALUES (?1, ?2, ?3) ON CONFLICT (name) DO NOTHING RETURNING id");
        insert.Bind(1, "é\u2028x");
        insert.Bind(2, (string?)null);
        insert.Bind(3, new byte[] { 1, 2, 3, 4 }.AsSpan(0, 3));
        Assert.True(insert.Step());
        var id = insert.Int64(0);
        insert.Reset();
        Assert.False(insert.Step(), "a conflicting insert gives no row");
        insert.Reset();

        using var read = _connection.CreateCommand();
        read.CommandText = "SELECT name, note IS NULL, data FROM t WHERE id = $id";
        read.Parameters.AddWithValue("$id", id);
        using var row = read.ExecuteReader();
        Assert.True(row.Read());
        Assert.Equal("é\u2028x", row.GetString(0));
        Assert.True(row.GetBoolean(1));
        Assert.Equal(new byte[] { 1, 2, 3 }, (byte[])row.GetValue(2));
    }

    [Theory]
    [InlineData("plain ascii")]
    [InlineData("é\u2028x 𝔸 \u0000 end")]
    [InlineData("a\ud800b")]
    [InlineData("")]
    public void Stores_text_as_sqlite_stores_it_from_utf16(string text)
    {
        // Short and long: encoded on the stack and past it.
        foreach (var (value, n) in new[] { (text, 1), (string.Concat(Enumerable.Repeat(text, 600)), 2) })
        {
            using var insert = Statement.Prepare(_connection, "INSERT INTO t (name, note) VALUES (?1, ?2)");
            insert.Bind(1, $"bound {n}");
            insert.Bind(2, value);
            Assert.Equal(1, insert.Execute());
            var id = insert.LastInsertRowId;
            // The same text bound as UTF-16, converted by SQLite itself.
            insert.Bind(1, $"utf16 {n}");
            insert.BindUtf16(2, value);
            Assert.Equal(1, insert.Execute());
            var reference = insert.LastInsertRowId;

            using var read = _connection.CreateCommand();
            read.CommandText = "SELECT CAST(a.note AS BLOB) = CAST(b.note AS BLOB) FROM t a, t b WHERE a.id = $a AND b.id = $b";
            read.Parameters.AddWithValue("$a", id);
            read.Parameters.AddWithValue("$b", reference);
            using var row = read.ExecuteReader();
            Assert.True(row.Read());
            Assert.True(row.GetBoolean(0), $"stored bytes differ for {value.Length} characters");
        }
    }

    [Fact]
    public void Execute_counts_the_rows_written_and_gives_the_new_rowid()
    {
        using var insert = Statement.Prepare(_connection, "INSERT INTO t (name) VALUES (?1) ON CONFLICT (name) DO NOTHING");
        insert.Bind(1, "first");
        Assert.Equal(1, insert.Execute());
        var first = insert.LastInsertRowId;
        insert.Bind(1, "second");
        Assert.Equal(1, insert.Execute());
        Assert.Equal(first + 1, insert.LastInsertRowId);
        insert.Bind(1, "first");
        Assert.Equal(0, insert.Execute()); // the conflict does nothing, whatever the statement before it wrote

        using var count = _connection.CreateCommand();
        count.CommandText = "SELECT group_concat(id || ':' || name, ',') FROM t";
        Assert.Equal($"{first}:first,{first + 1}:second", count.ExecuteScalar());
    }

    [Fact]
    public void A_failing_step_throws_the_SQLite_error_and_leaves_the_statement_usable()
    {
        using var insert = Statement.Prepare(_connection, "INSERT INTO t (name) VALUES (?1)");
        insert.Bind(1, (string?)null);
        var error = Assert.Throws<SqliteException>(() => insert.Step());
        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Contains("NOT NULL", error.Message, StringComparison.Ordinal);
        insert.Bind(1, "again");
        Assert.False(insert.Step());
    }

    [Fact]
    public void A_statement_that_does_not_compile_throws_with_SQLites_reason() =>
        Assert.Contains("no such table", Assert.Throws<SqliteException>(() => Statement.Prepare(_connection, "INSERT INTO missing VALUES (1)")).Message, StringComparison.Ordinal);
}
