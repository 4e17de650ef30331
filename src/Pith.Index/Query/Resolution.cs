using System.Text.Json;
using Pith.Core.Identifiers;

namespace Pith.Index.Query;

/// <summary>
/// What one alias resolved to: the text as given, how it was understood (null when it was not understood), the
/// outcome, the matching records and, unless resolved, a one-line reason.
/// </summary>
public sealed record Resolution(string Text, AliasQuery? Query, ResolutionStatus Status, IReadOnlyList<RecordMatch> Matches, string? Reason)
{
    /// <summary>
    /// The stable JSON form (<c>pith resolve --json</c>, the server's resolve API): one object. Fields are only ever added.
    /// </summary>
    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("query", Text);
        json.WriteString("kind", Query is { } query ? KindName(query.Kind) : null);
        json.WriteString("normalized", Query?.Value);
        json.WriteString("status", StatusName(Status));
        json.WriteString("reason", Reason);
        json.WriteStartArray("matches");
        foreach (var match in Matches)
        {
            json.WriteStartObject();
            json.WriteString("pith_number", match.PithNumber);
            json.WriteString("source_id", match.SourceId);
            json.WriteNumber("version", match.Version);
            json.WriteEndObject();
        }
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
