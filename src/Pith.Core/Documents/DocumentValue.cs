using Pith.Core.Json;

namespace Pith.Core.Documents;

/// <summary>
/// Whether two copies are the same document: equal JSON values, whatever their white space, escapes or key order (a
/// pretty-printed copy, an export's one-line copy, <c>\u00e9</c> for <c>é</c>). The one place this is decided.
/// </summary>
public static class DocumentValue
{
    /// <summary>
    /// The SHA-256 of the whole document's JSON value in canonical form: equal for the same document, different
    /// otherwise. Null when the bytes are not readable JSON or hold a lone surrogate: then only equal bytes are the same.
    /// </summary>
    public static byte[]? Sha256(ReadOnlyMemory<byte> bytes)
    {
        var parsed = JsonDocumentReader.Read(bytes);
        if (!parsed.Success) return null;
        using var document = parsed.Value!;
        return CanonicalJson.ValueSha256(document.RootElement);
    }
}
