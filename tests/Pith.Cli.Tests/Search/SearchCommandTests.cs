using System.Text.Json;
using Xunit;

namespace Pith.Cli.Tests.Search;

public sealed class SearchCommandTests(IndexedCorpus corpus) : IClassFixture<IndexedCorpus>
{
    [Fact]
    public void Prints_rank_pith_number_versioned_id_and_title_best_first()
    {
        var result = corpus.Run("search", "sparse", "ATTENTION");
        result.AssertExit(0);
        Assert.Equal(3, result.StdoutLines.Count);
        Assert.StartsWith("  1  pith:2023:", result.StdoutLines[0], StringComparison.Ordinal);
        Assert.All(result.StdoutLines, line => Assert.Contains("2312.01234v", line, StringComparison.Ordinal));
        Assert.Equal(3, result.StdoutLines.Select(l => l.Split("  ", StringSplitOptions.RemoveEmptyEntries)[2]).Distinct().Count());

        var seed = corpus.Run("search", "grokking");
        seed.AssertExit(0);
        Assert.Equal($"  1  {Samples.Seeds[0].PithNumber}  2310.05918v1  Grokking as Compression: A Nonlinear Complexity Perspective", Assert.Single(seed.StdoutLines));
    }

    [Fact]
    public void Json_gives_one_object_per_result_per_line_and_limit_caps_them()
    {
        var result = corpus.Run("search", "--json", "--limit", "2", "attention");
        result.AssertExit(0);
        Assert.Equal(2, result.StdoutLines.Count);
        var hits = result.StdoutLines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal([1, 2], hits.Select(h => h.GetProperty("rank").GetInt32()));
        Assert.All(hits, h => Assert.Equal("2312.01234", h.GetProperty("source_id").GetString()));
        Assert.All(hits, h => Assert.StartsWith("pith:2023:", h.GetProperty("pith_number").GetString(), StringComparison.Ordinal));
        Assert.True(hits[0].GetProperty("score").GetDouble() <= hits[1].GetProperty("score").GetDouble());
    }

    [Theory]
    [InlineData]
    [InlineData("--json")]
    public void A_limit_that_cut_the_results_says_so_on_stderr(params string[] options)
    {
        // Three records match "attention".
        var cut = corpus.Run("search", [.. options, "--limit", "2", "attention"]);
        cut.AssertExit(0);
        Assert.Equal(2, cut.StdoutLines.Count);
        Assert.Equal(["pith search: more matches than the 2 shown (use --limit N to see more)"], cut.StderrLines);

        var all = corpus.Run("search", [.. options, "--limit", "3", "attention"]);
        all.AssertExit(0);
        Assert.Equal(3, all.StdoutLines.Count);
        Assert.Equal("", all.Stderr);
    }

    [Fact]
    public void Titles_are_sanitised_for_the_terminal_and_given_as_is_in_json()
    {
        var human = corpus.Run("search", "terminal", "escape");
        human.AssertExit(0);
        Assert.DoesNotContain('\u001b', human.Stdout);
        Assert.Contains("Terminal \\x1b[2J escape", human.Stdout, StringComparison.Ordinal);
        var json = corpus.Run("search", "--json", "terminal");
        Assert.Equal(IndexedCorpus.EscapeTitle, JsonDocument.Parse(Assert.Single(json.StdoutLines)).RootElement.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("nothing-like-this")]
    [InlineData("NEAR(", "AND", "*")]
    [InlineData("grokking", "OR", "sparse")]
    public void Nothing_matched_is_exit_1_with_a_line_on_stderr_even_for_query_syntax(params string[] text)
    {
        var result = corpus.Run("search", text);
        result.AssertExit(1);
        Assert.Empty(result.Stdout);
        Assert.StartsWith("pith search: no title matches", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  ")]
    [InlineData("!!!")]
    [InlineData("\"", "*", "(", "\u2014")]
    public void A_text_without_words_is_a_usage_error(params string[] text)
    {
        var result = corpus.Run("search", text);
        result.AssertExit(2);
        Assert.Equal("pith: the search text holds no words", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void More_than_64_different_words_are_refused_in_one_line_exit_2()
    {
        var result = corpus.Run("search", [.. DifferentWords(65)]);
        result.AssertExit(2);
        Assert.Empty(result.Stdout);
        Assert.Equal("pith search: the search text holds 65 different words; at most 64 are searched at once", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void Sixty_four_different_words_are_searched_however_often_repeated_and_the_no_match_line_is_bounded()
    {
        var words = DifferentWords(64);
        var text = string.Join(' ', Enumerable.Repeat(words, 100).SelectMany(w => w));
        var result = corpus.Run("search", text);
        result.AssertExit(1);
        Assert.Empty(result.Stdout);
        Assert.Equal("pith search: no title matches " + text[..200] + "\u2026", Assert.Single(result.StderrLines));
    }

    private static string[] DifferentWords(int count) => [.. Enumerable.Range(0, count).Select(i => $"word{i:D3}")];

    [Fact]
    public void A_mistyped_option_is_a_usage_error_not_text()
    {
        var result = corpus.Run("search", "--limt", "3", "sparse");
        result.AssertExit(2);
        Assert.StartsWith("pith: unknown option '--limt'", result.StderrLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_index_is_an_error_and_is_not_created()
    {
        using var temp = new TempFolder();
        var missing = Path.Combine(temp.Root, "none.db");
        var result = PithProcess.Run("search", "--db", missing, "grokking");
        result.AssertExit(2);
        Assert.StartsWith("pith: no index at", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }
    [Fact]
    public void A_word_repeated_many_times_is_searched_once()
    {
        // 140,000 copies of one word, in ten arguments of 14,000 (an argument holds at most 128 KiB): searched as they
        // were typed, FTS5's time grows with the square of the terms, and this took minutes.
        var words = Enumerable.Repeat(string.Join(' ', Enumerable.Repeat("Grokking grokking", 7_000)), 10).ToArray();

        var result = corpus.Run("search", words);

        result.AssertExit(0);
        Assert.Equal($"  1  {Samples.Seeds[0].PithNumber}  2310.05918v1  Grokking as Compression: A Nonlinear Complexity Perspective", Assert.Single(result.StdoutLines));
    }
}
