using Microsoft.Data.Sqlite;

namespace Pith.Index.Stats;

/// <summary>
/// What an index holds: records (one per Pith number), papers and how many versions each has, aliases, older copies
/// of reissued records, variants, records by year of the Pith number and by signing key, and the last import runs.
/// </summary>
public sealed record IndexStats(
    long Records, long Papers, IReadOnlyList<(long Versions, long Papers)> PapersByVersionCount, long Aliases, long HistoryCopies, long Variants,
    IReadOnlyList<(string Year, long Records)> ByYear, IReadOnlyList<(string KeyId, long Records)> ByKeyId,
    long ImportRuns, IReadOnlyList<ImportRunStats> LastRuns)
{
    public const int DefaultRuns = 5;

    /// <summary>Reads the statistics in one read transaction, so that they add up even while an import waits to write.</summary>
    public static IndexStats Read(IndexDatabase database, int runs = DefaultRuns)
    {
        try
        {
            using var transaction = database.Connection.BeginTransaction(deferred: true);
            var connection = database.Connection;
            // Year and key both need a pass over the records table (its rows hold the original bytes): one pass for both.
            var byYearAndKey = Pairs(connection, "SELECT year, key_id, count(*) AS count FROM records GROUP BY year, key_id",
                r => (Year: r.GetString(r.GetOrdinal("year")), KeyId: r.GetString(r.GetOrdinal("key_id"))));
            // Likewise the papers: one grouping by paper gives both their number and how many versions each has.
            var byVersionCount = Pairs(connection,
                "SELECT versions, count(*) AS count FROM (SELECT count(*) AS versions FROM records GROUP BY source_kind, source_id) GROUP BY versions ORDER BY versions",
                r => r.GetInt64(r.GetOrdinal("versions")));
            return new IndexStats(
                byYearAndKey.Sum(p => p.Count),
                byVersionCount.Sum(p => p.Count),
                byVersionCount,
                database.Scalar<long>("SELECT count(*) FROM aliases"),
                database.Scalar<long>("SELECT count(*) FROM record_history"),
                database.Scalar<long>("SELECT count(*) FROM record_variants"),
                Totals(byYearAndKey.Select(p => (p.Key.Year, p.Count))).OrderBy(p => p.Key, StringComparer.Ordinal).ToList(),
                Totals(byYearAndKey.Select(p => (p.Key.KeyId, p.Count))).OrderByDescending(p => p.Count).ThenBy(p => p.Key, StringComparer.Ordinal).ToList(),
                database.Scalar<long>("SELECT count(*) FROM import_runs"),
                ReadLastRuns(connection, runs));
        }
        catch (SqliteException e)
        {
            throw database.Failure(e);
        }
    }

    private static IEnumerable<(string Key, long Count)> Totals(IEnumerable<(string Key, long Count)> pairs) =>
        pairs.GroupBy(p => p.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Sum(p => p.Count)));

    // The rows of a grouping (few: one per year, key, version count or failed check): each row's key, and its column "count".
    private static List<(T Key, long Count)> Pairs<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> key)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Pairs(command, key);
    }

    private static List<(T Key, long Count)> Pairs<T>(SqliteCommand command, Func<SqliteDataReader, T> key)
    {
        using var reader = command.ExecuteReader();
        var count = reader.GetOrdinal("count");
        var pairs = new List<(T, long)>();
        while (reader.Read()) pairs.Add((key(reader), reader.GetInt64(count)));
        return pairs;
    }

    private static List<ImportRunStats> ReadLastRuns(SqliteConnection connection, int runs)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT id, started_at, finished_at, interrupted, imported, updated, unchanged, historical, noted, variants, rejected
            FROM import_runs ORDER BY id DESC LIMIT $runs
            """;
        command.Parameters.AddWithValue("$runs", runs);
        var list = new List<ImportRunStats>();
        using (var reader = command.ExecuteReader())
        {
            long Integer(string column) => reader.GetInt64(reader.GetOrdinal(column));
            while (reader.Read())
            {
                var finished = reader.GetOrdinal("finished_at");
                list.Add(new ImportRunStats(Integer("id"), reader.GetString(reader.GetOrdinal("started_at")), reader.IsDBNull(finished) ? null : reader.GetString(finished),
                    Integer("interrupted") != 0,
                    Integer("imported"), Integer("updated"), Integer("unchanged"), Integer("historical"), Integer("noted"), Integer("rejected"), [], Integer("variants")));
            }
        }
        // A reject's reason is stored as "check: reason": count them by the check.
        using var rejects = connection.CreateCommand();
        rejects.CommandText =
            """
            SELECT substr(reason, 1, instr(reason, ':') - 1) AS check_name, count(*) AS count FROM rejects
            WHERE run_id = $run GROUP BY check_name ORDER BY count(*) DESC, check_name
            """;
        var run = rejects.Parameters.Add(new SqliteParameter { ParameterName = "$run" });
        return list.Select(r =>
        {
            run.Value = r.Id;
            return r with { RejectsByCheck = Pairs(rejects, x => x.GetString(x.GetOrdinal("check_name"))) };
        }).ToList();
    }
}
