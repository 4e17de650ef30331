using System.Text;
using Microsoft.Data.Sqlite;

namespace Pith.Index.Sqlite;

/// <summary>
/// Reads the columns of one stored row without trusting their types: the index file can be changed by any SQLite
/// client (SQLite lets any column hold any type), and audit exists to catch that. A value of the wrong type, or a NULL
/// where one does not belong, is noted as a problem of that row (named after its column) and read as well as it can
/// be, never thrown.
/// </summary>
internal sealed class StoredColumns(SqliteDataReader reader)
{
    private List<(string Column, string Reason)>? _problems;

    /// <summary>What was wrong with the columns read so far, each with its column's name.</summary>
    public IReadOnlyList<(string Column, string Reason)> Problems => _problems ?? [];

    /// <summary>A TEXT column: an integer or a real is read as its text, a BLOB as UTF-8; NULL is read as "".</summary>
    public string Text(string column) => OptionalText(column) ?? Wrong(column, "NULL", "TEXT", "");

    /// <summary>A TEXT column that may be NULL.</summary>
    public string? OptionalText(string column) => Value(column) switch
    {
        string text => text,
        DBNull => null,
        byte[] blob => Wrong(column, "a BLOB", "TEXT", Encoding.UTF8.GetString(blob)),
        var other => Wrong(column, TypeName(other), "TEXT", Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
    };

    /// <summary>A BLOB column: TEXT is read as its UTF-8 bytes; NULL as no bytes.</summary>
    public byte[] Blob(string column) => OptionalBlob(column) ?? Wrong(column, "NULL", "a BLOB", Array.Empty<byte>());

    /// <summary>A BLOB column that may be NULL.</summary>
    public byte[]? OptionalBlob(string column) => Value(column) switch
    {
        byte[] blob => blob,
        DBNull => null,
        string text => Wrong(column, "TEXT", "a BLOB", Encoding.UTF8.GetBytes(text)),
        var other => Wrong(column, TypeName(other), "a BLOB", Array.Empty<byte>()),
    };

    /// <summary>An INTEGER column; anything else is read as 0.</summary>
    public long Integer(string column) => Value(column) switch
    {
        long value => value,
        DBNull => Wrong(column, "NULL", "an INTEGER", 0L),
        var other => Wrong(column, TypeName(other), "an INTEGER", 0L),
    };

    // Columns are read by their names in the query (their aliases where they have one).
    private object Value(string column) => reader.GetValue(reader.GetOrdinal(column));

    private T Wrong<T>(string column, string found, string expected, T readAs)
    {
        (_problems ??= []).Add((column, $"the index holds {found} where {expected} belongs (the file was changed outside pith)"));
        return readAs;
    }

    // SQLite's storage classes, as Microsoft.Data.Sqlite returns them.
    private static string TypeName(object value) => value switch
    {
        string => "TEXT",
        byte[] => "a BLOB",
        double => "a REAL",
        long => "an INTEGER",
        DBNull => "NULL",
        _ => value.GetType().Name,
    };
}
