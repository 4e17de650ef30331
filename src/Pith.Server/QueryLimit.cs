using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Pith.Server;

/// <summary>The <c>limit=</c> of a request: absent, the default; else one whole number in range, or null (a 400).</summary>
internal static class QueryLimit
{
    public static int? Of(HttpContext http, int defaultLimit, int max)
    {
        var given = http.Request.Query["limit"];
        if (given.Count == 0) return defaultLimit;
        return given.Count == 1 && int.TryParse(given[0], NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit >= 1 && limit <= max
            ? limit
            : null;
    }
}
