using Pith.Index.Export;
using Pith.Index.Query;

namespace Pith.Index.Feed;

/// <summary>
/// Reads the documents an index stored, in the order it stored them (<c>document_feed</c>): a new record, a reissue, an
/// older copy, a variant, a bundle or state file each comes after every cursor given out before it was stored, so a mirror that
/// follows the feed from its last cursor misses nothing. Importing the lines in feed order rebuilds what the index
/// holds: the same current copies, older copies and kept documents.
/// </summary>
public static class DocumentFeed
{
    public const int DefaultLimit = 1_000;
    public const int MaxLimit = 10_000;

    /// <summary>Up to <paramref name="limit"/> documents stored after <paramref name="after"/> (from the start when null or another feed's).</summary>
    public static FeedPage Read(IndexReader index, FeedCursor? after, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        string identity;
        using (var feed = index.Prepare("SELECT id FROM feed_identity"))
        {
            if (!feed.Step()) throw new IndexUnavailableException(IndexUnavailableKind.Corrupt, $"{index.Path}: its feed has no identity (table feed_identity is empty)");
            identity = feed.Text(0);
        }
        var restarted = after is not null && after.Feed != identity;
        var from = after is not null && !restarted ? after.Sequence : 0;

        // Each entry's bytes are wherever the index keeps them now: the record's row, or (since replaced by another copy)
        // record_history or record_variants, or record_documents.
        using var page = index.Prepare(
            """
            SELECT f.seq,
                   coalesce((SELECT o.original FROM records r JOIN record_originals o ON o.record_id = r.id
                             WHERE r.id = f.record_id AND r.bytes_sha256 = f.bytes_sha256),
                            (SELECT h.original FROM record_history h WHERE h.record_id = f.record_id AND h.bytes_sha256 = f.bytes_sha256),
                            (SELECT v.original FROM record_variants v WHERE v.record_id = f.record_id AND v.bytes_sha256 = f.bytes_sha256),
                            (SELECT d.original FROM record_documents d WHERE d.record_id = f.record_id AND d.bytes_sha256 = f.bytes_sha256))
            FROM document_feed f WHERE f.seq > $after ORDER BY f.seq LIMIT $limit
            """);
        page.Bind("$after", from).Bind("$limit", limit);
        var lines = new List<ReadOnlyMemory<byte>>();
        var last = from;
        while (page.Step())
        {
            last = page.Int64(0);
            // Never a silent gap in a mirror: an entry whose bytes are gone stops the feed (pith audit names what is damaged).
            var original = page.IsNull(1)
                ? throw new IndexUnavailableException(IndexUnavailableKind.Corrupt, $"{index.Path}: feed entry {last} has no stored bytes (pith audit lists what is damaged)")
                : page.Blob(1);
            lines.Add(ExportLine.Of(original).Line);
        }
        return new FeedPage(lines, new FeedCursor(identity, last), restarted);
    }
}
