using System.Net;
using Pith.Cli.Tests.Import;
using Pith.Cli.Tests.Serve;
using Xunit;

namespace Pith.Cli.Tests.Sync;

/// <summary>
/// A replica following a real <c>pith serve</c> with a real <c>pith sync</c>: it ends up holding what the primary holds
/// (current copies, older copies, bundles and state files), a rerun imports nothing, and the feed route refuses what is
/// not a cursor or a limit.
/// </summary>
[Collection(ServedCorpusCollection.Name)]
public sealed class ServeSyncTests(ServedCorpus served) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_replica_synced_from_pith_serve_exports_what_the_primary_exports_and_a_rerun_imports_nothing()
    {
        var replica = Path.Combine(_temp.Root, "replica.db");
        string[] sync = ["sync", "--db", replica, "--keys", served.Corpus.KeyFile, "--allow-unsigned", "--page-size", "3", "--json", served.Server.Url];

        var first = PithProcess.Run(sync);
        var second = PithProcess.Run(sync);

        first.AssertExit(0);
        Assert.Equal(0, PithImport.Summary(first).GetProperty("rejected").GetInt64());
        second.AssertExit(0);
        Assert.Equal([0L, 0, 0, 0, 0], PithImport.Counts(PithImport.Summary(second)));
        var primary = Export(served.Corpus.Db);
        Assert.True(primary.Length > 10, $"only {primary.Length} lines exported");
        Assert.Equal(primary, Export(replica));
    }

    [Theory]
    [InlineData("/feed.jsonl?after=nonsense", "after= is not a feed cursor")]
    [InlineData("/feed.jsonl?after=0123456789abcdef-x", "after= is not a feed cursor")]
    [InlineData("/feed.jsonl?limit=0", "limit= is a whole number from 1 to 10000")]
    [InlineData("/feed.jsonl?limit=10001", "limit= is a whole number from 1 to 10000")]
    [InlineData("/feed.jsonl?after=0123456789abcdef-1&after=0123456789abcdef-2", "after= is given more than once")]
    public async Task The_feed_refuses_what_is_not_a_cursor_or_a_limit(string path, string reason)
    {
        using var response = await served.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feed_ends_with_an_empty_page_that_gives_back_the_same_cursor()
    {
        using var all = await served.Client.GetAsync("/feed.jsonl?limit=10000");
        var end = Assert.Single(all.Headers.GetValues("Pith-Cursor"));
        Assert.NotEmpty(await all.Content.ReadAsByteArrayAsync());

        using var after = await served.Client.GetAsync($"/feed.jsonl?after={end}");

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Empty(await after.Content.ReadAsByteArrayAsync());
        Assert.Equal(end, Assert.Single(after.Headers.GetValues("Pith-Cursor")));
    }

    private static string[] Export(string db)
    {
        var result = PithProcess.Run("export", "--db", db, "--history");
        result.AssertExit(0);
        return [.. result.StdoutLines.Order(StringComparer.Ordinal)];
    }
}
