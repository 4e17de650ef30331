using Pith.Index.Sqlite;
using SQLitePCL;

namespace Pith.Index.Query;

/// <summary>
/// An existing index opened for reading only: nothing is created, migrated or checked page by page (the whole-file
/// <c>quick_check</c> guards writes; a reader pays only for the pages it reads). A missing file, a file that is not
/// a pith index, a corrupt header or a newer schema is an <see cref="IndexUnavailableException"/> with a one-line reason.
/// </summary>
/// <remarks>
/// It calls SQLite through SQLitePCLRaw, not Microsoft.Data.Sqlite: a look-up such as <c>pith resolve</c> is a whole
/// process each time, and setting up Microsoft.Data.Sqlite (its reflection-driven initialiser, System.Data.Common,
/// the connection-string machinery) took 25 to 45 ms of a start-up whose whole budget is 60 ms (measured; a raw
/// open and query takes a few ms).
/// </remarks>
public sealed class IndexReader : IDisposable
{
    // The schema version that added bundles and state files (records.unsigned, record_document_types).
    private const long BundlesSchema = 3;

    // The schema version that moved the stored bytes of current records out of records, into record_originals.
    private const long OriginalsSchema = 4;


    private readonly sqlite3 _db;

    private IndexReader(sqlite3 db, string path)
    {
        _db = db;
        Path = path;
    }

    public string Path { get; }

    /// <summary>The schema version of the file (a reader does not migrate: older versions lack the later columns).</summary>
    private long _version;

    public static IndexReader Open(string path, TimeSpan? lockTimeout = null)
    {
        if (!File.Exists(path)) throw IndexUnavailableException.Missing(path);
        Batteries_V2.Init();
        var timeout = lockTimeout ?? IndexDatabase.DefaultLockTimeout;
        try
        {
            return OpenChecked(path, raw.SQLITE_OPEN_READONLY, timeout);
        }
        catch (IndexUnavailableException e) when (e.SqliteCode == raw.SQLITE_READONLY_ROLLBACK)
        {
            // Rolling the interrupted transaction back is what SQLite does for any reader that may write; the file is
            // not created (no SQLITE_OPEN_CREATE) and nothing else is written.
            return OpenChecked(path, raw.SQLITE_OPEN_READWRITE, timeout);
        }
    }

    private static IndexReader OpenChecked(string path, int flags, TimeSpan timeout)
    {
        var rc = raw.sqlite3_open_v2(path, out var db, flags, null);
        var reader = new IndexReader(db, path);
        try
        {
            if (rc != raw.SQLITE_OK) throw reader.Failure(rc);
            raw.sqlite3_busy_timeout(db, (int)Math.Min(int.MaxValue, timeout.TotalMilliseconds));
            reader.CheckSchema();
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    public void Dispose() => _db.Dispose();

    /// <summary>The record a match names, with what <c>pith show</c> tells about it.</summary>
    public StoredRecord ReadRecord(RecordMatch match)
    {
        // Bundles and state files came with schema 3: before it, every row is a signed record document.
        var documents = _version >= BundlesSchema
            ? "unsigned, (SELECT group_concat(document_type, ' ') FROM (SELECT document_type FROM record_document_types WHERE record_id = ?1 ORDER BY 1))"
            : "0, 'pith_number_record'";
        var original = _version >= OriginalsSchema ? "(SELECT original FROM record_originals WHERE record_id = ?1)" : "original";
        using var row = Prepare(
            $"""
            SELECT title, key_id, updated_at, imported_at, imported_from, run_id, {original},
                   (SELECT count(*) FROM record_history WHERE record_id = ?1), source_kind, {documents}
            FROM records WHERE id = ?1
            """);
        row.Bind(1, match.Id);
        if (!row.Step()) throw new IndexUnavailableException($"{Path}: {match.PithNumber} went away while it was read; try again");
        return new StoredRecord(match, row.NullableText(0), row.Text(1), row.NullableText(2), row.Text(3), row.Text(4), row.Int64(5),
            row.Blob(6), row.Int64(7), row.Text(8), OtherVersions(match), Unsigned: row.Int64(9) != 0, DocumentTypes: row.Text(10).Split(' '));
    }

    // Every other record of the same paper, by version.
    private List<RecordMatch> OtherVersions(RecordMatch match)
    {
        using var versions = Prepare(
            """
            SELECT id, pith_number, source_id, source_version FROM records
            WHERE source_kind = (SELECT source_kind FROM records WHERE id = ?1) AND source_id = ?2 AND id <> ?1
            ORDER BY source_version, pith_number
            """);
        versions.Bind(1, match.Id).Bind(2, match.SourceId);
        return RecordMatch.ReadAll(versions);
    }

    internal Statement Prepare(string sql) => Statement.Prepare(_db, sql, Failure);

    /// <summary>SQLite's failure as a one-line reason (corruption found on the way, a lock held too long, not a database).</summary>
    private IndexUnavailableException Failure(int rc)
    {
        var extended = raw.sqlite3_extended_errcode(_db);
        var code = (extended & 0xFF) == (rc & 0xFF) ? extended : rc;
        var failure = IndexDatabase.Describe(code, raw.sqlite3_errmsg(_db).utf8_to_string() ?? "", Path);
        failure.SqliteCode = code;
        return failure;
    }

    // The version and the tables in one statement (the header and the schema read once): a pith index of a schema this
    // program can read. Every schema version up to the latest holds the tables the queries use.
    private void CheckSchema()
    {
        using var check = Prepare("SELECT user_version, (SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'records') FROM pragma_user_version");
        check.Step();
        var version = check.Int64(0);
        IndexDatabase.RefuseNewer(Path, version);
        if (version == 0 || check.Int64(1) == 0) throw new IndexUnavailableException($"{Path} is not a pith index");
        _version = version;
    }
}
