using System.Text.Json;
using Pith.Cli.Tests.Import;
using Pith.Testing;
using Xunit;

namespace Pith.Cli.Tests.Stats;

public sealed class StatsCommandTests : IDisposable
{
    private readonly IndexedCorpus _corpus = new();

    public StatsCommandTests()
    {
        // A second run that rejects: a page that is not JSON and a record signed by no trusted key.
        var bad = _corpus.Temp.Write(Path.Combine("bad", "page.html"), "<html></html>");
        _corpus.Temp.Write(Path.Combine("bad", "untrusted.json"), RecordFactory.ToBytes(IndexedCorpus.Create("2402.00009", 1, "Untrusted")));
        PithImport.Run(_corpus.Db, "--quiet", Path.GetDirectoryName(bad)!).AssertExit(1);
    }

    public void Dispose() => _corpus.Dispose();

    [Fact]
    public void Counts_records_versions_aliases_copies_years_keys_and_the_last_runs()
    {
        var result = _corpus.Run("stats", "--json");
        result.AssertExit(0);
        using var document = JsonDocument.Parse(Assert.Single(result.StdoutLines));
        var stats = document.RootElement;
        Assert.Equal(IndexedCorpus.Records, stats.GetProperty("records").GetInt64());
        // 2312.01234 has three versions; every other paper one.
        Assert.Equal(IndexedCorpus.Records - 2, stats.GetProperty("papers").GetInt64());
        Assert.Equal("{\"1\":8,\"3\":1}", stats.GetProperty("papers_by_version_count").GetRawText());
        Assert.Equal(IndexedCorpus.Records * 6, stats.GetProperty("aliases").GetInt64());
        Assert.Equal(1, stats.GetProperty("history_copies").GetInt64());
        Assert.Equal("{\"pith-test-2026\":8,\"pith-v1-2026-05\":3}", stats.GetProperty("by_key_id").GetRawText());
        Assert.Equal("{\"1999\":1,\"2013\":1,\"2018\":1,\"2023\":4,\"2024\":4}", stats.GetProperty("by_year").GetRawText());
        Assert.Equal(2, stats.GetProperty("import_runs").GetInt64());
        var runs = stats.GetProperty("last_runs").EnumerateArray().ToList();
        Assert.Equal([2L, 1], runs.Select(r => r.GetProperty("run_id").GetInt64()));
        Assert.Equal(2, runs[0].GetProperty("rejected").GetInt64());
        Assert.Equal("{\"parse\":1,\"receipt.key_id\":1}", runs[0].GetProperty("rejected_by_check").GetRawText());
        Assert.Equal(IndexedCorpus.Records, runs[1].GetProperty("imported").GetInt64());
        // The reissue's two copies arrive in either order (parallel workers): the newer one updated the older, or the older
        // one was kept as history; either way the newer is current and one older copy is kept.
        Assert.Equal(1, runs[1].GetProperty("updated").GetInt64() + runs[1].GetProperty("historical").GetInt64());
        Assert.Equal(["2026-07-05T06:58:51.293543+00:00"],
            IndexFile.Query(_corpus.Db, $"SELECT updated_at FROM records WHERE pith_number = '{_corpus.ReissuedPithNumber}'"));
    }

    [Fact]
    public void Human_output_says_the_same()
    {
        var result = _corpus.Run("stats");
        result.AssertExit(0);
        Assert.Contains($"records        {IndexedCorpus.Records}", result.StdoutLines);
        Assert.Contains("papers         9 (8 with 1 version, 1 with 3 versions)", result.StdoutLines);
        Assert.Contains("by key         pith-test-2026: 8, pith-v1-2026-05: 3", result.StdoutLines);
        Assert.Contains(result.StdoutLines, l => l.StartsWith("  run 2  ", StringComparison.Ordinal) && l.EndsWith("rejected 2 (parse: 1, receipt.key_id: 1)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_run_that_did_not_finish_is_not_shown_with_counts_it_never_wrote()
    {
        // What a run killed before its end leaves: its row without finished_at, and the counts (written at the end) all 0.
        Assert.Equal(1, IndexFile.Execute(_corpus.Db, "UPDATE import_runs SET finished_at = NULL, imported = 0, rejected = 0 WHERE id = 2"));

        var result = _corpus.Run("stats");

        result.AssertExit(0);
        var run = Assert.Single(result.StdoutLines, l => l.StartsWith("  run 2  ", StringComparison.Ordinal));
        Assert.EndsWith(" (did not finish): its counts were never written; what it committed stays in the index", run, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_index_is_an_error_and_is_not_created()
    {
        var missing = Path.Combine(_corpus.Temp.Root, "none.db");
        var result = PithProcess.Run("stats", "--db", missing);
        result.AssertExit(2);
        Assert.False(File.Exists(missing));
    }
}
