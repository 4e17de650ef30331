using System.Text.Json;
using Pith.Core.Identifiers;
using Pith.Index.Query;

namespace Pith.Cli.Rendering;

/// <summary>
/// The stable <c>pith resolve --json</c> form: one object per alias, in input order, one per line. Fields are only
/// ever added.
/// </summary>
public static class ResolutionJson
{
    public static void Write(Utf8JsonWriter json, Resolution resolution)
    {
        json.WriteStartObject();
        json.WriteString("query", resolution.Text);
        json.WriteString("kind", resolution.Query is { } query ? KindName(query.Kind) : null);
        json.WriteString("normalized", resolution.Query?.Value);
        json.WriteString("status", StatusName(resolution.Status));
        json.WriteString("reason", resolution.Reason);
        json.WriteStartArray("matches");
        foreach (var match in resolution.Matches) match.WriteJson(json);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string KindName(AliasQueryKind kind) => kind switch
    {
        AliasQueryKind.Arxiv => "arxiv",
        AliasQueryKind.ArxivVersion => "arxiv_version",
        AliasQueryKind.Doi => "doi",
        AliasQueryKind.PithNumber => "pith_number",
        AliasQueryKind.PithCode => "pith_code",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string StatusName(ResolutionStatus status) => status switch
    {
        ResolutionStatus.Resolved => "resolved",
        ResolutionStatus.Invalid => "invalid",
        ResolutionStatus.NotFound => "not_found",
        ResolutionStatus.Ambiguous => "ambiguous",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
