using Microsoft.AspNetCore.Http;

namespace Pith.Server;

/// <summary>
/// Every route the server answers, GET and HEAD only (<see cref="Methods"/>), in one table: a new route is one line here and a handler of its own. Nothing
/// else is served (no files): any other path is a 404 (<see cref="Responses.NoSuchRoute"/>).
/// </summary>
internal static class Routes
{
    public static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    // The first pattern that matches takes the request, so a code with a suffix (".json") comes before the bare code.
    public static readonly RoutePattern[] All =
    [
        new("/", SearchPage.Handle),
        new("/healthz", HealthEndpoint.Handle),
        new("/pith/{code}.json", DocumentEndpoint.Record),
        new("/pith/{code}", RecordPage.Handle),
        new("/pith/{code}/bundle.json", DocumentEndpoint.Bundle),
        new("/.well-known/pith/{code}/bundle.json", DocumentEndpoint.Bundle),
        new("/pith/{code}/state.json", DocumentEndpoint.State),
        new("/api/pith-number/resolve", ResolveEndpoint.Handle),
        new("/api/search", SearchEndpoint.Handle),
        new("/feed.jsonl", FeedEndpoint.Handle),
    ];

    /// <summary>The route <paramref name="path"/> (as Kestrel decoded it) names, with its code (or ""), or null when none does.</summary>
    public static RoutePattern? Match(string path, out string code)
    {
        foreach (var route in All)
        {
            if (route.Matches(path, out code)) return route;
        }
        code = "";
        return null;
    }
}
