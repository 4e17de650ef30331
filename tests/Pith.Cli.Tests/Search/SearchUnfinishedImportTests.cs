using Pith.Cli.Tests.Import;
using Xunit;

namespace Pith.Cli.Tests.Search;

/// <summary>
/// A first import stopped mid-way (killed, a full disk) leaves committed records whose titles the search does not hold
/// yet: search says so in one line instead of "no title matches", audit names it, and the next import rebuilds it.
/// Tampering with the search's own table is named by audit too.
/// </summary>
public sealed class SearchUnfinishedImportTests : IDisposable
{
    private const string Title = "Grokking as Compression: A Nonlinear Complexity Perspective";

    private readonly TempFolder _temp = new();
    private readonly string _db;

    public SearchUnfinishedImportTests()
    {
        _db = Path.Combine(_temp.Root, "index.db");
        PithProcess.Run(["import", "--db", _db, "--quiet", Samples.Records]).AssertExit(0);
    }

    public void Dispose() => _temp.Dispose();

    private void Sql(string sql)
    {
        using var connection = IndexFile.Open(_db);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void A_bulk_load_stopped_before_its_end_is_named_by_search_and_audit_and_rebuilt_by_the_next_import()
    {
        // What a first import stopped before its end leaves: records committed, the search's triggers dropped, titles unread.
        Sql("""
            DROP TRIGGER records_fts_insert; DROP TRIGGER records_fts_delete; DROP TRIGGER records_fts_update;
            INSERT INTO records_fts (records_fts) VALUES ('delete-all');
            """);

        var search = PithProcess.Run("search", "--db", _db, Title);
        search.AssertExit(2);
        Assert.Empty(search.Stdout);
        Assert.Equal($"pith: {_db}: an import into this index stopped before it finished, so its title search misses records " +
                     "(and look-ups lack their indexes): the next 'pith import' into it rebuilds them", Assert.Single(search.StderrLines));

        var audit = PithProcess.Run("audit", "--db", _db, "--quiet");
        audit.AssertExit(1);
        Assert.StartsWith($"FAIL index {_db}: title_search: an import into this index stopped before it finished", audit.StdoutLines[0], StringComparison.Ordinal);
        Assert.EndsWith(": every copy sound, the index itself not", audit.StderrLines[^1], StringComparison.Ordinal);

        PithProcess.Run(["import", "--db", _db, "--quiet", Samples.Records]).AssertExit(0);

        var found = PithProcess.Run("search", "--db", _db, Title);
        found.AssertExit(0);
        Assert.Contains(Samples.Seeds[0].PithNumber, Assert.Single(found.StdoutLines), StringComparison.Ordinal);
        PithProcess.Run("audit", "--db", _db, "--quiet").AssertExit(0);
    }

    [Fact]
    public void A_title_taken_out_of_the_search_behind_pith_s_back_is_named_by_audit()
    {
        Sql($"INSERT INTO records_fts (records_fts, rowid, title) SELECT 'delete', id, title FROM records WHERE title = '{Title.Replace("'", "''", StringComparison.Ordinal)}'");

        var audit = PithProcess.Run("audit", "--db", _db, "--quiet", "--json");

        audit.AssertExit(1);
        using var json = System.Text.Json.JsonDocument.Parse(Assert.Single(audit.StdoutLines));
        var problem = Assert.Single(json.RootElement.GetProperty("index_problems").EnumerateArray());
        Assert.Equal("title_search", problem.GetProperty("check").GetString());
        Assert.Contains("does not agree with the records: 1 documents missing or extra", problem.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(json.RootElement.GetProperty("failures").EnumerateArray());
    }
}
