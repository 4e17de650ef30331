using Pith.Index.Query;

namespace Pith.Index.Stats;

/// <summary>
/// What the index holds, as its writers counted it (the triggers of migration 6), and when the last import finished: a
/// few rows read, never a count over the records, so a server can show it on every page whatever the index's size.
/// </summary>
public sealed record IndexCounts(long Records, long HistoryCopies, long Documents, string? LastImportFinishedAt)
{
    public static IndexCounts Read(IndexReader index)
    {
        using var row = index.Prepare(
            """
            SELECT records, history_copies, documents,
                   (SELECT finished_at FROM import_runs WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1) AS finished_at
            FROM index_counts
            """);
        if (!row.Step()) throw new IndexUnavailableException(IndexUnavailableKind.Corrupt, $"{index.Path}: its counts row is missing (the file was changed outside pith)");
        return new IndexCounts(row.Int64(0), row.Int64(1), row.Int64(2), row.NullableText(3));
    }
}
