using Microsoft.Data.Sqlite;

namespace Pith.Index.Search;

/// <summary>
/// Full-text search over the titles of the current records (the FTS5 table of migration 2), ranked by bm25. Refuses an
/// index whose search a stopped import left incomplete (<see cref="BulkLoadSchema.Unfinished"/>) rather than miss its records.
/// </summary>
public sealed class TitleSearch : IDisposable
{
    private readonly IndexDatabase database;
    private readonly SqliteCommand _query;

    public TitleSearch(IndexDatabase database)
    {
        if (BulkLoadSchema.Unfinished(database) is { } why) throw new IndexUnavailableException(IndexUnavailableKind.UnfinishedImport, $"{database.Path}: {why}");
        this.database = database;
        _query = Prepare(database.Connection);
    }

    /// <summary>The best <paramref name="limit"/> matches of <paramref name="text"/> (see <see cref="SearchQuery"/>); none for a text without terms.</summary>
    public IReadOnlyList<SearchHit> Search(string text, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var query = SearchQuery.FromText(text);
        if (query is null) return [];
        _query.Parameters["$query"].Value = query;
        _query.Parameters["$limit"].Value = limit;
        var hits = new List<SearchHit>();
        try
        {
            using var reader = _query.ExecuteReader();
            int rank = reader.GetOrdinal("rank"), number = reader.GetOrdinal("pith_number"), source = reader.GetOrdinal("source_id"),
                version = reader.GetOrdinal("source_version"), title = reader.GetOrdinal("title");
            while (reader.Read())
            {
                hits.Add(new SearchHit(hits.Count + 1, reader.GetDouble(rank), reader.GetString(number), reader.GetString(source), reader.GetInt64(version),
                    reader.IsDBNull(title) ? null : reader.GetString(title)));
            }
        }
        catch (SqliteException e)
        {
            throw database.Failure(e);
        }
        return hits;
    }

    public void Dispose() => _query.Dispose();

    private static SqliteCommand Prepare(SqliteConnection connection)
    {
        TopBm25.Register(connection);
        var command = connection.CreateCommand();
        // The rank is bm25 over the one column (TopBm25: bm25's own score for every row that can be among the best
        // $limit, +infinity for the rest); ties in import order, so results repeat. The best rows are chosen in the FTS
        // table alone and only they are joined to records (whose rows are large: they hold the original bytes).
        command.CommandText =
            $"""
            SELECT best.score AS rank, r.pith_number AS pith_number, r.source_id AS source_id, r.source_version AS source_version, r.title AS title
            FROM (SELECT rowid, {TopBm25.Name}(records_fts, $limit) AS score FROM records_fts WHERE records_fts MATCH $query
                  ORDER BY score, rowid LIMIT $limit) AS best
            JOIN records r ON r.id = best.rowid
            ORDER BY best.score, best.rowid
            """;
        command.Parameters.Add(new SqliteParameter { ParameterName = "$query" });
        command.Parameters.Add(new SqliteParameter { ParameterName = "$limit" });
        return command;
    }
}
