using System.Text.Json;
using Pith.Core.Json;

namespace Pith.Core.Documents;

/// <summary>
/// Where each document keeps its canonical record (spec sections 1 and 8): a record and a bundle at the top level, a
/// state file in <c>current</c>, its merged view (which also holds its aliases). The verifiers and <c>pith show</c> read it here.
/// </summary>
public static class CanonicalRecordLocation
{
    public const string Member = "canonical_record";
    public const string StateView = "current";

    /// <summary>
    /// The object whose <see cref="Member"/> is the canonical record of a document of <paramref name="type"/> (one of
    /// <see cref="DocumentType"/>'s): the document itself, or a state file's <c>current</c> (unusable, with the
    /// problem, when that is missing or not an object).
    /// </summary>
    public static JsonField<JsonElement> Holder(JsonElement root, string type)
    {
        if (type != DocumentType.State) return new JsonField<JsonElement>(true, root, null);
        var current = JsonFields.Object(root, StateView);
        return current.Present ? current : new JsonField<JsonElement>(false, default, $"no {StateView} (the merged view)");
    }

    /// <summary>
    /// The canonical JSON of the canonical record of a stored document (record, bundle or state file): the bytes its
    /// canonical SHA-256 is of. Or a one-line reason it has none.
    /// </summary>
    public static ParseResult<byte[]> CanonicalBytes(ReadOnlyMemory<byte> document)
    {
        var parsed = JsonDocumentReader.Read(document);
        if (!parsed.Success) return ParseResult<byte[]>.ForError(parsed.Error!);
        using var json = parsed.Value!;
        DocumentType.Of(json.RootElement, out var type, out var why);
        if (type is null) return ParseResult<byte[]>.ForError(why!);
        var holder = Holder(json.RootElement, type);
        if (!holder.Usable) return ParseResult<byte[]>.ForError(holder.Problem!);
        var canonical = JsonFields.Member(holder.Value, Member);
        if (!canonical.Present) return ParseResult<byte[]>.ForError("no " + PathIn(type));
        var (bytes, error) = CanonicalJson.Serialize(canonical.Value);
        return bytes is null ? ParseResult<byte[]>.ForError($"{PathIn(type)} {error!.Reason}") : ParseResult<byte[]>.ForValue(bytes);
    }

    /// <summary>The path of the canonical record in a document of <paramref name="type"/>, as messages name it.</summary>
    public static string PathIn(string type) => type == DocumentType.State ? StateView + "." + Member : Member;
}
