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
    private readonly WriterCommands _commands;
    private readonly SqliteCommand _note;
    private readonly SqliteCommand _replace;
    private readonly SqliteCommand _kept;

    public DocumentWriter(SqliteConnection connection, long runId, RecordWriter records)
    {
        _records = records;
        _runId = runId;
        _commands = new WriterCommands(connection);
        _note = _commands.Add(
            """
            INSERT INTO record_documents (record_id, bytes_sha256, document_type, imported_from, first_seen_run, original)
            VALUES ($id, $bytes_sha256, $document_type, $imported_from, $run_id, $original)
            ON CONFLICT (record_id, bytes_sha256) DO NOTHING
            """,
            "$id", "$bytes_sha256", "$document_type", "$imported_from", "$run_id", "$original");
        _replace = _commands.Add(
            """
            UPDATE records SET key_id = $key_id, signature = $signature, imported_at = $imported_at, imported_from = $imported_from,
                               run_id = $run_id, bytes_sha256 = $bytes_sha256, document_type = $document_type, unsigned = 0
            WHERE id = $id
            """,
            "$key_id", "$signature", "$imported_at", "$imported_from", "$run_id", "$bytes_sha256", "$document_type", "$id");
        _kept = _commands.Add("SELECT bytes_sha256, original FROM record_documents WHERE record_id = $id AND document_type = $document_type", "$id", "$document_type");
    }

    public void Dispose() => _commands.Dispose();

    /// <summary>The documents of <paramref name="documentType"/> kept for record <paramref name="id"/>: their bytes' SHA-256 and their bytes.</summary>
    private List<(byte[] BytesSha256, byte[] Original)> Kept(long id, string documentType)
    {
        WriterCommands.Bind(_kept, ("$id", id), ("$document_type", documentType));
        using var reader = _kept.ExecuteReader();
        var kept = new List<(byte[], byte[])>();
        while (reader.Read()) kept.Add(((byte[])reader.GetValue(0), (byte[])reader.GetValue(1)));
        return kept;
    }

    public void Enlist(SqliteTransaction transaction) => _commands.Enlist(transaction);

    /// <summary>Writes a verified bundle, or a consistent state file the user accepted unsigned.</summary>
    public ImportOutcome Write(VerifiedRecord record, string documentType, string? keyId, ReadOnlyMemory<byte> document, byte[] bytesSha256, string importedFrom)
    {
        // Bundles and state files are few beside records: bound the plain way, as an array of their own.
        var original = document.ToArray();
        var now = Timestamp.Now();
        var unsigned = documentType == DocumentType.State;
        // The v1 columns key_id and signature are NOT NULL: an unsigned row has '' in both (and unsigned = 1).
        var signature = record.SignatureB64 ?? "";
        if (_records.TryInsert(record with { SignatureB64 = signature }, keyId ?? "", original, bytesSha256, importedFrom, now, documentType, unsigned) is { } newId)
        {
            Note(newId, documentType, original, bytesSha256, importedFrom);
            return ImportOutcome.Imported;
        }
        var (id, _, _, currentType) = _records.Find(record.PithNumber);
        // The same document in another form (a pretty-printed bundle exported on one line) is kept once.
        if (SameDocument.AmongStored(document, bytesSha256, Kept(id, documentType))) return ImportOutcome.Unchanged;
        if (!Note(id, documentType, original, bytesSha256, importedFrom)) return ImportOutcome.Unchanged;
        if (currentType == DocumentType.State && !unsigned)
        {
            Execute(_replace, ("$key_id", keyId), ("$signature", signature), ("$imported_at", now), ("$imported_from", importedFrom),
                ("$run_id", _runId), ("$bytes_sha256", bytesSha256), ("$document_type", documentType), ("$id", id));
            _records.ReplaceOriginal(id, original);
        }
        return ImportOutcome.Noted;
    }

    /// <summary>Keeps the document beside its record; false when these exact bytes are kept already.</summary>
    private bool Note(long id, string documentType, byte[] original, byte[] bytesSha256, string importedFrom)
    {
        if (Execute(_note, ("$id", id), ("$bytes_sha256", bytesSha256), ("$document_type", documentType), ("$imported_from", importedFrom),
                ("$run_id", _runId), ("$original", original)) == 0) return false;
        _records.Feed.Append(id, bytesSha256);
        return true;
    }

    private static int Execute(SqliteCommand command, params (string Name, object? Value)[] values) => WriterCommands.Bind(command, values).ExecuteNonQuery();
}
