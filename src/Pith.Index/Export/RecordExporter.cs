using Microsoft.Data.Sqlite;
using Pith.Core.Documents;

namespace Pith.Index.Export;

/// <summary>
/// Writes the stored originals as JSON Lines, streamed (one row in memory at a time): the current records in import
/// order, then, when asked, the older copies kept of reissued records, then every bundle and state file kept in
/// <c>record_documents</c> (always: their events and graph snapshots are in no record, so a backup without them loses
/// them). A document that is its record's own row is written once, as the record. Importing the result into an empty
/// index rebuilds the same records, aliases, history and kept documents: whatever order parallel verification delivers
/// the lines in, the importer makes the newest copy current, and a record document rather than a bundle, a bundle rather
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
            var records = Write("SELECT o.original, r.document_type, r.pith_number FROM records r LEFT JOIN record_originals o ON o.record_id = r.id ORDER BY r.id",
                output, tally, cancel);
            var copies = history ? Write($"SELECT original, '{DocumentType.Record}', NULL FROM record_history ORDER BY id", output, tally, cancel) : 0;
            var documents = Write(
                """
                SELECT d.original, d.document_type, NULL FROM record_documents d JOIN records r ON r.id = d.record_id
                WHERE d.bytes_sha256 <> r.bytes_sha256 ORDER BY d.id
                """, output, tally, cancel);
            return new ExportSummary(records, copies, documents, tally.StateFiles, tally.Reflowed);
        }
        catch (SqliteException e)
        {
            throw IndexDatabase.Describe(e, database.Path);
        }
    }

    /// <summary>
    /// Writes each row's original (column 0) as a line; column 1 is its document type, column 2 its record's Pith number
    /// when the bytes are kept apart from the row (and may be missing). Returns the lines written.
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
            // Never a silent gap in an export: a record whose bytes are gone stops it (pith audit names every such record).
            if (reader.IsDBNull(0))
                throw new IndexUnavailableException($"{database.Path}: {reader.GetString(2)} has no stored bytes (pith audit lists what is damaged)");
            var (line, changed) = ExportLine.Of((byte[])reader.GetValue(0));
            output.Write(line.Span);
            output.WriteByte((byte)'\n');
            count++;
            if (changed) tally.Reflowed++;
            if (reader.GetString(1) == DocumentType.State) tally.StateFiles++;
        }
        return count;
    }

    private sealed class Tally
    {
        public long Reflowed;
        public long StateFiles;
    }
}
