using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace Pith.Cli.Tests.Serve;

/// <summary>
/// Paths that try to reach outside the routes: dot segments (plain, encoded, doubly encoded, with backslashes), encoded
/// slashes, NUL bytes, over-long codes. Each is sent as raw bytes on a socket, so no client tidies it first; none may
/// get anything but an error, and none a file.
/// </summary>
[Collection(ServedCorpusCollection.Name)]
public sealed class ServePathTests(ServedCorpus served)
{
    private static readonly string Code = ServedCorpus.CodeOf(Samples.Seeds[0].PithNumber);

    public static TheoryData<string> Traversals => new()
    {
        "/pith/../index.db",
        "/pith/../../../../etc/passwd",
        "/pith/%2e%2e/%2e%2e/etc/passwd",
        "/pith/%2E%2E%2Fetc%2Fpasswd.json",
        "/pith/..%2F..%2Fetc%2Fpasswd/bundle.json",
        "/pith/%252e%252e%252fetc%252fpasswd.json",
        "/pith/..%5C..%5Cetc%5Cpasswd.json",
        "/.well-known/pith/../../index.db",
        "/.well-known/pith/%2e%2e%2f%2e%2e%2findex.db/bundle.json",
        $"/pith/{Code}%2F..%2F..%2Findex.db",
        $"/pith/{Code}/../../index.db",
        $"/pith/{Code}%00.json",
        $"/pith/{Code}/..%2Fstate.json",
        "/pith/" + new string('A', 4000) + ".json",
        "/api/search/../../index.db",
        "//etc/passwd",
    };

    [Theory]
    [MemberData(nameof(Traversals))]
    public void A_path_trick_gets_an_error_and_never_a_file(string path)
    {
        var (status, body) = RawGet(path);
        Assert.True(status is 400 or 404, $"{path}: HTTP {status}: {body}");
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite format", body, StringComparison.Ordinal);
        Assert.DoesNotContain("record_type", body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_request_without_the_trick_is_served()
    {
        var (status, body) = RawGet($"/pith/{Code}.json");
        Assert.Equal(200, status);
        Assert.Contains("record_type", body, StringComparison.Ordinal);
    }

    // One HTTP/1.1 request as written, read to the end (Connection: close).
    private (int Status, string Body) RawGet(string path)
    {
        var url = new Uri(served.Server.Url);
        using var socket = new TcpClient(url.Host, url.Port);
        using var stream = socket.GetStream();
        var request = Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {url.Authority}\r\nConnection: close\r\n\r\n");
        stream.Write(request);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = reader.ReadToEnd();
        var status = int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
    }
}
