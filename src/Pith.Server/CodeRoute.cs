using Microsoft.AspNetCore.Http;
using Pith.Core.Identifiers;

namespace Pith.Server;

/// <summary>The <c>{code}</c> of a document or record route: a whole Pith code, 26 characters of base32 in upper case, as the resolver's paths have it.</summary>
internal static class CodeRoute
{
    /// <summary>The route's code, or null after answering 400 for a malformed one.</summary>
    public static async Task<string?> Code(HttpContext http)
    {
        var code = http.Request.RouteValues["code"] as string ?? "";
        if (code.Length == PithNumber.CodeLength && Base32.IsBase32(code)) return code;
        await Responses.Error(http, StatusCodes.Status400BadRequest,
            $"not a Pith code: a code is {PithNumber.CodeLength} characters of A-Z and 2-7, in upper case (e.g. 3V7SYW4G2357KRLWH4ESWW6RSL)");
        return null;
    }

    /// <summary>The code of a Pith number (<c>pith:YEAR:CODE</c>), for the links to its pages.</summary>
    public static string CodeOf(string pithNumber) => pithNumber[(pithNumber.LastIndexOf(':') + 1)..];
}
