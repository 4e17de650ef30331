using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Pith.Index.Sqlite;

/// <summary>
/// A prepared statement driven through SQLitePCLRaw directly, for the import's hot inserts: Microsoft.Data.Sqlite
/// builds a data reader, boxes every value and looks parameters up on each execution, which cost the single
/// writer more than SQLite's own work. It runs inside whatever transaction the connection has open.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_db, sql, out _statement), _db);
    }

    /// <summary>Binds by position, 1-based as in SQLite.</summary>
    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    public void Bind(int index, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text16(_statement, index, value.AsSpan()));

    public void Bind(int index, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_blob(_statement, index, value));

    /// <summary>Runs the statement; true when it produced a row (read it with <see cref="Int64"/> before <see cref="Reset"/>).</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc == raw.SQLITE_DONE) return false;
        // A statement from prepare_v2 returns the specific error from step; the message is read before the reset.
        var error = new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
        raw.sqlite3_reset(_statement);
        throw error;
    }

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    /// <summary>Makes the statement ready to run again (bindings are kept until overwritten).</summary>
    public void Reset() => raw.sqlite3_reset(_statement);

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }
}
