using Microsoft.Data.Sqlite;
using Pith.Index.Sqlite;

namespace Pith.Index.Import;

/// <summary>
/// Enters each document the writers store for the first time in <c>document_feed</c>, the order mirrors follow (see
/// <see cref="Feed.DocumentFeed"/>). Written by the writers themselves rather than by triggers: a trigger on the bulk
/// load's inserts would give each of them a statement journal.
/// </summary>
internal sealed class FeedLog(SqliteConnection connection) : IDisposable
{
    private readonly Statement _append = Statement.Prepare(connection, "INSERT INTO document_feed (record_id, bytes_sha256) VALUES ($record_id, $bytes_sha256)");
    private readonly Statement _remove = Statement.Prepare(connection, "DELETE FROM document_feed WHERE record_id = $record_id AND bytes_sha256 = $bytes_sha256");

    public void Append(long recordId, byte[] bytesSha256) => _append.Bind("$record_id", recordId).Bind("$bytes_sha256", bytesSha256).Execute();

    /// <summary>
    /// A copy written earlier that gave way to one written after it (the first in the input stays, whichever a worker
    /// finished first) goes after that copy in the feed: a mirror importing the feed in order then keeps the same copy
    /// current, or older, as this index, by the same rule.
    /// </summary>
    public void MoveToEnd(long recordId, byte[] bytesSha256)
    {
        _remove.Bind("$record_id", recordId).Bind("$bytes_sha256", bytesSha256).Execute();
        Append(recordId, bytesSha256);
    }

    public void Dispose()
    {
        _append.Dispose();
        _remove.Dispose();
    }
}
