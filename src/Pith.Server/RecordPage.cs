using Microsoft.AspNetCore.Http;
using Pith.Core.Documents;
using Pith.Core.Verification;
using Pith.Index.Query;

namespace Pith.Server;

/// <summary>
/// <c>GET /pith/{code}</c>: the record as a page: its title, Pith number, source, aliases, documents, its fields marked
/// signed or not, and every verification check with its outcome. The checks are run again (Pith.Core's verifier, the
/// server's trusted keys) on the stored copy each time the page is asked for, so the page says what the bytes served
/// prove now, not what the import once found.
/// </summary>
internal static class RecordPage
{
    public static async Task Handle(ServedIndex index, HttpContext http)
    {
        if (await CodeRoute.Code(http) is not { } code) return;
        var record = index.Pool.With(session =>
        {
            var resolution = session.Resolver.Resolve(code);
            return resolution.Status == ResolutionStatus.Resolved ? session.Reader.ReadRecord(resolution.Matches[0]) : null;
        });
        if (record is null)
        {
            await Responses.WriteHtml(http, StatusCodes.Status404NotFound,
                new HtmlPage().Raw($"<h1>Not in this index</h1><p>No record has the code <code>{HtmlPage.Text(code)}</code>.</p>").Render("Not found"));
            return;
        }
        var result = index.Verifier.Verify(record.Original);
        await Responses.WriteHtml(http, StatusCodes.Status200OK, Render(code, record, result));
    }

    private static string Render(string code, StoredRecord record, VerificationResult result)
    {
        var match = record.Match;
        var page = new HtmlPage();
        page.Raw($"<h1>{HtmlPage.Text(record.Title ?? "(untitled)")}</h1>");
        page.Raw($"<p class=\"mono\">{HtmlPage.Text(match.PithNumber)}</p>");
        Verdict(page, result);

        page.Raw("<h2>Record</h2><table>");
        Row(page, "Pith number", $"<span class=\"mono\">{HtmlPage.Text(match.PithNumber)}</span>");
        Row(page, "source", $"{HtmlPage.Text(record.SourceKind)} <a href=\"https://arxiv.org/abs/{Uri.EscapeDataString(match.SourceId).Replace("%2F", "/", StringComparison.Ordinal)}v{match.Version}\">{HtmlPage.Text(match.SourceId)}v{match.Version}</a>");
        if (result.Record is { } verified)
            Row(page, "aliases", string.Join("<br>", verified.Aliases.Select(a => $"<span class=\"muted\">{HtmlPage.Text(a.Kind)}</span> <span class=\"mono\">{HtmlPage.Text(a.Value)}</span>")));
        Row(page, "other versions", record.OtherVersions.Count == 0
            ? "none indexed"
            : string.Join("<br>", record.OtherVersions.Select(v => $"<a href=\"/pith/{HtmlPage.Text(CodeRoute.CodeOf(v.PithNumber))}\">{HtmlPage.Text(v.SourceId)}v{v.Version}</a> <span class=\"mono muted\">{HtmlPage.Text(v.PithNumber)}</span>")));
        Row(page, "documents", string.Join("<br>", record.DocumentTypes.Select(type => DocumentLink(code, type))));
        Row(page, "key", record.Unsigned ? "none: unsigned (only a state file brought this record)" : $"<span class=\"mono\">{HtmlPage.Text(record.KeyId)}</span>");
        Row(page, "imported", $"{HtmlPage.Text(record.ImportedAt)} <span class=\"muted\">from {HtmlPage.Text(record.ImportedFrom)} (run {record.RunId})</span>");
        Row(page, "older copies", record.OlderCopies == 0 ? "none" : $"{record.OlderCopies} kept (the resolver reissued this record)");
        page.Raw("</table>");

        Fields(page, record);

        page.Raw("<h2>Verification</h2><p class=\"muted\">Every check, run again on the stored copy when this page was made, against the keys this server trusts.</p>");
        page.Raw("<table class=\"checks\"><tr><th>check</th><th>outcome</th><th>detail</th></tr>");
        foreach (var check in result.Checks)
        {
            var (css, word) = check.Status switch
            {
                CheckStatus.Pass => ("pass", "pass"),
                CheckStatus.Fail => ("fail", "FAIL"),
                _ => ("skip", "not checked"),
            };
            page.Raw($"<tr><td class=\"mono\">{HtmlPage.Text(check.Name)}</td><td class=\"{css}\">{word}</td><td class=\"detail\">{HtmlPage.Text(check.Detail)}</td></tr>");
        }
        page.Raw("</table>");
        return page.Render((record.Title ?? match.PithNumber) + " · " + match.PithNumber);
    }

    private static void Verdict(HtmlPage page, VerificationResult result)
    {
        var (css, text) = result.Valid ? ("ok", "Valid: every check passed and the receipt's signature verifies with a trusted key.")
            : result.Consistent ? ("ok", "Consistent, unsigned: no check failed, but no receipt was verified.")
            : ("bad", $"Not valid: {result.Reason?.Name}: {result.Reason?.Detail}");
        page.Raw($"<p class=\"verdict {css}\">{HtmlPage.Text(text)}</p>");
    }

    private static void Fields(HtmlPage page, StoredRecord record)
    {
        var fields = RecordFields.Displayed(record.Original);
        if (fields.Count == 0) return;
        page.Raw("<h2>Fields</h2><table>");
        foreach (var (name, value, signing) in fields)
        {
            var css = signing switch { FieldSigning.Signed => "signed", FieldSigning.CaseAndWhiteSpace => "checked", _ => "unsigned" };
            var mark = $"<span class=\"mark {css}\">{HtmlPage.Text(signing.Describe())}</span>";
            page.Raw($"<tr><th>{HtmlPage.Text(name)}</th><td>{(value.Length == 0 ? "<span class=\"muted\">(empty)</span>" : HtmlPage.Text(value))}</td><td>{mark}</td></tr>");
        }
        page.Raw("</table>");
    }

    private static string DocumentLink(string code, string type) => type switch
    {
        DocumentType.Record => $"<a href=\"/pith/{code}.json\">record</a> <span class=\"muted\">{type}</span>",
        DocumentType.Bundle => $"<a href=\"/pith/{code}/bundle.json\">bundle</a> <span class=\"muted\">{type}</span>",
        DocumentType.State => $"<a href=\"/pith/{code}/state.json\">state file</a> <span class=\"muted\">{type}</span>",
        _ => HtmlPage.Text(type),
    };

    private static void Row(HtmlPage page, string name, string html) => page.Raw($"<tr><th>{HtmlPage.Text(name)}</th><td>{html}</td></tr>");
}
