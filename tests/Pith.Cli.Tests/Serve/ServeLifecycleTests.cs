using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Pith.Cli.Tests.Serve;

/// <summary>How <c>pith serve</c> starts and stops: the URL on stderr, SIGTERM and SIGINT, a port in use, an index it cannot serve.</summary>
public sealed class ServeLifecycleTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Index()
    {
        var db = Path.Combine(_temp.Root, "index.db");
        PithProcess.Run("import", "--db", db, "--quiet", Samples.Records).AssertExit(0);
        return db;
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_signal_stops_it_cleanly_and_the_port_is_free_again(string signal)
    {
        var db = Index();
        using var server = PithServe.Start(db);
        Assert.StartsWith("http://127.0.0.1:", server.Url, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/healthz")).StatusCode);
        if (signal == "TERM") server.Process.Terminate();
        else server.Process.Interrupt();
        var result = server.Process.WaitForExit();
        result.AssertExit(signal == "TERM" ? 143 : 130);
        result.AssertNoStackTrace();
        Assert.EndsWith("pith serve: stopped\n", result.Stderr, StringComparison.Ordinal);
        // Nothing listens there any more.
        var port = new Uri(server.Url).Port;
        using var probe = new TcpListener(IPAddress.Loopback, port);
        probe.Start();
    }

    [Fact]
    public void A_port_in_use_gets_one_line_and_exit_2()
    {
        var db = Index();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var result = PithProcess.Run("serve", "--db", db, "--listen", $"127.0.0.1:{port}");
        result.AssertExit(2);
        Assert.Equal($"pith: cannot listen on 127.0.0.1:{port}: the address is already in use\n", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void An_address_not_this_machine_s_gets_one_line_and_exit_2()
    {
        var db = Index();
        // 192.0.2.0/24 is for documentation (RFC 5737): no machine's own address.
        var result = PithProcess.Run("serve", "--db", db, "--listen", "192.0.2.1:0");
        result.AssertExit(2);
        Assert.Equal("pith: cannot listen on 192.0.2.1:0: the address is not one of this machine's\n", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void An_index_it_cannot_serve_is_refused_before_listening()
    {
        var missing = Path.Combine(_temp.Root, "none.db");
        var result = PithProcess.Run("serve", "--db", missing, "--listen", "127.0.0.1:0");
        result.AssertExit(2);
        Assert.Equal($"pith: no index at {missing} (run 'pith import' first, or name one with --db)\n", result.Stderr);
    }

    [Theory]
    [InlineData("8080")]
    [InlineData("127.0.0.1")]
    [InlineData("localhost:8080")]
    [InlineData("::1")]
    [InlineData("127.0.0.1:70000")]
    public void A_listen_address_without_ip_and_port_is_a_usage_error(string listen)
    {
        var result = PithProcess.Run("serve", "--db", Path.Combine(_temp.Root, "none.db"), "--listen", listen);
        result.AssertExit(2);
        Assert.StartsWith($"pith: --listen takes ADDR:PORT, an IP address and a port (127.0.0.1:8080, 0.0.0.0:8080, [::1]:8080), not '{listen}'\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_record_page_verifies_the_stored_copy_as_it_is_now_not_as_it_was_imported()
    {
        var db = Index();
        var (number, code) = (Samples.Seeds[1].PithNumber, ServedCorpus.CodeOf(Samples.Seeds[1].PithNumber));
        using var server = PithServe.Start(db);
        Assert.Contains("Valid: every check passed", await server.Client.GetStringAsync($"/pith/{code}"), StringComparison.Ordinal);
        // The stored bytes changed behind the index's back (bit rot, an edit): the title no longer hashes as signed.
        using (var connection = Import.IndexFile.Open(db))
        {
            using var command = connection.CreateCommand();
            command.CommandText =
                $"UPDATE record_originals SET original = CAST(replace(original, 'Autoencoders', 'Autoencoderz') AS BLOB) WHERE record_id = (SELECT id FROM records WHERE pith_number = '{number}')";
            Assert.Equal(1, command.ExecuteNonQuery());
        }
        var page = await server.Client.GetStringAsync($"/pith/{code}");
        Assert.Contains("Not valid: title_hash: ", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"mono\">title_hash</td><td class=\"fail\">FAIL</td>", page, StringComparison.Ordinal);
        Assert.Contains("<th>paper.title</th><td>k-Sparse Autoencoderz</td>", page, StringComparison.Ordinal);
        server.Stop().AssertExit(143);
    }

    [Fact]
    public async Task Markup_in_a_stored_title_is_text_on_the_record_page_and_the_search_page()
    {
        var db = Index();
        var (number, code) = (Samples.Seeds[1].PithNumber, ServedCorpus.CodeOf(Samples.Seeds[1].PithNumber));
        // A title holding markup, in the stored copy and in the index's title column (which the search and the heading read).
        const string title = "k-Sparse <script>alert(1)</script> & <b>Autoencoders";
        using (var connection = Import.IndexFile.Open(db))
        {
            using var command = connection.CreateCommand();
            command.CommandText =
                $"""
                UPDATE record_originals SET original = CAST(replace(original, 'k-Sparse Autoencoders', '{title}') AS BLOB) WHERE record_id = (SELECT id FROM records WHERE pith_number = '{number}');
                UPDATE records SET title = '{title}' WHERE pith_number = '{number}';
                """;
            Assert.Equal(2, command.ExecuteNonQuery());
        }
        using var server = PithServe.Start(db);
        const string escaped = "k-Sparse &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;Autoencoders";

        var page = await server.Client.GetStringAsync($"/pith/{code}");
        var search = await server.Client.GetStringAsync("/?q=sparse+autoencoders");

        Assert.Contains($"<h1>{escaped}</h1>", page, StringComparison.Ordinal);
        Assert.Contains($"<th>paper.title</th><td>{escaped}</td>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/pith/{code}\">{escaped}</a>", search, StringComparison.Ordinal);
        foreach (var html in new[] { page, search })
        {
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        }
        server.Stop().AssertExit(143);
    }

    [Fact]
    public async Task An_import_into_the_index_while_it_serves_is_seen_by_the_next_request()
    {
        var db = Index();
        using var server = PithServe.Start(db);
        var before = await server.Client.GetStringAsync("/healthz");
        Assert.Contains("\"records\":3,", before, StringComparison.Ordinal);
        // The server holds no lock between requests: the import gets its write lock and commits.
        var folder = Path.Combine(_temp.Root, "more");
        _temp.Write(Path.Combine("more", "a.json"), Pith.Testing.RecordFactory.ToBytes(IndexedCorpus.Create("2403.00001", 1, "Added while serving")));
        var key = Import.PithImport.WriteTestKey(_temp);
        PithProcess.Run("import", "--db", db, "--keys", key, "--quiet", "--lock-timeout", "10", folder).AssertExit(0);
        Assert.Contains("\"records\":4,", await server.Client.GetStringAsync("/healthz"), StringComparison.Ordinal);
        Assert.Contains("Added while serving", await server.Client.GetStringAsync("/api/search?q=added+serving"), StringComparison.Ordinal);
        server.Stop().AssertExit(143);
    }
}
