using Microsoft.Data.Sqlite;
using Pith.Core.Documents;
using Pith.Core.Verification;

namespace Pith.Index.Import;

/// <summary>
/// Writes bundles and state files (spec section 8) inside the caller's transaction. A document is one more source of the
/// record with its Pith number, never a second record: it is kept in <c>record_documents</c>, and only when no document
/// brought that number before does it also become the record's row (marked with its document type, and unsigned for a
/// state file). A signed bundle takes the place of a state file's row; a record document takes any (see <see cref="RecordWriter"/>).
/// </summary>
internal sealed class DocumentWriter : IDisposable
{
    private readonly RecordWriter _records;
    private readonly long _runId;
    private readonly SqliteCommand _find;
    private readonly SqliteCommand _note;
    private readonly SqliteCommand _mark;
    private readonly SqliteCommand _replace;

    public DocumentWriter(SqliteConnection connection, long runId, RecordWriter records)
    {
        _records = records;
        _runId = runId;
        _find = Command(connection, "SELECT id, document_type FROM records WHERE pith_number = $pith_number");
        _note = Command(connection,
            """
            INSERT INTO record_documents (record_id, bytes_sha256, document_type, imported_from, first_seen_run, original)
            VALUES ($id, $bytes_sha256, $document_type, $imported_from, $run_id, $original)
            ON CONFLICT (record_id, bytes_sha256) DO NOTHING
            """);
        _mark = Command(connection, "UPDATE records SET document_type = $document_type, unsigned = $unsigned WHERE id = $id");
        _replace = Command(connection,
            """
            UPDATE records SET key_id = $key_id, signature = $signature, imported_at = $imported_at, imported_from = $imported_from,
                               run_id = $run_id, bytes_sha256 = $bytes_sha256, original = $original, document_type = $document_type, unsigned = 0
            WHERE id = $id
            """);
    }

    private IEnumerable<SqliteCommand> Commands => [_find, _note, _mark, _replace];

    public void Dispose()
    {
        foreach (var command in Commands) command.Dispose();
    }

    public void Enlist(SqliteTransaction transaction)
    {
        foreach (var command in Commands) command.Transaction = transaction;
    }

    /// <summary>Writes a verified bundle, or a consistent state file the user accepted unsigned.</summary>
    public ImportOutcome Write(VerifiedRecord record, string documentType, string? keyId, ReadOnlyMemory<byte> document, byte[] bytesSha256, string importedFrom)
    {
        // Bundles and state files are few beside records: bound the plain way, as an array of their own.
        var original = document.ToArray();
        var now = Timestamp.Now();
        var unsigned = documentType == DocumentType.State;
        // The v1 columns key_id and signature are NOT NULL: an unsigned row has '' in both (and unsigned = 1).
        var signature = record.SignatureB64 ?? "";
        if (_records.TryInsert(record with { SignatureB64 = signature }, keyId ?? "", original, bytesSha256, importedFrom, now) is { } newId)
        {
            Execute(_mark, ("$document_type", documentType), ("$unsigned", unsigned ? 1 : 0), ("$id", newId));
            Note(newId, documentType, original, bytesSha256, importedFrom);
            return ImportOutcome.Imported;
        }
        long id;
        string currentType;
        using (var reader = Bind(_find, ("$pith_number", record.PithNumber.ToString())).ExecuteReader())
        {
            if (!reader.Read()) throw new InvalidOperationException($"{record.PithNumber} conflicted on insert but is not stored");
            id = reader.GetInt64(0);
            currentType = reader.GetString(1);
        }
        if (!Note(id, documentType, original, bytesSha256, importedFrom)) return ImportOutcome.Unchanged;
        if (currentType == DocumentType.State && !unsigned)
        {
            Execute(_replace, ("$key_id", keyId), ("$signature", signature), ("$imported_at", now), ("$imported_from", importedFrom),
                ("$run_id", _runId), ("$bytes_sha256", bytesSha256), ("$original", original), ("$document_type", documentType), ("$id", id));
        }
        return ImportOutcome.Noted;
    }

    /// <summary>Keeps the document beside its record; false when these exact bytes are kept already.</summary>
    private bool Note(long id, string documentType, byte[] original, byte[] bytesSha256, string importedFrom) =>
        Execute(_note, ("$id", id), ("$bytes_sha256", bytesSha256), ("$document_type", documentType), ("$imported_from", importedFrom),
            ("$run_id", _runId), ("$original", original)) > 0;

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static int Execute(SqliteCommand command, params (string Name, object? Value)[] values) => Bind(command, values).ExecuteNonQuery();

    private static SqliteCommand Bind(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
