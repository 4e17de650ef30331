using Microsoft.Data.Sqlite;

namespace Pith.Index.Search;

/// <summary>
/// Full-text search over the titles of the current records (the FTS5 table of migration 2), ranked by bm25. Refuses an
/// index whose search a stopped import left incomplete (<see cref="BulkLoadSchema.Unfinished"/>) rather than miss its records.
/// </summary>
public sealed class TitleSearch : IDisposable
{
    private readonly IndexDatabase database;
    private readonly SqliteCommand _onePhrase, _everyRow, _record;

    public TitleSearch(IndexDatabase database)
    {
        if (BulkLoadSchema.Unfinished(database) is { } why) throw new IndexUnavailableException(IndexUnavailableKind.UnfinishedImport, $"{database.Path}: {why}");
        this.database = database;
        Fts5.Register(database.Connection);
        // A query of one phrase (one word, or words joined by punctuation) is ranked in one pass over its rows
        // (OnePhraseBm25), which answers NULL for any other; then the query's rows are ranked as SQLite reads them
        // (TopBm25: bm25's own score for every row that can be among the best $limit, +infinity for the rest). Either
        // way ties go in import order, so results repeat, and the best rows are chosen in the FTS table alone: only they
        // are read from records, whose rows are large (they hold the original bytes).
        _onePhrase = Command($"SELECT {OnePhraseBm25.Name}(records_fts, $limit) FROM records_fts WHERE records_fts MATCH $query LIMIT 1", "$query", "$limit");
        _everyRow = Command(
            $"""
            SELECT rowid, {TopBm25.Name}(records_fts, $limit) AS score FROM records_fts WHERE records_fts MATCH $query
            ORDER BY score, rowid LIMIT $limit
            """, "$query", "$limit");
        _record = Command("SELECT pith_number, source_id, source_version, title FROM records WHERE id = $id", "$id");
    }

    /// <summary>The best <paramref name="limit"/> matches of <paramref name="text"/> (see <see cref="SearchQuery"/>); none for a text without terms.</summary>
    public IReadOnlyList<SearchHit> Search(string text, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var query = SearchQuery.FromText(text);
        if (query is null) return [];
        try
        {
            var best = new List<(long Row, double Score)>();
            _onePhrase.Parameters["$query"].Value = query;
            _onePhrase.Parameters["$limit"].Value = limit;
            byte[]? ranked;
            using (var reader = _onePhrase.ExecuteReader())
            {
                if (!reader.Read()) return [];
                ranked = reader.IsDBNull(0) ? null : (byte[])reader.GetValue(0);
            }
            if (ranked is not null)
            {
                for (var at = 0; at < ranked.Length; at += 16) best.Add((BitConverter.ToInt64(ranked, at), BitConverter.ToDouble(ranked, at + 8)));
            }
            else
            {
                _everyRow.Parameters["$query"].Value = query;
                _everyRow.Parameters["$limit"].Value = limit;
                using var reader = _everyRow.ExecuteReader();
                while (reader.Read()) best.Add((reader.GetInt64(0), reader.GetDouble(1)));
            }
            return Hits(best);
        }
        catch (SqliteException e)
        {
            throw database.Failure(e);
        }
    }

    // A row the FTS table holds and records does not (an index changed outside pith) is left out, as a join would.
    private List<SearchHit> Hits(List<(long Row, double Score)> best)
    {
        var hits = new List<SearchHit>(best.Count);
        foreach (var (row, score) in best)
        {
            _record.Parameters["$id"].Value = row;
            using var reader = _record.ExecuteReader();
            if (!reader.Read()) continue;
            hits.Add(new SearchHit(hits.Count + 1, score, reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }
        return hits;
    }

    public void Dispose()
    {
        _onePhrase.Dispose();
        _everyRow.Dispose();
        _record.Dispose();
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = database.Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }
}
