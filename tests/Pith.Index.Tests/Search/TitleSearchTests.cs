using Microsoft.Data.Sqlite;
using Pith.Index.Search;
using Pith.Testing;
using Xunit;

namespace Pith.Index.Tests.Search;

public sealed class TitleSearchTests : IDisposable
{
    private readonly TestIndex _index = new();

    public void Dispose() => _index.Dispose();

    private IReadOnlyList<SearchHit> Search(string text, int limit = 20)
    {
        using var database = _index.Open();
        using var search = new TitleSearch(database);
        return search.Search(text, limit);
    }

    [Fact]
    public void Finds_titles_holding_every_word_best_first_ignoring_case_and_accents()
    {
        _index.Import(
            RecordFactory.Create(TestKey.Default, sourceId: "2401.00001", title: "Compression and grokking"),
            RecordFactory.Create(TestKey.Default, sourceId: "2401.00002", title: "Grokking grokking grokking in transformers"),
            RecordFactory.Create(TestKey.Default, sourceId: "2401.00003", title: "Schrödinger bridges"),
            RecordFactory.Create(TestKey.Default, sourceId: "2401.00004", title: "Unrelated work"));

        var grokking = Search("GROKKING");
        Assert.Equal(["2401.00002", "2401.00001"], grokking.Select(h => h.SourceId));
        Assert.Equal([1, 2], grokking.Select(h => h.Rank));
        Assert.True(grokking[0].Score < grokking[1].Score, "bm25: lower is better");
        Assert.Equal("Compression and grokking", Assert.Single(Search("compression grokking")).Title);
        Assert.Equal("2401.00003", Assert.Single(Search("schrodinger")).SourceId);
        Assert.Empty(Search("compression transformers"));
        Assert.Single(Search("grokking", limit: 1));
    }

    [Fact]
    public void Ranks_by_bm25_best_first_and_equal_scores_in_import_order()
    {
        // One run each, so that import order (the rowid) is this order, which is neither source id nor Pith number order.
        foreach (var (id, title) in new[]
                 {
                     ("2401.00009", "Grokking alpha beta"),
                     ("2401.00001", "Grokking gamma delta"),
                     ("2401.00005", "Grokking grokking epsilon"),
                     ("2401.00003", "Grokking zeta eta theta iota"),
                     ("2401.00002", "Grokking kappa lambda"),
                 })
        {
            _index.Import(RecordFactory.Create(TestKey.Default, sourceId: id, title: title));
        }
        // Titles without the word, so that it is rare enough for bm25 to weigh it (more than half the rows: a floor weight).
        _index.Import(Enumerable.Range(1, 11).Select(i => RecordFactory.Create(TestKey.Default, sourceId: $"2402.{i:D5}", title: $"Unrelated work {i}")).ToArray());

        var hits = Search("grokking");

        // Twice the word in as short a title first, a longer title last; the three alike in the order they were imported.
        Assert.Equal(["2401.00005", "2401.00009", "2401.00001", "2401.00002", "2401.00003"], hits.Select(h => h.SourceId));
        Assert.Equal(hits[1].Score, hits[2].Score);
        Assert.Equal(hits[1].Score, hits[3].Score);
        Assert.True(hits[0].Score < hits[1].Score && hits[3].Score < hits[4].Score, "bm25: lower is better");
        // A limit keeps the first of the whole ranking, equal scores included.
        Assert.Equal(["2401.00005", "2401.00009"], Search("grokking", limit: 2).Select(h => h.SourceId));
    }

    [Theory]
    [InlineData("grokking", 3)]
    [InlineData("grokking", 20)]
    [InlineData("grokking compression", 2)]
    [InlineData("transformers", 20)]
    [InlineData("grokking-as", 1)] // one phrase of two words, held by two titles alike
    public void The_hits_are_the_first_of_every_match_ordered_by_bm25_then_rowid_with_its_scores(string text, int limit)
    {
        var titles = new[]
        {
            "Grokking as compression", "Grokking grokking in transformers", "Compression of transformers", "Grokking",
            "Transformers grokking compression grokking", "Grokking modular arithmetic with transformers", "Sparse transformers",
            "Grokking as compression", "On grokking and compression in small transformers", "Unrelated work",
        };
        _index.Import(titles.Select((title, i) => RecordFactory.Create(TestKey.Default, sourceId: $"2401.{i + 1:D5}", title: title)).ToArray());

        var hits = Search(text, limit);

        var everyMatch = EveryMatch(text);
        Assert.True(everyMatch.Count > 1);
        Assert.Equal(everyMatch.Take(limit), hits.Select(h => (h.PithNumber, h.Score)));
        Assert.Equal(Enumerable.Range(1, hits.Count), hits.Select(h => h.Rank));
    }

