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

    public void Append(long recordId, byte[] bytesSha256) => _append.Bind("$record_id", recordId).Bind("$bytes_sha256", bytesSha256).Execute();

    public void Dispose() => _append.Dispose();
}
