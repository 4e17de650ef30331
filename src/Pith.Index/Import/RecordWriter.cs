using Microsoft.Data.Sqlite;
using Pith.Core.Documents;
using Pith.Core.Identifiers;
using Pith.Core.Verification;
using Pith.Index.Sqlite;

namespace Pith.Index.Import;

/// <summary>
/// Writes verified records into the index, one at a time, inside the caller's transaction, with prepared
/// commands reused. Decides between new copies, reissues, older copies, variants and copies already stored, as the same
/// bytes or the same document (see <see cref="RecordRecency"/>, <see cref="SameDocument"/>).
/// A record document takes the place of a row that only a bundle or state file made (see <see cref="DocumentWriter"/>).
/// </summary>
internal sealed class RecordWriter : IDisposable
{
    private readonly WriterCommands _commands;
    private readonly long _runId;
    private readonly SqliteCommand _find;
    private readonly SqliteCommand _copies;
    private readonly Statement _insert;
    private readonly Statement _insertAliases;
    private readonly Statement _insertOriginal;
    private readonly SqliteCommand _historyFromCurrent;
    private readonly SqliteCommand _historyNew;
    private readonly SqliteCommand _variantFromCurrent;
    private readonly SqliteCommand _variantNew;
    private readonly TimeProvider _clock;

    // The input order of each record written in this run, so that "the first copy stays" means the first in the input,
    // not the first a parallel worker finished.
    private readonly InputOrder _inputOrder = new();

    // Likewise for the older copies written in this run, by their row in record_history.
    private readonly Dictionary<long, long> _olderInputOrder = [];
    private readonly SqliteCommand _olderToVariant;
    private readonly SqliteCommand _replace;
    private readonly SqliteCommand _replaceOriginal;
    private readonly SqliteCommand _reject;

    public RecordWriter(SqliteConnection connection, long runId, TimeProvider clock)
    {
        _commands = new WriterCommands(connection);
        Feed = new FeedLog(connection);
        _runId = runId;
        _clock = clock;
        _find = _commands.Add("SELECT id, bytes_sha256, updated_at, document_type FROM records WHERE pith_number = $pith_number", "$pith_number");
        // The current copy (kind 0), the older copies (1) and the variants (2), each with its row's id.
        _copies = _commands.Add(
            """
            SELECT 0, id, updated_at, bytes_sha256, (SELECT original FROM record_originals WHERE record_id = $id) FROM records WHERE id = $id
            UNION ALL SELECT 1, id, updated_at, bytes_sha256, original FROM record_history WHERE record_id = $id
            UNION ALL SELECT 2, id, updated_at, bytes_sha256, original FROM record_variants WHERE record_id = $id
            """,
            "$id");
        // The hot path of a bulk load, on SQLite's own statements. Both inserts write one
        // row per statement, with no RETURNING (which SQLite runs as a trigger): a statement that may write several rows
        // and abort on a constraint gets a statement journal, into which SQLite copies every existing page it changes
        // (32 KiB each, about 3 per record, spilled to a temporary file). That cost 1.5-2 s of kernel time per 100,000
        // records; sqlite3_changes and the last rowid say the same as RETURNING did.
        _insert = Statement.Prepare(connection,
            """
            INSERT INTO records (pith_number, code, digest, year, source_kind, source_id, source_version, title, key_id, signature,
                                 updated_at, imported_at, imported_from, run_id, bytes_sha256, document_type, unsigned)
            VALUES ($pith_number, $code, $digest, $year, $source_kind, $source_id, $source_version, $title, $key_id, $signature,
                    $updated_at, $imported_at, $imported_from, $run_id, $bytes_sha256, $document_type, $unsigned)
            ON CONFLICT (pith_number) DO NOTHING
            """);
        _insertAliases = Statement.Prepare(connection, "INSERT INTO aliases (record_id, kind, value, normalized) VALUES ($record_id, $kind, $value, $normalized)");
        _insertOriginal = Statement.Prepare(connection, "INSERT INTO record_originals (record_id, original) VALUES ($record_id, $original)");
        (_historyFromCurrent, _historyNew) = CopyCommands("record_history");
        (_variantFromCurrent, _variantNew) = CopyCommands("record_variants");
        _olderToVariant = _commands.Add(
            """
            INSERT OR IGNORE INTO record_variants (record_id, updated_at, imported_at, imported_from, run_id, bytes_sha256, original)
            SELECT record_id, updated_at, imported_at, imported_from, run_id, bytes_sha256, original FROM record_history WHERE id = $id;
            DELETE FROM record_history WHERE id = $id;
            """,
            "$id");
        _replace = _commands.Add(
            """
            UPDATE records SET title = $title, key_id = $key_id, signature = $signature, updated_at = $updated_at,
                               imported_at = $imported_at, imported_from = $imported_from, run_id = $run_id,
                               bytes_sha256 = $bytes_sha256, document_type = 'pith_number_record', unsigned = 0
            WHERE id = $id
            """,
            "$id", "$title", "$key_id", "$signature", "$updated_at", "$imported_at", "$imported_from", "$run_id", "$bytes_sha256");
        _replaceOriginal = _commands.Add("UPDATE record_originals SET original = $original WHERE record_id = $id", "$id", "$original");
        _reject = _commands.Add("INSERT INTO rejects (run_id, path, line, reason) VALUES ($run_id, $path, $line, $reason)",
            "$run_id", "$path", "$line", "$reason");
    }

