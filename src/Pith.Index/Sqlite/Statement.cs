using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Pith.Index.Sqlite;

/// <summary>
/// A prepared statement driven through SQLitePCLRaw directly: bind by position (1-based, as in SQLite) or by the index of a
/// named parameter (<see cref="Parameter"/>), step through the rows, read columns by ordinal (<see cref="Column"/> finds
/// one by name); reusable after <see cref="Reset"/>. Two paths use it instead of Microsoft.Data.Sqlite:
/// the import's hot inserts (a data reader, boxed values and parameter look-ups per execution cost the single writer
/// more than SQLite's own work) and the read-only queries of a <c>pith resolve</c> process (setting Microsoft.Data.Sqlite
/// up costs more start-up time than the whole look-up: see <see cref="Query.IndexReader"/>).
/// </summary>
internal sealed class Statement : IDisposable
{
    private readonly sqlite3_stmt _statement;
    private readonly sqlite3 _db;
    private readonly Func<int, Exception> _failure;

    /// <param name="statement">A statement prepared with <c>sqlite3_prepare_v2</c>, which this one now owns.</param>
    /// <param name="failure">Makes the exception for a failed call from SQLite's result code (the message is read from the connection).</param>
    private Statement(sqlite3 db, sqlite3_stmt statement, Func<int, Exception> failure)
    {
        _db = db;
        _statement = statement;
        _failure = failure;
    }

    /// <summary>Prepares <paramref name="sql"/> on an open Microsoft.Data.Sqlite connection, inside whatever transaction it has open; failures are <see cref="SqliteException"/>s.</summary>
    public static Statement Prepare(SqliteConnection connection, string sql)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        return Prepare(db, sql, code => new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), code, raw.sqlite3_extended_errcode(db)));
    }

    /// <summary>Prepares <paramref name="sql"/> on <paramref name="db"/>; <paramref name="failure"/> makes the exception for any failed call, preparing included.</summary>
    public static Statement Prepare(sqlite3 db, string sql, Func<int, Exception> failure)
    {
        var rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
        if (rc == raw.SQLITE_OK) return new Statement(db, statement, failure);
        statement.Dispose();
        throw failure(rc);
    }

    /// <summary>The index of the parameter named <paramref name="name"/> (with its <c>$</c>, <c>:</c> or <c>@</c>): looked up once, bound often.</summary>
    public int Parameter(string name)
    {
        // Asked for every bind of the import's inserts: SQLite's own look-up encodes the name and searches the list each time.
        _parameters ??= new Dictionary<string, int>(StringComparer.Ordinal);
        if (_parameters.TryGetValue(name, out var known)) return known;
        var index = raw.sqlite3_bind_parameter_index(_statement, name);
        if (index <= 0) throw new ArgumentException($"no parameter {name} in: {raw.sqlite3_sql(_statement).utf8_to_string()}", nameof(name));
        _parameters.Add(name, index);
        return index;
    }

    // Parameter names to indexes, filled as they are asked for.
    private Dictionary<string, int>? _parameters;

    /// <summary>The ordinal of the result column named <paramref name="name"/> (its alias, or its name when it has none).</summary>
    public int Column(string name)
    {
        if (_columns is null)
        {
            var count = raw.sqlite3_column_count(_statement);
            _columns = new Dictionary<string, int>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++) _columns.TryAdd(raw.sqlite3_column_name(_statement, i).utf8_to_string() ?? "", i);
        }
        return _columns.TryGetValue(name, out var ordinal)
            ? ordinal
            : throw new ArgumentException($"no column {name} in: {raw.sqlite3_sql(_statement).utf8_to_string()}", nameof(name));
    }

    // Result column names to ordinals, read from SQLite on the first look-up.
    private Dictionary<string, int>? _columns;

    public Statement Bind(string parameter, long value) => Bind(Parameter(parameter), value);

    public Statement Bind(string parameter, string? value) => Bind(Parameter(parameter), value);

    public Statement Bind(string parameter, ReadOnlySpan<byte> value) => Bind(Parameter(parameter), value);

    public Statement Bind(int parameter, long value) => Check(raw.sqlite3_bind_int64(_statement, parameter, value));

    public Statement Bind(int parameter, string? value)
    {
        if (value is null) return Check(raw.sqlite3_bind_null(_statement, parameter));
        // The index stores text as UTF-8: bound as UTF-16, each value is converted again by SQLite, into memory it
        // allocates. Text that has no UTF-8 form (a lone surrogate) is still handed over as UTF-16, for SQLite to store as before.
        var utf8 = value.Length <= MaxStackText ? stackalloc byte[value.Length * 3] : new byte[value.Length * 3];
        return System.Text.Unicode.Utf8.FromUtf16(value, utf8, out _, out var written, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done
            ? Check(raw.sqlite3_bind_text(_statement, parameter, utf8[..written]))
            : BindUtf16(parameter, value);
    }

    /// <summary>Binds text as UTF-16, which SQLite converts to the database's encoding itself.</summary>
    internal Statement BindUtf16(int parameter, string value) => Check(raw.sqlite3_bind_text16(_statement, parameter, value.AsSpan()));

    // Characters of text encoded on the stack (3 bytes each at most) before it is bound.
    private const int MaxStackText = 512;

    public Statement Bind(int parameter, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_blob(_statement, parameter, value));

    /// <summary>Moves to the next row: false when there is none (or the statement is done).</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc == raw.SQLITE_DONE) return false;
        // A statement from prepare_v2 returns the specific error from step; the message is read before the reset.
        var failure = _failure(rc);
        raw.sqlite3_reset(_statement);
        throw failure;
    }

    /// <summary>Runs a statement that returns no rows: the number of rows it inserted, changed or deleted.</summary>
    public int Execute()
    {
        Step();
        Reset();
        return raw.sqlite3_changes(_db);
    }

    /// <summary>The rowid of the connection's latest successful insert.</summary>
    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(_db);

    /// <summary>Back to before the first row, bindings kept until overwritten, for the next use.</summary>
    public void Reset() => raw.sqlite3_reset(_statement);

    public string Text(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string() ?? "";

    public string? NullableText(int column) => IsNull(column) ? null : Text(column);

    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    public byte[] Blob(int column) => raw.sqlite3_column_blob(_statement, column).ToArray();

    /// <summary>The blob in <paramref name="column"/> where SQLite holds it: valid until the next step or reset.</summary>
    public ReadOnlySpan<byte> BlobSpan(int column) => raw.sqlite3_column_blob(_statement, column);

    public void Dispose() => _statement.Dispose();

    private Statement Check(int rc) => rc == raw.SQLITE_OK ? this : throw _failure(rc);
}
