using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Pith.Cli.Tests.Import;

/// <summary>
/// Reads an index file the tests produced, as SQLite itself sees it: a canonical dump of what it holds, its
/// integrity check, counts. The dump leaves out what legitimately differs between two imports of the same inputs
/// (import times, run ids, row ids), so a killed-and-rerun index can be compared with a clean one line by line.
/// </summary>
public static class IndexFile
{
    /// <summary>Every record, alias, older copy, variant, kept document and the schema, one line each, in a fixed order.</summary>
    public static IReadOnlyList<string> Dump(string path)
    {
        using var connection = Open(path);
        var lines = new List<string> { "user_version " + Scalar(connection, "PRAGMA user_version") };
        lines.AddRange(Lines(connection, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name", "schema"));
        lines.AddRange(Lines(connection,
            """
            SELECT r.pith_number, r.code, r.digest, r.year, r.source_kind, r.source_id, r.source_version, r.title, r.key_id, r.signature,
                   r.updated_at, r.bytes_sha256, o.original, r.imported_from
            FROM records r LEFT JOIN record_originals o ON o.record_id = r.id ORDER BY r.pith_number
            """, "record"));
        lines.AddRange(Lines(connection,
            """
            SELECT r.pith_number, a.kind, a.value, a.normalized
            FROM aliases a JOIN records r ON r.id = a.record_id ORDER BY r.pith_number, a.kind
            """, "alias"));
        lines.AddRange(Lines(connection,
            """
            SELECT r.pith_number, h.updated_at, h.bytes_sha256, h.original, h.imported_from
            FROM record_history h JOIN records r ON r.id = h.record_id ORDER BY r.pith_number, h.bytes_sha256
            """, "history"));
        lines.AddRange(Lines(connection,
            """
            SELECT r.pith_number, v.updated_at, v.bytes_sha256, v.original, v.imported_from
            FROM record_variants v JOIN records r ON r.id = v.record_id ORDER BY r.pith_number, v.bytes_sha256
            """, "variant"));
        lines.AddRange(Lines(connection,
            """
            SELECT r.pith_number, d.document_type, d.bytes_sha256, d.original, d.imported_from
            FROM record_documents d JOIN records r ON r.id = d.record_id ORDER BY r.pith_number, d.bytes_sha256
            """, "document"));
        return lines;
    }

    /// <summary>The first column of every row <paramref name="sql"/> selects, as bytes.</summary>
    public static IReadOnlyList<byte[]> Blobs(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<byte[]>();
        while (reader.Read()) rows.Add((byte[])reader.GetValue(0));
        return rows;
    }

    /// <summary>The records table exactly, every column (import times and run ids included), with its stored bytes, in row order.</summary>
    public static IReadOnlyList<string> RecordRows(string path)
    {
        using var connection = Open(path);
        return Lines(connection, "SELECT r.*, o.* FROM records r LEFT JOIN record_originals o ON o.record_id = r.id ORDER BY r.id", "row");
    }

    /// <summary>The stored bytes of the only record in the index.</summary>
    public static byte[] Original(string path)
    {
        using var connection = Open(path);
        return (byte[])Scalar(connection, "SELECT original FROM record_originals")!;
    }

    /// <summary>What <c>PRAGMA integrity_check</c> says: "ok" for a sound file.</summary>
    public static string IntegrityCheck(string path)
    {
        using var connection = Open(path);
        return string.Join("\n", Lines(connection, "PRAGMA integrity_check", null));
    }

    public static long Count(string path, string table)
    {
        using var connection = Open(path);
        return Convert.ToInt64(Scalar(connection, $"SELECT count(*) FROM {table}"), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// <paramref name="table"/>'s row count as a copy of the file (with its journal) shows it: opening the index
    /// itself would roll back a hot journal, which is the job of the next pith run the test is checking.
    /// </summary>
    public static long CountInCopy(string path, string table)
    {
        if (!File.Exists(path)) return 0;
        var scratch = Directory.CreateTempSubdirectory("pith-index-copy-").FullName;
        try
        {
            var copy = System.IO.Path.Combine(scratch, "index.db");
            File.Copy(path, copy);
            if (File.Exists(path + "-journal")) File.Copy(path + "-journal", copy + "-journal");
            // A file killed before SQLite wrote its first page is empty: no tables yet.
            if (new FileInfo(copy).Length == 0) return 0;
            using var connection = Open(copy);
            return Convert.ToInt64(Scalar(connection, $"SELECT count(*) FROM sqlite_master WHERE name = '{table}'"), CultureInfo.InvariantCulture) == 0
                ? 0
                : Convert.ToInt64(Scalar(connection, $"SELECT count(*) FROM {table}"), CultureInfo.InvariantCulture);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Rows of any query, one line each (for the rejects of a run, the runs themselves...).</summary>
    public static IReadOnlyList<string> Query(string path, string sql)
    {
        using var connection = Open(path);
        return Lines(connection, sql, null);
    }

    /// <summary>Runs <paramref name="sql"/> on the file, as a user with sqlite3 would change it behind pith's back; the rows it changed.</summary>
    public static int Execute(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    /// <summary>A connection of our own: no pooling, so no file handle outlives the test's use of it.</summary>
    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static List<string> Lines(SqliteConnection connection, string sql, string? prefix)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            var fields = Enumerable.Range(0, reader.FieldCount).Select(i => Show(reader.GetValue(i)));
            lines.Add(prefix is null ? string.Join(" | ", fields) : prefix + " " + string.Join(" | ", fields));
        }
        return lines;
    }

    // Blobs as hex, except long ones (the original bytes): their length and SHA-256 compare them exactly, and a
    // failing comparison stays readable.
    private static string Show(object value) => value switch
    {
        DBNull => "NULL",
        byte[] { Length: > 32 } blob => $"{blob.Length} bytes sha256:{Convert.ToHexStringLower(SHA256.HashData(blob))}",
        byte[] blob => Convert.ToHexStringLower(blob),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
