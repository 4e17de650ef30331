using Microsoft.AspNetCore.Http;
using Pith.Core.Documents;

namespace Pith.Server;

/// <summary>
/// The resolver's document paths: a record, its bundle, its state file, each the stored bytes exactly as imported. An
/// unknown code is 404; so is a known one of which no document of that kind was kept (a record only a bundle brought has
/// no record document).
/// </summary>
internal static class DocumentEndpoint
{
    public static Task Record(ServedIndex index, HttpContext http) => Serve(index, http, DocumentType.Record, "record");

    public static Task Bundle(ServedIndex index, HttpContext http) => Serve(index, http, DocumentType.Bundle, "bundle");

    public static Task State(ServedIndex index, HttpContext http) => Serve(index, http, DocumentType.State, "state file");

    private static async Task Serve(ServedIndex index, HttpContext http, string documentType, string what)
    {
        if (await CodeRoute.Code(http) is not { } code) return;
        var document = index.Pool.With(session => session.Reader.ReadDocument(code, documentType));
        if (document is null)
            await Responses.Error(http, StatusCodes.Status404NotFound, $"no record with the code {code} in this index");
        else if (document.Bytes is null)
            await Responses.Error(http, StatusCodes.Status404NotFound, $"{document.PithNumber} is indexed, but no {what} of it was kept");
        else
            await Responses.WriteStored(http, Responses.Json, document.Bytes, document.Sha256!);
    }
}
