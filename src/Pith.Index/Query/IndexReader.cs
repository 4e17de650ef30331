using Pith.Index.Sqlite;
using SQLitePCL;

namespace Pith.Index.Query;

/// <summary>
/// An existing index opened for reading only, under the rules every reading command follows (<see cref="IndexFile"/>):
/// never created, migrated, written or checked page by page (the whole-file <c>quick_check</c> guards writes; a reader
/// pays only for the pages it reads); only this program's schema is read; a hot journal is refused, not rolled back.
/// What makes it unusable is an <see cref="IndexUnavailableException"/> with a one-line reason.
/// </summary>
/// <remarks>
/// It calls SQLite through SQLitePCLRaw, not Microsoft.Data.Sqlite: a look-up such as <c>pith resolve</c> is a whole
/// process each time, and setting up Microsoft.Data.Sqlite (its reflection-driven initialiser, System.Data.Common,
/// the connection-string machinery) costs more start-up time than the whole look-up.
/// </remarks>
public sealed class IndexReader : IDisposable
{
    private readonly sqlite3 _db;
    private Statement? _document;

    private IndexReader(sqlite3 db, string path)
    {
        _db = db;
        Path = path;
    }

    public string Path { get; }

    public static IndexReader Open(string path, TimeSpan? lockTimeout = null)
    {
        IndexFile.RequireExisting(path);
        SqliteLibrary.Init();
        var timeout = lockTimeout ?? IndexDatabase.DefaultLockTimeout;
        var rc = raw.sqlite3_open_v2(path, out var db, raw.SQLITE_OPEN_READONLY, null);
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

    public void Dispose()
    {
        _document?.Dispose();
        _db.Dispose();
    }

    /// <summary>The record a match names, with what <c>pith show</c> tells about it.</summary>
    public StoredRecord ReadRecord(RecordMatch match)
    {
        using var row = Prepare(
            """
            SELECT title, key_id, updated_at, imported_at, imported_from, run_id, source_kind, unsigned,
                   (SELECT original FROM record_originals WHERE record_id = $id) AS original,
                   (SELECT count(*) FROM record_history WHERE record_id = $id) AS older_copies,
                   (SELECT group_concat(document_type, ' ') FROM (SELECT document_type FROM record_document_types WHERE record_id = $id ORDER BY 1)) AS document_types
            FROM records WHERE id = $id
            """);
        row.Bind("$id", match.Id);
        if (!row.Step()) throw new IndexUnavailableException($"{Path}: {match.PithNumber} went away while it was read; try again");
        return new StoredRecord(match,
            Title: row.NullableText(row.Column("title")),
            KeyId: row.Text(row.Column("key_id")),
            UpdatedAt: row.NullableText(row.Column("updated_at")),
            ImportedAt: row.Text(row.Column("imported_at")),
            ImportedFrom: row.Text(row.Column("imported_from")),
            RunId: row.Int64(row.Column("run_id")),
            Original: row.Blob(row.Column("original")),
            OlderCopies: row.Int64(row.Column("older_copies")),
            SourceKind: row.Text(row.Column("source_kind")),
            OtherVersions: OtherVersions(match),
            Unsigned: row.Int64(row.Column("unsigned")) != 0,
            DocumentTypes: row.Text(row.Column("document_types")).Split(' '))
        {
            Variants = Variants(match),
        };
    }

    private List<StoredVariant> Variants(RecordMatch match)
    {
        using var rows = Prepare("SELECT id, updated_at, imported_at, imported_from, run_id, original FROM record_variants WHERE record_id = $id ORDER BY id");
        rows.Bind("$id", match.Id);
        var variants = new List<StoredVariant>();
        while (rows.Step())
            variants.Add(new StoredVariant(rows.Int64(0), rows.NullableText(1), rows.Text(2), rows.Text(3), rows.Int64(4), rows.Blob(5)));
        return variants;
    }

    /// <summary>
    /// The stored bytes of the document of type <paramref name="documentType"/> (a <see cref="Core.Documents.DocumentType"/>)
    /// of the current record whose code is <paramref name="code"/>: the record document is the record's own row; a bundle or
    /// state file the newest kept (a record's own row when only that one came), with the SHA-256 of those bytes that import
    /// stored beside them. Null when no record has that code.
    /// </summary>
    public CodeDocument? ReadDocument(string code, string documentType)
    {
        // Prepared once per reader: a server asks it on every request, and preparing costs more than the look-up.
        var row = _document ??= Prepare(
            """
            SELECT r.pith_number AS pith_number, coalesce(d.original, o.original) AS original,
                   coalesce(d.bytes_sha256, CASE WHEN o.original IS NOT NULL THEN r.bytes_sha256 END) AS sha256
            FROM records r
            LEFT JOIN record_documents d ON d.id = (SELECT max(id) FROM record_documents WHERE record_id = r.id AND document_type = $type)
            LEFT JOIN record_originals o ON o.record_id = r.id AND r.document_type = $type AND d.id IS NULL
            WHERE r.code = $code
            """);
        try
        {
            row.Bind("$code", code).Bind("$type", documentType);
            if (!row.Step()) return null;
            int original = row.Column("original"), sha256 = row.Column("sha256");
            return row.IsNull(original)
                ? new CodeDocument(row.Text(row.Column("pith_number")), null, null)
                : new CodeDocument(row.Text(row.Column("pith_number")), row.Blob(original), row.Blob(sha256));
        }
        finally
        {
            // Reset, so that an idle reader holds no lock.
            row.Reset();
        }
    }

    // Every other record of the same paper, by version.
    private List<RecordMatch> OtherVersions(RecordMatch match)
    {
        using var versions = Prepare(
            $"""
            SELECT {RecordMatch.Columns} FROM records
            WHERE source_kind = (SELECT source_kind FROM records WHERE id = $id) AND source_id = $source_id AND id <> $id
            ORDER BY source_version, pith_number
            """);
        versions.Bind("$id", match.Id).Bind("$source_id", match.SourceId);
        return RecordMatch.ReadAll(versions);
    }

    internal Statement Prepare(string sql) => Statement.Prepare(_db, sql, Failure);

    /// <summary>SQLite's failure as a one-line reason (a hot journal, corruption found on the way, a lock held too long, not a database).</summary>
    private IndexUnavailableException Failure(int rc)
    {
        var extended = raw.sqlite3_extended_errcode(_db);
        var code = (extended & 0xFF) == (rc & 0xFF) ? extended : rc;
        return IndexFile.Failure(code, raw.sqlite3_errmsg(_db).utf8_to_string() ?? "", Path, readOnly: true);
    }

    private void CheckSchema()
    {
        using var schema = Prepare(IndexFile.SchemaQuery);
        schema.Step();
        IndexFile.RequireReadable(Path, schema.Int64(0), schema.Int64(1), schema.Int64(2));
    }
}