    /// <summary>The ranking rule written out in SQL over every match (FTS5's bm25 ascending, then rowid), without the search's own query.</summary>
    private List<(string PithNumber, double Score)> EveryMatch(string text)
    {
        using var database = _index.Open();
        using var command = database.Connection.CreateCommand();
        command.CommandText =
            """
            SELECT r.pith_number, bm25(records_fts) FROM records_fts JOIN records r ON r.id = records_fts.rowid
            WHERE records_fts MATCH $query ORDER BY bm25(records_fts), records_fts.rowid
            """;
        command.Parameters.AddWithValue("$query", SearchQuery.FromText(text));
        var everyMatch = new List<(string, double)>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) everyMatch.Add((reader.GetString(0), reader.GetDouble(1)));
        return everyMatch;
    }

    [Theory]
    [InlineData("grokking", 1)]
    [InlineData("grokking", 4)]
    [InlineData("grokking", 7)]
    [InlineData("grokking transformers", 3)]
    [InlineData("sparse", 5)]
    public void Among_many_matches_the_best_few_are_those_of_the_whole_ranking(string text, int limit)
    {
        // Many more matches than the limit, listed so that better ones keep coming (the rows already scored must not hide
        // them): titles of every length from 1 to 12 words, with the word once, twice or three times, some alike (equal
        // scores at the cut), the shortest with the most repeats last.
        var titles = new List<string>();
        for (var i = 0; i < 72; i++)
        {
            var words = 12 - i % 12;
            var repeats = 1 + i / 12 % 3;
            titles.Add(string.Join(' ', Enumerable.Range(0, words).Select(w => w < repeats ? "grokking" : w % 3 == 0 ? "transformers" : w % 3 == 1 ? "sparse" : $"w{w}")));
        }
        titles.AddRange(Enumerable.Range(0, 40).Select(i => $"Unrelated work {i}"));
        _index.Import(titles.Select((title, i) => RecordFactory.Create(TestKey.Default, sourceId: $"2403.{i + 1:D5}", title: title)).ToArray());

        var hits = Search(text, limit);

        var everyMatch = EveryMatch(text);
        Assert.Equal(everyMatch.Take(limit), hits.Select(h => (h.PithNumber, h.Score)));
        // A limit too large to keep that many best scores (pith search --limit has no bound) scores every match.
        Assert.Equal(everyMatch, Search(text, int.MaxValue).Select(h => (h.PithNumber, h.Score)));
        Assert.Equal(everyMatch, Search(text, TopBm25.MostKept).Select(h => (h.PithNumber, h.Score)));
    }

    [Theory]
    [InlineData("rare common", 5)]
    [InlineData("common rare", 5)]
    [InlineData("rare common thing", 5)]
    [InlineData("rare common", 1)]
    public void A_search_of_several_words_finds_only_titles_holding_all_of_them(string text, int limit)
    {
        // "rare" is the rarer word, and the best title holding it lacks "common": it must not be ranked.
        var titles = new[]
        {
            "Rare", "Rare thing", "A rare common thing", "Rare and common", "Common one", "Common two", "Common three",
            "Common rare common", "Common four", "Rare rare words here",
        };
        _index.Import(titles.Select((title, i) => RecordFactory.Create(TestKey.Default, sourceId: $"2404.{i + 1:D5}", title: title)).ToArray());

        var hits = Search(text, limit);

        var everyMatch = EveryMatch(text);
        Assert.NotEmpty(everyMatch);
        Assert.Equal(everyMatch.Take(limit), hits.Select(h => (h.PithNumber, h.Score)));
    }

    [Theory]
    [InlineData("\"", 0)]
    [InlineData("grokking\"", 1)]
    [InlineData("AND", 0)]
    [InlineData("OR grokking", 0)] // "or" is a word the title must hold, not an operator
    [InlineData("NOT", 0)]
    [InlineData("NEAR(grokking", 0)] // the phrase "near grokking"
    [InlineData("grokking*", 1)]
    [InlineData("title:grokking", 0)] // the phrase "title grokking", not a column filter
    [InlineData("-grokking", 1)]
    [InlineData("^grokking", 1)]
    [InlineData("(grokking) as", 1)]
    [InlineData("{title}: x", 0)]
    [InlineData("+", 0)]
    public void Query_syntax_in_the_text_is_only_text(string text, int hits)
    {
        _index.Import(RecordFactory.Create(TestKey.Default, title: "Grokking as compression"));
        // No SQLite error for any of them: the punctuation around a word is dropped by the tokenizer, operators are words.
        Assert.Equal(hits, Search(text).Count);
    }

    [Fact]
    public void A_reissue_with_another_title_replaces_the_indexed_title()
    {
        var first = RecordFactory.Create(TestKey.Default, title: "Grokking as compression", updatedAt: "2026-05-17T23:52:20Z");
        _index.Import(first);
        // Same canonical record (the title hash is of the lower-cased title), newer copy, display title in other case and words kept.
        var reissued = RecordFactory.Create(TestKey.Default, title: "Grokking as compression", updatedAt: "2026-07-05T06:58:51.293543+00:00");
        reissued["paper"]!["title"] = "GROKKING AS COMPRESSION";
        RecordFactory.Resign(reissued, TestKey.Default);
        Assert.Equal(first["pith_number"]!.GetValue<string>(), reissued["pith_number"]!.GetValue<string>());
        Assert.Equal(1, _index.Import(reissued).Updated);

        Assert.Equal("GROKKING AS COMPRESSION", Assert.Single(Search("grokking")).Title);
        using var database = _index.Open();
        // The FTS index agrees with its content table (FTS5's own consistency check raises an error when not).
        database.Execute("INSERT INTO records_fts (records_fts) VALUES ('integrity-check')");
    }

    [Fact]
    public void A_bulk_load_indexes_its_titles_once_at_the_end_and_a_load_killed_before_that_is_finished_by_the_next_import()
    {
        _index.Import(RecordFactory.Create(TestKey.Default, sourceId: "2401.00001", title: "Grokking as compression"));
        Assert.Single(Search("grokking"));
        using (var database = _index.Open())
        {
            Assert.Equal(BulkLoadSchema.TitleSearchTriggers.Length,
                database.Scalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'records_fts_%'"));
            // What a bulk load killed before its end leaves: records committed, the search's triggers dropped, titles unread.
            foreach (var (name, _) in BulkLoadSchema.TitleSearchTriggers) database.Execute($"DROP TRIGGER {name}");
            database.Execute("INSERT INTO records_fts (records_fts) VALUES ('delete-all')");
        }
        // The search says it is incomplete rather than find nothing.
        Assert.Contains("the next 'pith import' into it rebuilds them", Assert.Throws<IndexUnavailableException>(() => Search("grokking")).Message, StringComparison.Ordinal);

        _index.Import(RecordFactory.Create(TestKey.Default, sourceId: "2401.00002", title: "Grokking in transformers"));

        Assert.Equal(["2401.00001", "2401.00002"], Search("grokking").Select(h => h.SourceId).Order(StringComparer.Ordinal));
        using var after = _index.Open();
        after.Execute("INSERT INTO records_fts (records_fts) VALUES ('integrity-check')");
    }

    [Fact]
    public void Migrating_an_index_of_schema_1_indexes_the_titles_it_holds()
    {
        using (var connection = new SqliteConnection($"Data Source={_index.Path};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Migrations.Steps[0] +
                """
                ;
                PRAGMA user_version = 1;
                INSERT INTO import_runs (id, started_at, sources) VALUES (1, '2026-01-01T00:00:00Z', '[]');
                INSERT INTO records (pith_number, code, digest, year, source_kind, source_id, source_version, title, key_id, signature,
                                     imported_at, imported_from, run_id, bytes_sha256, original)
                VALUES ('pith:2023:AAAA', 'AAAA', x'00', '2023', 'arxiv', '2310.05918', 1, 'Grokking as compression', 'k', 's',
                        '2026-01-01T00:00:00Z', 'a.json', 1, x'00', x'00'),
                       ('pith:2023:BBBB', 'BBBB', x'00', '2023', 'arxiv', '2310.05919', 1, NULL, 'k', 's',
                        '2026-01-01T00:00:00Z', 'b.json', 1, x'01', x'00');
                """;
            command.ExecuteNonQuery();
        }

        Assert.Equal("pith:2023:AAAA", Assert.Single(Search("compression")).PithNumber);
        using var database = _index.Open();
        Assert.Equal(Migrations.Latest, database.Scalar<long>("PRAGMA user_version"));
    }
}
