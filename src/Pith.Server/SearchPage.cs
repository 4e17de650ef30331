using Microsoft.AspNetCore.Http;
using Pith.Index.Search;
using Pith.Index.Stats;

namespace Pith.Server;

/// <summary>
/// <c>GET /?q=…</c>: a form (it works without scripts: a plain GET), the best title matches linking to their record pages,
/// and what the index holds (<see cref="IndexCounts"/>, counted at import).
/// </summary>
internal static class SearchPage
{
    public static async Task Handle(ServedIndex index, HttpContext http)
    {
        var text = http.Request.Query["q"].ToString();
        var counts = index.Pool.With(session => IndexCounts.Read(session.Reader));
        var page = new HtmlPage();
        page.Raw("<h1>Search the records by title</h1>");
        page.Raw($"<p class=\"muted\">{counts.Records:N0} records indexed, {counts.HistoryCopies:N0} older copies and {counts.Documents:N0} bundles and state files kept"
                 + (counts.LastImportFinishedAt is { } at ? $"; last import finished {HtmlPage.Text(at)}" : "") + ".</p>");
        page.Raw($"<form method=\"get\" action=\"/\"><input type=\"search\" name=\"q\" value=\"{HtmlPage.Text(text)}\" placeholder=\"words of a title, e.g. grokking compression\" aria-label=\"title words\"><button type=\"submit\">Search</button></form>");
        var status = StatusCodes.Status200OK;
        if (text.Length > 0)
        {
            if (SearchQuery.Parse(text) is { Success: false } refused)
            {
                status = StatusCodes.Status400BadRequest;
                page.Raw($"<p>The search text {HtmlPage.Text(refused.Error!)}.</p>");
            }
            else
            {
                Hits(page, text, SearchEndpoint.Search(index, text, SearchEndpoint.DefaultLimit));
            }
        }
        page.Raw("<p class=\"muted\">Also: <code>/pith/CODE</code> (a record), <code>/pith/CODE.json</code>, <code>/api/pith-number/resolve?q=ALIAS</code>, <code>/api/search?q=WORDS</code>, <code>/healthz</code>.</p>");
        await Responses.WriteHtml(http, status, page.Render(text.Length > 0 ? $"{text} · pith search" : "pith search"));
    }

    private static void Hits(HtmlPage page, string text, IReadOnlyList<SearchHit> hits)
    {
        if (hits.Count == 0)
        {
            page.Raw($"<p>No title holds every word of <q>{HtmlPage.Text(text)}</q>.</p>");
            return;
        }
        page.Raw("<ol class=\"hits\">");
        foreach (var hit in hits)
        {
            page.Raw($"<li><a href=\"/pith/{HtmlPage.Text(CodeRoute.CodeOf(hit.PithNumber))}\">{HtmlPage.Text(hit.Title ?? "(untitled)")}</a><br>" +
                     $"<span class=\"mono muted\">{HtmlPage.Text(hit.PithNumber)} · {HtmlPage.Text(hit.SourceId)}v{hit.SourceVersion}</span></li>");
        }
        page.Raw("</ol>");
    }
}
