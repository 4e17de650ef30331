using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Pith.Cli.Tests.Conventions;
using Pith.Cli.Tests.Import;
using Pith.Testing;
using Xunit;

namespace Pith.Cli.Tests.Sync;

/// <summary>
/// <c>pith sync</c> against a feed on loopback that the test controls: every page imported and its cursor stored with
/// it, a rerun that goes on from there, a lying mirror's document rejected, a failing or absent server one line and exit 2
/// with what came before kept, and a sync killed mid-way that a rerun completes.
/// </summary>
public sealed class SyncTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _keys;
    private readonly string _db;
    private readonly List<byte[]> _records;

    public SyncTests()
    {
        _keys = PithImport.WriteTestKey(_temp);
        _db = Path.Combine(_temp.Root, "mirror.db");
        _records = [.. Enumerable.Range(1, 5).Select(i =>
            RecordFactory.ToBytes(RecordFactory.Create(TestKey.Default, sourceId: $"2401.{i.ToString("D5", CultureInfo.InvariantCulture)}")))];
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Sync_ImportsEveryPage_StoresTheCursor_AndARerunImportsNothing()
    {
        await using var feed = await FeedServer.StartAsync(_records);

        var first = Sync(feed, "--page-size", "2");
        var second = Sync(feed, "--page-size", "2");

        first.AssertExit(0);
        Assert.Equal([5L, 0, 0, 0, 0], PithImport.Counts(PithImport.Summary(first)));
        second.AssertExit(0);
        Assert.Equal([0L, 0, 0, 0, 0], PithImport.Counts(PithImport.Summary(second)));
        Assert.Equal([null, Cursor(2), Cursor(4), Cursor(5), Cursor(5)], feed.Requested);
        Assert.Equal(5, Scalar("SELECT count(*) FROM records"));
        Assert.Equal(Cursor(5), StoredCursor(feed));
    }

    [Fact]
    public async Task Sync_RejectsADocumentTheMirrorAltered_AndImportsTheRest()
    {
        await using var feed = await FeedServer.StartAsync(_records);
        feed.Lie = (2, bytes => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("Grokking", "Grokking!", StringComparison.Ordinal)));

        var result = Sync(feed, "--page-size", "2", "--json");

        result.AssertExit(1);
        var summary = PithImport.Summary(result);
        Assert.Equal([4L, 0, 0, 0, 1], PithImport.Counts(summary));
        var reject = Assert.Single(summary.GetProperty("rejects").EnumerateArray());
        Assert.Equal($"{feed.Url}feed.jsonl?after={Cursor(2)}", reject.GetProperty("path").GetString());
        Assert.Equal(1, reject.GetProperty("line").GetInt64());
        Assert.Equal(4, Scalar("SELECT count(*) FROM records"));
    }

    [Fact]
    public async Task Sync_WhenTheServerFails_SaysSoInOneLine_Exits2_AndKeepsThePagesBefore()
    {
        await using var feed = await FeedServer.StartAsync(_records);
        feed.FailAfter = 4;

        var failed = Sync(feed, "--page-size", "2");

        failed.AssertExit(2);
        failed.AssertNoStackTrace();
        Assert.Equal($"pith: cannot read {feed.Url}feed.jsonl?after={Cursor(4)}&limit=2: the server answered 500 Internal Server Error", failed.StderrLines[^1]);
        Assert.Equal(4, Scalar("SELECT count(*) FROM records"));
        Assert.Equal(Cursor(4), StoredCursor(feed));

        feed.FailAfter = null;
        var rerun = Sync(feed, "--page-size", "2");
        rerun.AssertExit(0);
        Assert.Equal(1, PithImport.Summary(rerun).GetProperty("imported").GetInt64());
        Assert.Equal(5, Scalar("SELECT count(*) FROM records"));
    }

    [Fact]
    public async Task Sync_OfAFeedThatGivesBackTheCursorItWasAskedFor_StopsInOneLine_Exits2_AndKeepsThePagesBefore()
    {
        await using var feed = await FeedServer.StartAsync(_records);
        feed.StuckAfter = 2;

        var stuck = Sync(feed, "--page-size", "2");

        stuck.AssertExit(2);
        stuck.AssertNoStackTrace();
        Assert.Equal($"pith: cannot read {feed.Url}feed.jsonl?after={Cursor(2)}&limit=2: the page ends at a cursor the feed gave before " +
                     $"({Cursor(2)}), so following it would go round in a loop", stuck.StderrLines[^1]);
        Assert.Equal([null, Cursor(2)], feed.Requested);
        Assert.Equal(2, Scalar("SELECT count(*) FROM records"));
        Assert.Equal(Cursor(2), StoredCursor(feed));
    }

    [Fact]
    public async Task Sync_FromStart_FetchesAgainWhatWasRejectedForAKeyNotTrustedThen_AndSaysHowAfterRejecting()
    {
        await using var feed = await FeedServer.StartAsync(_records);

        var untrusted = PithProcess.Run("sync", "--db", _db, feed.Url);
        var onward = PithProcess.Run("sync", "--db", _db, "--keys", _keys, "--json", feed.Url);
        var again = PithProcess.Run("sync", "--db", _db, "--keys", _keys, "--json", "--from-start", feed.Url);

        untrusted.AssertExit(1);
        Assert.Equal($"pith sync: the next sync goes on after the documents rejected here; once what rejected them is fixed (a key not " +
                     $"trusted?), 'pith sync --from-start {feed.Url}' reads the feed again from its start", untrusted.StderrLines[^1]);
        onward.AssertExit(0);
        Assert.Equal([0L, 0, 0, 0, 0], PithImport.Counts(PithImport.Summary(onward)));
        again.AssertExit(0);
        Assert.Equal([5L, 0, 0, 0, 0], PithImport.Counts(PithImport.Summary(again)));
        Assert.Equal(5, Scalar("SELECT count(*) FROM records"));
        Assert.Equal([null, Cursor(5), Cursor(5), null, Cursor(5)], feed.Requested);
    }

    [Fact]
    public void Sync_WithNothingListening_SaysSoInOneLine_Exits2()
    {
        var url = $"http://127.0.0.1:{ClosedPort()}/";

        var result = PithProcess.Run("sync", "--db", _db, "--keys", _keys, url);

        result.AssertExit(2);
        result.AssertNoStackTrace();
        Assert.Equal($"pith: cannot read {url}feed.jsonl?limit=1000: cannot connect", Assert.Single(result.StderrLines));
    }

    [Theory]
    [InlineData("ftp://example.org/")]
    [InlineData("not a url")]
    [InlineData("http://127.0.0.1:1/feed.jsonl?after=x")]
    public void Sync_OfWhatIsNotAnHttpAddress_IsAUsageError(string url)
    {
        var result = PithProcess.Run("sync", "--db", _db, "--keys", _keys, url);

        result.AssertExit(2);
        result.AssertNoStackTrace();
        Assert.Contains("is not an http:// or https:// address", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_db));
    }

    [Fact]
    public async Task Sync_KilledWhileWaitingForAPage_StoresNoCursorPastWhatItCommitted_AndARerunGoesOnFromIt()
    {
        await using var feed = await FeedServer.StartAsync(_records);
        feed.HoldAfter = 4;
        using (var pith = RunningPith.Start(SyncArgs(feed, "--page-size", "2"), environment: null))
        {
            await feed.Held.Task.WaitAsync(TimeSpan.FromSeconds(60));
            pith.Kill();
        }
        // Pages read before the kill may or may not have been written: whatever was, the cursor never runs ahead of it.
        var stored = StoredCursor(feed);
        var committed = Scalar("SELECT count(*) FROM records");
        var reached = stored is null ? 0 : int.Parse(stored[(stored.IndexOf('-', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture);
        Assert.InRange(committed, reached, 4);
        var asked = feed.Requested.Count;

        feed.Release();
        var rerun = Sync(feed, "--page-size", "2");

        rerun.AssertExit(0);
        Assert.Equal(stored, feed.Requested.Skip(asked).First());
        Assert.Equal([5 - committed, 0, committed - reached, 0, 0], PithImport.Counts(PithImport.Summary(rerun)));
        Assert.Equal(5, Scalar("SELECT count(*) FROM records"));
        Assert.Equal(Cursor(5), StoredCursor(feed));
    }

    [Fact]
    public async Task Sync_OnATerminal_ShowsItsProgressInDocumentsAndPages()
    {
        await using var feed = await FeedServer.StartAsync(_records);

        // util-linux's script gives pith a terminal (a pty) for stdout and stderr, and copies what pith writes there to its
        // own stdout. The arguments are quoted for the shell script runs the command with.
        var result = PithProcess.RunInShell(
            """
            command=""
            for argument in "$0" "$@"; do command="$command '$(printf '%s' "$argument" | sed "s/'/'\\\\''/g")'"; done
            SHELL=/bin/sh exec script --quiet --return --command "$command" /dev/null
            """,
            new Dictionary<string, string>(), SyncArgs(feed, "--page-size", "2"));

        result.AssertExit(0);
        // The last report, written before the summary replaces it: every document of the three pages.
        Assert.Contains("syncing: 5 documents from 3 pages, ", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("files", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("pith sync: imported 5, ", result.Stdout, StringComparison.Ordinal);
    }

    private PithResult Sync(FeedServer feed, params string[] args) => PithProcess.Run([.. SyncArgs(feed, args), "--json"]);

    private string[] SyncArgs(FeedServer feed, params string[] args) => ["sync", "--db", _db, "--keys", _keys, .. args, feed.Url];

    private static string Cursor(int served) => FeedServer.CursorAfter(served);

    // Read-write: a sync killed mid-write leaves a hot journal, which opening the index rolls back (as the next sync would).
    private string? StoredCursor(FeedServer feed)
    {
        using var connection = new SqliteConnection($"Data Source={_db};Mode=ReadWrite;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT cursor FROM sync_sources WHERE url = $url";
        command.Parameters.AddWithValue("$url", feed.Url + "feed.jsonl");
        return command.ExecuteScalar() as string;
    }

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_db};Mode=ReadWrite;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