    /// <summary>Where each document stored for the first time is entered, for mirrors that follow this index.</summary>
    internal FeedLog Feed { get; }

    // Keeping the current copy, or a new one, in the table of older copies or of variants (the same columns).
    private (SqliteCommand FromCurrent, SqliteCommand New) CopyCommands(string table) => (
        _commands.Add(
            $"""
            INSERT OR IGNORE INTO {table} (record_id, updated_at, imported_at, imported_from, run_id, bytes_sha256, original)
            SELECT r.id, r.updated_at, r.imported_at, r.imported_from, r.run_id, r.bytes_sha256, o.original
            FROM records r JOIN record_originals o ON o.record_id = r.id WHERE r.id = $id
            RETURNING id
            """,
            "$id"),
        _commands.Add(
            $"""
            INSERT OR IGNORE INTO {table} (record_id, updated_at, imported_at, imported_from, run_id, bytes_sha256, original)
            VALUES ($id, $updated_at, $imported_at, $imported_from, $run_id, $bytes_sha256, $original)
            RETURNING id
            """,
            "$id", "$updated_at", "$imported_at", "$imported_from", "$run_id", "$bytes_sha256", "$original"));

    public void Dispose()
    {
        _commands.Dispose();
        Feed.Dispose();
        _insert.Dispose();
        _insertAliases.Dispose();
        _insertOriginal.Dispose();
    }

    /// <summary>Binds every command to the transaction under way (Microsoft.Data.Sqlite requires it; raw statements need not).</summary>
    public void Enlist(SqliteTransaction transaction) => _commands.Enlist(transaction);

