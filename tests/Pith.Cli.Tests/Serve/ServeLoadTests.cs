using System.Net;
using Xunit;

namespace Pith.Cli.Tests.Serve;

/// <summary>A bounded load: 16 clients at once, a few hundred requests each, over every kind of route. All must succeed (no timing is asserted).</summary>
[Collection(ServedCorpusCollection.Name)]
public sealed class ServeLoadTests(ServedCorpus served)
{
    private const int Clients = 16;
    private const int RequestsEach = 200;

    [Fact]
    public async Task Sixteen_concurrent_clients_all_get_their_answers()
    {
        var code = ServedCorpus.CodeOf(Samples.Seeds[0].PithNumber);
        var expected = Samples.ReadBytes(Samples.Seeds[0].Path);
        string[] paths = [$"/pith/{code}.json", "/api/pith-number/resolve?arxiv=2310.05918", "/api/search?q=sparse", $"/pith/{code}/bundle.json", "/healthz"];
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            using var http = new HttpClient { BaseAddress = new Uri(served.Server.Url) };
            for (var i = 0; i < RequestsEach; i++)
            {
                var path = paths[(client + i) % paths.Length];
                using var response = await http.GetAsync(path);
                var body = await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode != HttpStatusCode.OK || body.Length == 0 || (path == paths[0] && !body.AsSpan().SequenceEqual(expected)))
                    Interlocked.Increment(ref failures);
            }
        })));
        Assert.Equal(0, failures);
    }
}
