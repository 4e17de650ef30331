using Microsoft.AspNetCore.Http;
using Pith.Index.Stats;

namespace Pith.Server;

/// <summary>
/// <c>GET /healthz</c>: 200 and what the index holds (<see cref="IndexCounts"/>: counted at import, read in a few rows) when
/// the index can be read; 503 with the reason when it cannot (an import left it mid-write, say).
/// </summary>
internal static class HealthEndpoint
{
    public static Task Handle(ServedIndex index, HttpContext http)
    {
        var counts = index.Pool.With(session => IndexCounts.Read(session.Reader));
        return Responses.WriteJson(http, StatusCodes.Status200OK, json =>
        {
            json.WriteStartObject();
            json.WriteString("status", "ok");
            json.WriteNumber("records", counts.Records);
            json.WriteNumber("history_copies", counts.HistoryCopies);
            json.WriteNumber("documents", counts.Documents);
            json.WriteString("last_import_finished_at", counts.LastImportFinishedAt);
            json.WriteEndObject();
        });
    }
}
