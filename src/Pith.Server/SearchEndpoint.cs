using Microsoft.AspNetCore.Http;
using Pith.Index.Search;

namespace Pith.Server;

/// <summary>
/// <c>GET /api/search?q=…&amp;limit=…</c>: the lines <c>pith search --json</c> prints (written by the same
/// <see cref="SearchHit.WriteJson"/>), as JSON Lines; no line when nothing matched. 400 for a text without words, with more
/// than <see cref="SearchQuery.MaxWords"/> different words, or a bad limit.
/// </summary>
internal static class SearchEndpoint
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static Task Handle(ServedIndex index, HttpContext http)
    {
        var text = http.Request.Query["q"].ToString();
        var query = SearchQuery.Parse(text);
        if (!query.Success)
            return Responses.Error(http, StatusCodes.Status400BadRequest, query.Error == SearchQuery.NoWords ? "q= holds no words to search titles for" : "q= " + query.Error);
        if (QueryLimit.Of(http, DefaultLimit, MaxLimit) is not { } limit)
            return Responses.Error(http, StatusCodes.Status400BadRequest, $"limit= is a whole number from 1 to {MaxLimit}");
        var hits = Search(index, text, limit);
        return Responses.WriteJsonLines(http, StatusCodes.Status200OK, Responses.JsonLines, hits.Select(hit => (Action<System.Text.Json.Utf8JsonWriter>)hit.WriteJson));
    }

    /// <summary>The best <paramref name="limit"/> title matches (shared with the search page).</summary>
    public static IReadOnlyList<SearchHit> Search(ServedIndex index, string text, int limit) => index.Pool.With(session =>
    {
        using var search = new TitleSearch(session.Database);
        return search.Search(text, limit);
    });
}
