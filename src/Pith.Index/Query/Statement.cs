using SQLitePCL;

namespace Pith.Index.Query;

/// <summary>A prepared statement of an <see cref="IndexReader"/>: bind, step through the rows, read columns; reusable after <see cref="Reset"/>.</summary>
internal sealed class Statement(IndexReader index, sqlite3_stmt statement) : IDisposable
{
    public Statement Bind(int parameter, string value)
    {
        raw.sqlite3_bind_text(statement, parameter, value);
        return this;
    }

    public Statement Bind(int parameter, long value)
    {
        raw.sqlite3_bind_int64(statement, parameter, value);
        return this;
    }

    /// <summary>Moves to the next row: false when there is none.</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(statement);
        return rc == raw.SQLITE_ROW || (rc == raw.SQLITE_DONE ? false : throw index.Failure(rc));
    }

    /// <summary>Back to before the first row, bindings kept, for the next use.</summary>
    public void Reset() => raw.sqlite3_reset(statement);

    public string Text(int column) => raw.sqlite3_column_text(statement, column).utf8_to_string() ?? "";

    public string? NullableText(int column) => raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL ? null : Text(column);

    public long Int64(int column) => raw.sqlite3_column_int64(statement, column);

    public byte[] Blob(int column) => raw.sqlite3_column_blob(statement, column).ToArray();

    public void Dispose() => statement.Dispose();
}
