using Microsoft.Data.Sqlite;

namespace Pith.Index.Export;

/// <summary>
/// Writes the stored original records as JSON Lines, streamed (one row in memory at a time): the current records in
/// import order, then, when asked, the older copies kept of reissued records. Importing the result into an empty index
/// rebuilds the same records, aliases and history (the importer keeps the newest copy current whatever the order).
/// Read in one transaction: a consistent snapshot even while an import waits to write.
/// </summary>
public sealed class RecordExporter(IndexDatabase database)
{
    public ExportSummary Export(Stream output, bool history, CancellationToken cancel = default)
    {
        try
        {
            using var transaction = database.Connection.BeginTransaction(deferred: true);
            var reflowed = 0L;
            var records = Write("SELECT original FROM records ORDER BY id", output, ref reflowed, cancel);
            var copies = history ? Write("SELECT original FROM record_history ORDER BY id", output, ref reflowed, cancel) : 0;
            return new ExportSummary(records, copies, reflowed);
        }
        catch (SqliteException e)
        {
            throw IndexDatabase.Describe(e, database.Path);
        }
    }

    private long Write(string sql, Stream output, ref long reflowed, CancellationToken cancel)
    {
        using var command = database.Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var count = 0L;
        while (reader.Read())
        {
            cancel.ThrowIfCancellationRequested();
            var (line, changed) = ExportLine.Of((byte[])reader.GetValue(0));
            output.Write(line.Span);
            output.WriteByte((byte)'\n');
            count++;
            if (changed) reflowed++;
        }
        return count;
    }
}
