using System.Net;
using System.Text;

namespace Pith.Server;

/// <summary>
/// The frame of every HTML page: one style sheet inline, no script, and <see cref="Text"/>, through which every piece of
/// text from a record or a request reaches the page, HTML-escaped.
/// </summary>
internal sealed class HtmlPage
{
    private readonly StringBuilder _body = new();

    public static string Text(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>Markup written as it is: only literals and what <see cref="Text"/> escaped go here.</summary>
    public HtmlPage Raw(string html)
    {
        _body.Append(html);
        return this;
    }

    public string Render(string title) =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Text(title)}</title>
        <style>{Style}</style>
        </head>
        <body>
        <header><a href="/" class="home">pith mirror</a></header>
        <main>
        {_body}
        </main>
        </body>
        </html>
        """;

    private const string Style =
        """
        body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1d2430;background:#f6f7f9}
        header{background:#1d2430;padding:.6rem 1.5rem}header a.home{color:#fff;font-weight:600;text-decoration:none;letter-spacing:.02em}
        main{max-width:62rem;margin:1.5rem auto;padding:0 1.5rem 2rem;background:#fff;border:1px solid #dde1e7;border-radius:6px}
        h1{font-size:1.45rem;line-height:1.3;margin:1.2rem 0 .3rem}h2{font-size:1.1rem;margin:1.6rem 0 .5rem;border-bottom:1px solid #e4e7ec;padding-bottom:.2rem}
        code,.mono{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.9em}
        table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.3rem .6rem;border-bottom:1px solid #eef0f3}
        th{font-weight:600;color:#4a5568;white-space:nowrap;width:9.5rem}td.detail{color:#4a5568;font-size:.9em;overflow-wrap:anywhere}
        .pass{color:#17663a;font-weight:600}.fail{color:#b42318;font-weight:600}.skip{color:#8a6d00;font-weight:600}
        .mark{font-size:.8em;padding:.05rem .45rem;border-radius:999px;white-space:nowrap}
        .signed{background:#e3f4e8;color:#17663a}.checked{background:#e8eefb;color:#2346a0}.unsigned{background:#f1f2f4;color:#5a6270}
        .verdict{padding:.6rem .8rem;border-radius:4px;margin:.8rem 0}.verdict.ok{background:#e3f4e8}.verdict.bad{background:#fde8e7}
        form{display:flex;gap:.5rem;margin:1.2rem 0}input[type=search]{flex:1;font:inherit;padding:.45rem .6rem;border:1px solid #c5cbd3;border-radius:4px}
        button{font:inherit;padding:.45rem 1rem;border:0;border-radius:4px;background:#2346a0;color:#fff}
        table.checks th{width:auto}table.checks td:first-child{width:15rem}table.checks td:nth-child(2){width:7rem;white-space:nowrap}
        .muted{color:#6b7280;font-size:.9em}ol.hits{padding-left:1.5rem}ol.hits li{margin:.5rem 0}a{color:#2346a0}
        @media (max-width:40rem){main{margin:0;padding:0 1rem 1.5rem;border:0;border-radius:0}td,.verdict{overflow-wrap:anywhere}
        table,tbody,tr,th,td{display:block;width:auto!important}tr{padding:.35rem 0;border-bottom:1px solid #eef0f3}
        th,td{border:0;padding:.1rem 0;white-space:normal}table.checks tr:first-child{display:none}}
        """;
}
