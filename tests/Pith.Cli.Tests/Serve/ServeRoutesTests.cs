using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Pith.Cli.Tests.Serve;

/// <summary>Every route of <c>pith serve</c>, over loopback, against what the index stores and what the CLI prints.</summary>
[Collection(ServedCorpusCollection.Name)]
public sealed class ServeRoutesTests(ServedCorpus served)
{
    private static readonly string SeedCode = ServedCorpus.CodeOf(Samples.Seeds[0].PithNumber);

    private HttpClient Client => served.Client;

    [Fact]
    public async Task A_record_is_its_stored_bytes_exactly_as_json_with_a_strong_etag_and_304_when_it_matches()
    {
        using var response = await Client.GetAsync($"/pith/{SeedCode}.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Samples.ReadBytes(Samples.Seeds[0].Path), bytes);
        var tag = response.Headers.ETag!;
        Assert.False(tag.IsWeak);
        Assert.Equal($"\"sha256-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))}\"", tag.Tag);

        foreach (var sent in new[] { tag.Tag, $"W/{tag.Tag}", $"\"other\", {tag.Tag}", "*" })
        {
            using var again = new HttpRequestMessage(HttpMethod.Get, $"/pith/{SeedCode}.json");
            again.Headers.TryAddWithoutValidation("If-None-Match", sent);
            using var notModified = await Client.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
            Assert.Equal(tag, notModified.Headers.ETag);
        }
        using var stale = new HttpRequestMessage(HttpMethod.Get, $"/pith/{SeedCode}.json");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"sha256-0000\""));
        using var full = await Client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal(bytes, await full.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Bundles_and_state_files_are_the_kept_documents_at_the_resolvers_paths()
    {
        var bundle = Pith.Testing.RecordFactory.ToBytes(MirrorDocuments.Bundle(0));
        var state = Pith.Testing.RecordFactory.ToBytes(MirrorDocuments.State(1));
        var stateCode = ServedCorpus.CodeOf(Samples.Seeds[1].PithNumber);
        foreach (var path in new[] { $"/pith/{SeedCode}/bundle.json", $"/.well-known/pith/{SeedCode}/bundle.json" })
        {
            using var response = await Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(bundle, await response.Content.ReadAsByteArrayAsync());
            Assert.NotNull(response.Headers.ETag);
        }
        Assert.Equal(state, await Client.GetByteArrayAsync($"/pith/{stateCode}/state.json"));

        // A record that only a bundle brought: its bundle is served, and it has no record document.
        var bundled = ServedCorpus.CodeOf(served.Corpus.BundledPithNumber!);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/pith/{bundled}/bundle.json")).StatusCode);
        await AssertError(await Client.GetAsync($"/pith/{bundled}.json"), HttpStatusCode.NotFound, $"{served.Corpus.BundledPithNumber} is indexed, but no record of it was kept");
        await AssertError(await Client.GetAsync($"/pith/{SeedCode}/state.json"), HttpStatusCode.NotFound, $"{Samples.Seeds[0].PithNumber} is indexed, but no state file of it was kept");
    }

    [Fact]
    public async Task An_unknown_code_is_404_and_a_malformed_one_400_both_with_a_json_error()
    {
        const string unknown = "AAAAAAAAAAAAAAAAAAAAAAAAAA";
        foreach (var path in new[] { $"/pith/{unknown}.json", $"/pith/{unknown}/bundle.json", $"/.well-known/pith/{unknown}/bundle.json", $"/pith/{unknown}/state.json" })
            await AssertError(await Client.GetAsync(path), HttpStatusCode.NotFound, $"no record with the code {unknown} in this index");
        foreach (var code in new[] { SeedCode.ToLowerInvariant(), SeedCode[..8], SeedCode + "A", "3V7SYW4G2357KRLWH4ESWW6RS1", new string('A', 5000) })
        {
            foreach (var path in new[] { $"/pith/{code}.json", $"/pith/{code}/state.json", $"/pith/{code}" })
            {
                using var response = await Client.GetAsync(path);
                await AssertError(response, HttpStatusCode.BadRequest, "not a Pith code: a code is 26 characters of A-Z and 2-7, in upper case (e.g. 3V7SYW4G2357KRLWH4ESWW6RSL)");
            }
        }
    }

    [Fact]
    public async Task Resolve_answers_the_object_pith_resolve_json_prints()
    {
        foreach (var (query, alias, status) in new[]
                 {
                     ("arxiv=2310.05918", "2310.05918", HttpStatusCode.OK),
                     ("arxiv=arXiv%3A2312.01234v2", "arXiv:2312.01234v2", HttpStatusCode.OK),
                     ("doi=10.48550%2Farxiv.1312.5663", "10.48550/arxiv.1312.5663", HttpStatusCode.OK),
                     ("pith=pith%3Akxq2f5z7", "pith:kxq2f5z7", HttpStatusCode.OK),
                     ("q=https%3A%2F%2Farxiv.org%2Fabs%2F2310.05918", "https://arxiv.org/abs/2310.05918", HttpStatusCode.OK),
                     ("q=2401.09999", "2401.09999", HttpStatusCode.NotFound),
                     ("q=hello%20world", "hello world", HttpStatusCode.BadRequest),
                 })
        {
            using var response = await Client.GetAsync("/api/pith-number/resolve?" + query);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
            var cli = served.Corpus.Run("resolve", "--json", "--", alias);
            Assert.Equal(cli.Stdout, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Resolve_takes_exactly_one_parameter_and_each_only_its_own_kind()
    {
        await AssertError(await Client.GetAsync("/api/pith-number/resolve"), HttpStatusCode.BadRequest, "give exactly one of arxiv=, doi=, pith= or q=, once");
        await AssertError(await Client.GetAsync("/api/pith-number/resolve?arxiv=2310.05918&q=x"), HttpStatusCode.BadRequest, "give exactly one of arxiv=, doi=, pith= or q=, once");
        await AssertError(await Client.GetAsync("/api/pith-number/resolve?q=a&q=b"), HttpStatusCode.BadRequest, "give exactly one of arxiv=, doi=, pith= or q=, once");
        await AssertError(await Client.GetAsync("/api/pith-number/resolve?arxiv=pith%3A3V7SYW4G"), HttpStatusCode.BadRequest,
            "arxiv= takes an arXiv id; 'pith:3V7SYW4G' is a pith_code alias (use q= for any alias)");
    }

    [Fact]
    public async Task Search_answers_the_lines_pith_search_json_prints()
    {
        foreach (var (query, words) in new[] { ("q=sparse+attention", "sparse attention"), ("q=sparse&limit=2", "sparse"), ("q=schr%C3%B6dinger+nothing", "schrödinger nothing") })
        {
            using var response = await Client.GetAsync("/api/search?" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var limit = query.Contains("limit=2", StringComparison.Ordinal) ? ["--limit", "2"] : Array.Empty<string>();
            var cli = served.Corpus.Run("search", [.. limit, "--json", "--", .. words.Split(' ')]);
            Assert.Equal(cli.Stdout, await response.Content.ReadAsStringAsync());
        }
        await AssertError(await Client.GetAsync("/api/search?q=%21%21%21"), HttpStatusCode.BadRequest, "q= holds no words to search titles for");
        var tooMany = string.Join('+', Enumerable.Range(0, 65).Select(i => $"word{i:D3}"));
        await AssertError(await Client.GetAsync("/api/search?q=" + tooMany), HttpStatusCode.BadRequest, "q= holds 65 different words; at most 64 are searched at once");
        using (var most = await Client.GetAsync("/api/search?q=" + string.Join('+', Enumerable.Repeat(tooMany[..tooMany.LastIndexOf('+')], 10))))
        {
            Assert.Equal(HttpStatusCode.OK, most.StatusCode);
            Assert.Equal("", await most.Content.ReadAsStringAsync());
        }
        foreach (var limit in new[] { "0", "101", "x", "-1" })
            await AssertError(await Client.GetAsync($"/api/search?q=sparse&limit={limit}"), HttpStatusCode.BadRequest, "limit= is a whole number from 1 to 100");
    }

    [Fact]
    public async Task Healthz_gives_the_counts_the_import_kept()
    {
        using var response = await Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var stats = JsonDocument.Parse(served.Corpus.Run("stats", "--json").Stdout).RootElement;
        Assert.Equal("ok", health.RootElement.GetProperty("status").GetString());
        Assert.Equal(stats.GetProperty("records").GetInt64(), health.RootElement.GetProperty("records").GetInt64());
        Assert.Equal(IndexedCorpus.Records + IndexedCorpus.MirrorRecords, health.RootElement.GetProperty("records").GetInt64());
        Assert.Equal(stats.GetProperty("history_copies").GetInt64(), health.RootElement.GetProperty("history_copies").GetInt64());
        Assert.Equal(IndexedCorpus.MirrorDocumentsKept, health.RootElement.GetProperty("documents").GetInt64());
    }

    [Fact]
    public async Task The_record_page_shows_the_record_its_marked_fields_and_every_check_run_again()
    {
        using var response = await Client.GetAsync($"/pith/{SeedCode}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Grokking as Compression: A Nonlinear Complexity Perspective</h1>", html, StringComparison.Ordinal);
        Assert.Contains(Samples.Seeds[0].PithNumber, html, StringComparison.Ordinal);
        Assert.Contains("Valid: every check passed", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"mono\">signature</td><td class=\"pass\">pass</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th>license</th><td>http://creativecommons.org/licenses/by/4.0/</td><td><span class=\"mark signed\">signed</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"mark checked\">checked up to case and white space</span>", html, StringComparison.Ordinal);
        Assert.Contains("<th>paper.authors_text</th><td>Max Tegmark, Ziming Liu, Ziqian Zhong</td><td><span class=\"mark unsigned\">not signed</span>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/pith/{SeedCode}/bundle.json\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
            response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task The_record_page_fits_a_phone_screen_its_tables_stacking_and_long_values_wrapping()
    {
        // The page declares a device-wide viewport: on a phone (400 px wide in headless Chromium) its three-column tables
        // ran off the right edge and squeezed the checks' details to a letter a line. Under 40rem every table row stacks
        // its cells, and a hash or a long code breaks anywhere rather than widening the page.
        var html = await Client.GetStringAsync($"/pith/{SeedCode}");
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
        Assert.Contains("@media (max-width:40rem){", html, StringComparison.Ordinal);
        Assert.Contains("table,tbody,tr,th,td{display:block;width:auto!important}", html, StringComparison.Ordinal);
        Assert.Contains("td,.verdict{overflow-wrap:anywhere}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_text_is_escaped_on_both_pages()
    {
        // The escape title holds ESC; a title with markup would be the same path: every record string goes through HtmlPage.Text.
        var search = await Client.GetStringAsync("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E+terminal");
        Assert.Contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt; terminal\"", search, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", search, StringComparison.Ordinal);
        var hits = await Client.GetStringAsync("/?q=sparse+attention");
        Assert.Contains("Sparse attention for long documents, revised</a>", hits, StringComparison.Ordinal);
        Assert.Contains($"{IndexedCorpus.Records + IndexedCorpus.MirrorRecords} records indexed", hits, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_on_every_route_answers_as_get_does_without_a_body()
    {
        var stateCode = ServedCorpus.CodeOf(Samples.Seeds[1].PithNumber);
        foreach (var path in new[]
                 {
                     "/", "/?q=sparse+attention", "/healthz", $"/pith/{SeedCode}", $"/pith/{SeedCode}.json", $"/pith/{SeedCode}/bundle.json",
                     $"/.well-known/pith/{SeedCode}/bundle.json", $"/pith/{stateCode}/state.json", "/api/pith-number/resolve?arxiv=2310.05918",
                     "/api/search?q=sparse+attention", "/feed.jsonl?limit=2",
                     // Errors too: unknown, malformed, no such route.
                     "/pith/AAAAAAAAAAAAAAAAAAAAAAAAAA.json", "/pith/abc.json", "/nowhere",
                 })
        {
            using var get = await Client.GetAsync(path);
            var body = await get.Content.ReadAsByteArrayAsync();
            using var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            Assert.True(get.StatusCode == head.StatusCode, $"{path}: GET {get.StatusCode}, HEAD {head.StatusCode}");
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
            Assert.Equal(body.Length, head.Content.Headers.ContentLength);
            Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
            Assert.Equal(get.Headers.ETag, head.Headers.ETag);
            foreach (var name in new[] { "Pith-Cursor", "X-Content-Type-Options", "Content-Security-Policy" })
                Assert.Equal(get.Headers.TryGetValues(name, out var g) ? g : [], head.Headers.TryGetValues(name, out var h) ? h : []);
        }
        using var conditional = new HttpRequestMessage(HttpMethod.Head, $"/pith/{SeedCode}.json");
        conditional.Headers.TryAddWithoutValidation("If-None-Match", "*");
        Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(conditional)).StatusCode);
    }

    [Fact]
    public async Task Nothing_outside_the_routes_is_served()
    {
        foreach (var path in new[] { "/index.db", "/samples/records/pith-3V7SYW4G.json", "/pith", "/pith/", "/api/search/x", "/favicon.ico" })
            await AssertError(await Client.GetAsync(path), HttpStatusCode.NotFound, "no such route (see / for search and /pith/CODE for a record)");
        foreach (var path in new[] { $"/pith/{SeedCode}.json", $"/pith/{SeedCode}", "/nowhere" })
        {
            await AssertError(await Client.PostAsync(path, new StringContent("{}", Encoding.UTF8, "application/json")), HttpStatusCode.MethodNotAllowed,
                "only GET and HEAD are served: this server is read-only");
        }
    }

    [Fact]
    public async Task Literal_parts_of_a_route_match_in_any_case_and_one_trailing_slash_is_allowed_but_not_an_empty_segment()
    {
        foreach (var (path, status) in new[]
                 {
                     ("/HEALTHZ", HttpStatusCode.OK), ("/healthz/", HttpStatusCode.OK), ("/healthz//", HttpStatusCode.NotFound),
                     ($"/PITH/{SeedCode}", HttpStatusCode.OK), ($"/pith/{SeedCode}/", HttpStatusCode.OK), ($"/pith/{SeedCode}.JSON", HttpStatusCode.OK),
                     ($"/pith/{SeedCode}/bundle.json/", HttpStatusCode.OK), ($"/pith//{SeedCode}.json", HttpStatusCode.NotFound),
                     ($"/pith/{SeedCode}/bundle.json//", HttpStatusCode.NotFound), ("/api/search/", HttpStatusCode.BadRequest),
                     // The code itself is case-sensitive, as the resolver's paths are: a lower-case code is malformed.
                     ($"/pith/{SeedCode.ToLowerInvariant()}.json", HttpStatusCode.BadRequest),
                 })
        {
            using var response = await Client.GetAsync(path);
            Assert.True(response.StatusCode == status, $"{path}: HTTP {(int)response.StatusCode}, expected {(int)status}");
        }
    }

    internal static async Task AssertError(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(error, body.RootElement.GetProperty("error").GetString());
            Assert.Equal((int)status, body.RootElement.GetProperty("status").GetInt32());
        }
    }
}
