using Microsoft.AspNetCore.Http;
using Pith.Core.Identifiers;
using Pith.Index.Query;

namespace Pith.Server;

/// <summary>
/// <c>GET /api/pith-number/resolve?arxiv=…|doi=…|pith=…|q=…</c>: the object <c>pith resolve --json</c> prints for the alias
/// (written by the same <see cref="Resolution.WriteJson"/>). <c>q</c> takes any alias form; the others only their own kind.
/// 200 resolved or ambiguous (every match listed), 404 not in the index, 400 not an alias of that kind.
/// </summary>
internal static class ResolveEndpoint
{
    private static readonly (string Parameter, string What, AliasQueryKind[] Kinds)[] Parameters =
    [
        ("arxiv", "an arXiv id", [AliasQueryKind.Arxiv, AliasQueryKind.ArxivVersion]),
        ("doi", "a DOI", [AliasQueryKind.Doi]),
        ("pith", "a Pith number or code", [AliasQueryKind.PithNumber, AliasQueryKind.PithCode]),
        ("q", "an alias", []),
    ];

    public static Task Handle(ServedIndex index, HttpContext http)
    {
        var given = Parameters.Where(p => http.Request.Query.ContainsKey(p.Parameter)).ToList();
        if (given.Count != 1 || http.Request.Query[given[0].Parameter].Count != 1)
            return Responses.Error(http, StatusCodes.Status400BadRequest, "give exactly one of arxiv=, doi=, pith= or q=, once");
        var (parameter, what, kinds) = given[0];
        var text = http.Request.Query[parameter].ToString();
        if (kinds.Length > 0 && AliasQuery.Parse(text) is { Success: true, Value: { } query } && !kinds.Contains(query.Kind))
            return Responses.Error(http, StatusCodes.Status400BadRequest, $"{parameter}= takes {what}; '{text}' is a {Resolution.KindName(query.Kind)} alias (use q= for any alias)");
        var resolution = index.Pool.With(session => session.Resolver.Resolve(text));
        var status = resolution.Status switch
        {
            ResolutionStatus.NotFound => StatusCodes.Status404NotFound,
            ResolutionStatus.Invalid => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status200OK,
        };
        return Responses.WriteJson(http, status, resolution.WriteJson);
    }
}