    public ImportOutcome Write(VerifiedRecord record, string keyId, ReadOnlyMemory<byte> original, byte[] bytesSha256, string importedFrom, long sequence)
    {
        var now = Timestamp.Now();
        // A new Pith number is the common case: try the insert first, and look the record up only when it is stored.
        if (TryInsert(record, keyId, original, bytesSha256, importedFrom, now) is { } newId)
        {
            Feed.Append(newId, bytesSha256);
            _inputOrder.Set(newId, sequence);
            return ImportOutcome.Imported;
        }
        var (id, currentSha, currentUpdatedAt, currentType) = Find(record.PithNumber);
        if (currentSha.AsSpan().SequenceEqual(bytesSha256)) return ImportOutcome.Unchanged;
        // Stored from a bundle or state file only (kept in record_documents): the record document takes its place. (No
        // record document was stored before it, so there is no copy of one to compare with.)
        if (currentType != DocumentType.Record)
        {
            Replace(id, record, keyId, original, bytesSha256, importedFrom, now, sequence);
            return ImportOutcome.Noted;
        }
        var copies = StoredCopies(id);
        if (SameDocument.AmongStored(original, bytesSha256, [.. copies.Select(c => (c.BytesSha256, c.Original))])) return ImportOutcome.Unchanged;

        var currentInRun = _inputOrder.TryGet(id, out var currentSequence);
        var cameFirst = currentInRun && sequence < currentSequence;
        var older = copies.Where(c => c.Kind == OlderCopy).ToList();
        var place = RecordRecency.Place(record.UpdatedAt, currentUpdatedAt, _clock.GetUtcNow(), cameFirst,
            [.. older.Select(c => (c.UpdatedAt, _olderInputOrder.TryGetValue(c.RowId, out var olderSequence) && sequence < olderSequence))], out var twin);
        switch (place)
        {
            case CopyPlace.Reissue:
            case CopyPlace.Displaces:
                var keep = place == CopyPlace.Reissue ? _historyFromCurrent : _variantFromCurrent;
                keep.Parameters["$id"].Value = id;
                if (keep.ExecuteScalar() is long kept && currentInRun && place == CopyPlace.Reissue) _olderInputOrder[kept] = currentSequence;
                Replace(id, record, keyId, original, bytesSha256, importedFrom, now, sequence);
                if (place == CopyPlace.Displaces) Feed.MoveToEnd(id, currentSha);
                // A copy that gave way becomes a variant: counted so whichever order two variants came in.
                return place == CopyPlace.Reissue ? ImportOutcome.Updated : ImportOutcome.Variant;
            case CopyPlace.DisplacesOlder:
                // The older copy with this stamp came later in the input: it becomes the variant, this one the older copy.
                WriterCommands.Bind(_olderToVariant, ("$id", older[twin].RowId)).ExecuteNonQuery();
                Keep(_historyNew, id, record, original, bytesSha256, importedFrom, now, sequence);
                Feed.MoveToEnd(id, older[twin].BytesSha256);
                return ImportOutcome.Variant;
            default:
                Keep(place == CopyPlace.Older ? _historyNew : _variantNew, id, record, original, bytesSha256, importedFrom, now, sequence);
                return place == CopyPlace.Older ? ImportOutcome.Historical : ImportOutcome.Variant;
        }
    }

    // A new copy kept as an older copy or a variant.
    private void Keep(SqliteCommand insert, long id, VerifiedRecord record, ReadOnlyMemory<byte> original, byte[] bytesSha256, string importedFrom, string now, long sequence)
    {
        WriterCommands.Bind(insert, ("$id", id), ("$updated_at", record.UpdatedAt), ("$imported_at", now), ("$imported_from", importedFrom),
            ("$run_id", _runId), ("$bytes_sha256", bytesSha256), ("$original", original.ToArray()));
        if (insert.ExecuteScalar() is not long row) return;
        if (insert == _historyNew) _olderInputOrder[row] = sequence;
        Feed.Append(id, bytesSha256);
    }

    private void Replace(long id, VerifiedRecord record, string keyId, ReadOnlyMemory<byte> original, byte[] bytesSha256, string importedFrom, string now, long sequence)
    {
        WriterCommands.Bind(_replace, ("$id", id), ("$title", record.Title), ("$key_id", keyId), ("$signature", record.SignatureB64),
            ("$updated_at", record.UpdatedAt), ("$imported_at", now), ("$imported_from", importedFrom), ("$run_id", _runId),
            ("$bytes_sha256", bytesSha256));
        _replace.ExecuteNonQuery();
        ReplaceOriginal(id, original.ToArray());
        Feed.Append(id, bytesSha256);
        _inputOrder.Set(id, sequence);
    }

