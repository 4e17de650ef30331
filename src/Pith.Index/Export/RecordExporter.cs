using Microsoft.Data.Sqlite;
using Pith.Core.Documents;
using Pith.Index.Sqlite;

namespace Pith.Index.Export;

/// <summary>
/// Writes the stored originals as JSON Lines, streamed (one row in memory at a time): the current records in import
/// order, then, when asked, the older copies kept of reissued records and the variants of records, then every bundle and state file kept in
/// <c>record_documents</c> (always: their events and graph snapshots are in no record, so a backup without them loses
/// them). A document that is its record's own row is written once, as the record. Importing the result into an empty
/// index rebuilds the same records, aliases, history and kept documents: whatever order parallel verification delivers
/// the lines in, the importer makes the newest copy current (a variant stays one: it comes after its current copy in
/// the input, and the first in the input stays), and a record document rather than a bundle, a bundle rather
/// than a state file (only between two different bundles of one number does the first one win). State files need
/// <c>--allow-unsigned</c>. Read in one transaction: a consistent snapshot even while an import waits to write.
/// </summary>
public sealed class RecordExporter(IndexDatabase database)
{
    public ExportSummary Export(Stream output, bool history, CancellationToken cancel = default)
    {
        try
        {
            using var transaction = database.Connection.BeginTransaction(deferred: true);
            var tally = new Tally();
            var records = Write("SELECT o.original AS original, r.document_type AS document_type, r.pith_number AS pith_number FROM records r LEFT JOIN record_originals o ON o.record_id = r.id ORDER BY r.id",
                output, tally, cancel);
            var copies = history ? Write($"SELECT h.original AS original, '{DocumentType.Record}' AS document_type, r.pith_number AS pith_number FROM record_history h JOIN records r ON r.id = h.record_id ORDER BY h.id", output, tally, cancel) : 0;
            var variants = history ? Write($"SELECT v.original AS original, '{DocumentType.Record}' AS document_type, r.pith_number AS pith_number FROM record_variants v JOIN records r ON r.id = v.record_id ORDER BY v.id", output, tally, cancel) : 0;
            var documents = Write(
                """
                SELECT d.original AS original, d.document_type AS document_type, r.pith_number AS pith_number FROM record_documents d JOIN records r ON r.id = d.record_id
                WHERE d.bytes_sha256 <> r.bytes_sha256 ORDER BY d.id
                """, output, tally, cancel);
            return new ExportSummary(records, copies, documents, tally.StateFiles, tally.Reflowed, variants);
        }
        catch (SqliteException e)
        {
            throw database.Failure(e);
        }
    }

    /// <summary>
    /// Writes each row's <c>original</c> as a line; <c>document_type</c> is its document type, <c>pith_number</c> its record's,
    /// to name it when its bytes are missing or not stored as bytes. Returns the lines written.
    /// </summary>
    private long Write(string sql, Stream output, Tally tally, CancellationToken cancel)
    {
        using var command = database.Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var count = 0L;
        while (reader.Read())
        {
            cancel.ThrowIfCancellationRequested();
            // Never a silent gap or a changed document in an export: a record whose bytes are gone, or not stored as bytes,
            // stops it (pith audit names every such record).
            var columns = new StoredColumns(reader);
            var original = columns.OptionalBlob("original");
            if (original is null)
                throw new IndexUnavailableException(IndexUnavailableKind.Corrupt, $"{database.Path}: {columns.Text("pith_number")} has no stored bytes (pith audit lists what is damaged)");
            if (columns.Problems.Count > 0)
                throw new IndexUnavailableException(IndexUnavailableKind.Corrupt, $"{database.Path}: {columns.Text("pith_number")}: {columns.Problems[0].Column}: {columns.Problems[0].Reason} (pith audit lists what is damaged)");
            var (line, changed) = ExportLine.Of(original);
            output.Write(line.Span);
            output.WriteByte((byte)'\n');
            count++;
            if (changed) tally.Reflowed++;
            if (columns.OptionalText("document_type") == DocumentType.State) tally.StateFiles++;
        }
        return count;
    }

    private sealed class Tally
    {
        public long Reflowed;
        public long StateFiles;
    }
}
