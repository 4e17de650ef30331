using Microsoft.AspNetCore.Http;

namespace Pith.Server;

/// <summary>
/// Every route the server answers, GET and HEAD only (<see cref="Methods"/>), in one table: a new route is one line here and a handler of its own. Nothing
/// else is served (no files): any other path is a 404 (<see cref="Responses.NoSuchRoute"/>).
/// </summary>
internal static class Routes
{
    public static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    public static readonly (string Pattern, Func<ServedIndex, HttpContext, Task> Handle)[] All =
    [
        ("/", SearchPage.Handle),
        ("/healthz", HealthEndpoint.Handle),
        ("/pith/{code}", RecordPage.Handle),
        ("/pith/{code}.json", DocumentEndpoint.Record),
        ("/pith/{code}/bundle.json", DocumentEndpoint.Bundle),
        ("/.well-known/pith/{code}/bundle.json", DocumentEndpoint.Bundle),
        ("/pith/{code}/state.json", DocumentEndpoint.State),
        ("/api/pith-number/resolve", ResolveEndpoint.Handle),
        ("/api/search", SearchEndpoint.Handle),
        ("/feed.jsonl", FeedEndpoint.Handle),
    ];
}