    /// <summary>Every stored copy of record <paramref name="id"/>: the current one, its older copies and its variants.</summary>
    private List<StoredCopy> StoredCopies(long id)
    {
        _copies.Parameters["$id"].Value = id;
        using var reader = _copies.ExecuteReader();
        var copies = new List<StoredCopy>();
        while (reader.Read())
            copies.Add(new StoredCopy(reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2), (byte[])reader.GetValue(3),
                reader.IsDBNull(4) ? [] : (byte[])reader.GetValue(4)));
        return copies;
    }

    private const long OlderCopy = 1;

    private readonly record struct StoredCopy(long Kind, long RowId, string? UpdatedAt, byte[] BytesSha256, byte[] Original);

    /// <summary>The stored bytes of the record in row <paramref name="id"/> become these (a newer copy, or a document that takes the row's place).</summary>
    internal void ReplaceOriginal(long id, byte[] original) => WriterCommands.Bind(_replaceOriginal, ("$id", id), ("$original", original)).ExecuteNonQuery();

    public void WriteReject(Reject reject)
    {
        WriterCommands.Bind(_reject, ("$run_id", _runId), ("$path", reject.Path), ("$line", reject.Line), ("$reason", $"{reject.Check}: {reject.Reason}"));
        _reject.ExecuteNonQuery();
    }

    /// <summary>The stored row of a Pith number known to be stored: its id, its bytes' hash, updated_at and the type of document it holds.</summary>
    internal StoredRow Find(PithNumber number)
    {
        using var reader = WriterCommands.Bind(_find, ("$pith_number", number.ToString())).ExecuteReader();
        if (!reader.Read()) throw new InvalidOperationException($"{number} conflicted on insert but is not stored");
        return new StoredRow(reader.GetInt64(0), (byte[])reader.GetValue(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3));
    }

    internal readonly record struct StoredRow(long Id, byte[] BytesSha256, string? UpdatedAt, string DocumentType);

    /// <summary>
    /// Inserts a record with a new Pith number, and its aliases; null when the number is stored already. A row made
    /// from a bundle or state file says so (<paramref name="documentType"/>, <paramref name="unsigned"/>).
    /// </summary>
    internal long? TryInsert(VerifiedRecord record, string keyId, ReadOnlyMemory<byte> original, byte[] bytesSha256, string importedFrom, string now,
        string documentType = DocumentType.Record, bool unsigned = false)
    {
        var number = record.PithNumber;
        _insert.Bind("$pith_number", number.ToString())
            .Bind("$code", number.Code)
            .Bind("$digest", record.Digest)
            .Bind("$year", number.Year)
            .Bind("$source_kind", record.SourceKind)
            .Bind("$source_id", record.SourceId)
            .Bind("$source_version", record.SourceVersion)
            .Bind("$title", record.Title)
            .Bind("$key_id", keyId)
            .Bind("$signature", record.SignatureB64)
            .Bind("$updated_at", record.UpdatedAt)
            .Bind("$imported_at", now)
            .Bind("$imported_from", importedFrom)
            .Bind("$run_id", _runId)
            .Bind("$bytes_sha256", bytesSha256)
            .Bind("$document_type", documentType)
            .Bind("$unsigned", unsigned ? 1 : 0);
        // No row inserted: the Pith number is stored already (DO NOTHING).
        if (_insert.Execute() == 0) return null;
        var id = _insert.LastInsertRowId;
        _insertOriginal.Bind("$record_id", id).Bind("$original", original.Span).Execute();
        _insertAliases.Bind("$record_id", id);
        foreach (var alias in record.Aliases)
        {
            _insertAliases.Bind("$kind", alias.Kind)
                .Bind("$value", alias.Value)
                .Bind("$normalized", PithAliases.NormalizeForLookup(alias.Kind, alias.Value))
                .Execute();
        }
        return id;
    }
}
