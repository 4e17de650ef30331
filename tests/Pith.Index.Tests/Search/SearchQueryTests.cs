using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Pith.Index.Search;
using Xunit;

namespace Pith.Index.Tests.Search;

public class SearchQueryTests
{
    [Theory]
    [InlineData("grokking", "\"grokking\"")]
    [InlineData("  Grokking   as\tcompression ", "\"Grokking\" \"as\" \"compression\"")]
    [InlineData("say \"hi\"", "\"say\" \"\"\"hi\"\"\"")]
    [InlineData("a OR b NEAR(c*", "\"a\" \"OR\" \"b\" \"NEAR(c*\"")]
    [InlineData("grokking !!! - compression", "\"grokking\" \"compression\"")]
    public void Quotes_every_term_that_holds_a_word(string text, string expected) => Assert.Equal(expected, SearchQuery.FromText(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    [InlineData("!!!")]
    [InlineData("\" - * ( ) :")]
    [InlineData("\u2014 \u00AB\u00BB \u20AC $ + =")]
    [InlineData("\U0001F600")]
    [InlineData("\u0301")]
    public void Text_without_words_is_no_query(string text) => Assert.Null(SearchQuery.FromText(text));

    [Fact]
    public void At_most_64_different_words_are_one_query_and_more_are_refused_with_the_limit()
    {
        var words = Enumerable.Range(0, 65).Select(i => $"w{i}").ToArray();
        // Repeats (in any case) and terms without a word do not count.
        var most = SearchQuery.Parse(string.Join(' ', words[..64].Concat(words[..64].Select(w => w.ToUpperInvariant())).Append("!!!")));
        Assert.True(most.Success);
        Assert.Equal(64, most.Value!.Split(' ').Length);

        var tooMany = SearchQuery.Parse(string.Join(' ', words));
        Assert.False(tooMany.Success);
        Assert.Equal("holds 65 different words; at most 64 are searched at once", tooMany.Error);
        Assert.Null(SearchQuery.FromText(string.Join(' ', words)));
        Assert.Equal(SearchQuery.NoWords, SearchQuery.Parse("!!!").Error);
    }

    /// <summary>Characters on both sides of the rule: letters, numbers and private use are words; the rest is not.</summary>
    public static TheoryData<string> TokenizerSamples => new(
        "!!!", "\"", "-", "*", "(", "\u2014", "\u00AB", "\u20AC", "$", "+", "\U0001F600", "\u0301", "\u00B7", "_", "@#%",
        "a", "\u00F6", "\u2162", "\u00B2", "\u0663", "\u4E2D", "\uE000", "x!", "\u02B0", "\u01C5");

    /// <summary>
    /// The rule agrees with SQLite itself: a term has a word exactly when the title index's own tokenizer (read from the
    /// index schema) finds a token in it.
    /// </summary>
    [Theory]
    [MemberData(nameof(TokenizerSamples))]
    public void A_term_has_a_word_exactly_when_the_index_tokenizer_finds_a_token_in_it(string term)
    {
        using var fts = TitleTokenizer();
        using (var insert = fts.CreateCommand())
        {
            insert.CommandText = "INSERT INTO t (x) VALUES ($x)";
            insert.Parameters.AddWithValue("$x", term);
            insert.ExecuteNonQuery();
        }
        using var count = fts.CreateCommand();
        count.CommandText = "SELECT count(*) FROM v";
        var tokens = (long)count.ExecuteScalar()!;

        Assert.Equal(tokens > 0, SearchQuery.FromText(term) is not null);
    }

    // The tokenize clause of the index's title table, as a new index is created.
    private static readonly Lazy<string> TitleTokenize = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("pith-tokenizer-");
        try
        {
            using var index = IndexDatabase.Open(Path.Combine(folder.FullName, "index.db"));
            using var read = index.Connection.CreateCommand();
            read.CommandText = "SELECT sql FROM sqlite_master WHERE name = 'records_fts'";
            return Regex.Match((string)read.ExecuteScalar()!, @"tokenize\s*=\s*'[^']*'").Value;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    });

    /// <summary>An in-memory FTS5 table with the tokenizer of the index's title table, and its vocabulary.</summary>
    private static SqliteConnection TitleTokenizer()
    {
        Assert.StartsWith("tokenize", TitleTokenize.Value, StringComparison.Ordinal);
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = $"CREATE VIRTUAL TABLE t USING fts5(x, {TitleTokenize.Value}); CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row');";
        create.ExecuteNonQuery();
        return connection;
    }
}
