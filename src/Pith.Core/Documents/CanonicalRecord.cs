using System.Text.Json;
using System.Text.RegularExpressions;
using Pith.Core.Json;

namespace Pith.Core.Documents;

/// <summary>
/// The canonical record of spec section 2, schema 1.0, read strictly: exactly the fields the spec lists, each of
/// its type. It is what is hashed and signed, so nothing about it is guessed.
/// </summary>
public sealed partial record CanonicalRecord(
    JsonElement Element,
    JsonElement Source,
    string SourceKind,
    string SourceId,
    long SourceVersion,
    string License,
    string PrimaryCat,
    string SubmittedAt,
    IReadOnlyList<string> CrossCatsSorted,
    string TitleCanonSha256,
    string AbstractCanonSha256)
{
    public const string SchemaVersion = "1.0";
    public const string ArxivKind = "arxiv";

    private static readonly string[] TopFields = ["metadata", "schema_version", "source"];
    private static readonly string[] SourceFields = ["id", "kind", "version"];
    private static readonly string[] MetadataFields =
        ["abstract_canon_sha256", "cross_cats_sorted", "license", "primary_cat", "submitted_at", "title_canon_sha256"];

    public static ParseResult<CanonicalRecord> Read(JsonElement element)
    {
        try
        {
            return ReadStrict(element);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to decode a name or string holding a lone surrogate escape.
            return Error("canonical_record holds a lone surrogate escape, which has no UTF-8 form");
        }
    }

    private static ParseResult<CanonicalRecord> ReadStrict(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object) return Error("canonical_record is not an object");
        if (ExactFields(element, TopFields, "canonical_record") is { } topError) return Error(topError);
        var version = JsonFields.String(element, "schema_version");
        if (!version.Usable || version.Value != SchemaVersion)
            return Error($"canonical_record.schema_version is not \"{SchemaVersion}\" (the only schema the spec defines)");

        var source = element.GetProperty("source");
        if (source.ValueKind != JsonValueKind.Object) return Error("canonical_record.source is not an object");
        if (ExactFields(source, SourceFields, "canonical_record.source") is { } sourceError) return Error(sourceError);
        var kind = JsonFields.String(source, "kind");
        if (!kind.Usable || kind.Value != ArxivKind) return Error("canonical_record.source.kind is not \"arxiv\" (the only kind the spec defines)");
        var id = JsonFields.String(source, "id");
        if (!id.Usable || string.IsNullOrEmpty(id.Value)) return Error("canonical_record.source.id is not a non-empty string");
        var versionElement = source.GetProperty("version");
        if (versionElement.ValueKind != JsonValueKind.Number || !versionElement.TryGetInt64(out var sourceVersion) || sourceVersion < 1)
        {
            // Of any size in the spec, but a version pith indexes fits 64 bits: a larger one is refused for that, not as "not an integer".
            return Error(IsDigits(versionElement)
                ? $"canonical_record.source.version is a positive integer larger than pith handles (at most {long.MaxValue})"
                : "canonical_record.source.version is not a positive integer");
        }

        var metadata = element.GetProperty("metadata");
        if (metadata.ValueKind != JsonValueKind.Object) return Error("canonical_record.metadata is not an object");
        if (ExactFields(metadata, MetadataFields, "canonical_record.metadata") is { } metadataError) return Error(metadataError);
        var license = JsonFields.String(metadata, "license");
        var primaryCat = JsonFields.String(metadata, "primary_cat");
        var submittedAt = JsonFields.String(metadata, "submitted_at");
        var titleHash = JsonFields.String(metadata, "title_canon_sha256");
        var abstractHash = JsonFields.String(metadata, "abstract_canon_sha256");
        foreach (var field in (ReadOnlySpan<JsonField<string>>)[license, primaryCat, submittedAt, titleHash, abstractHash])
        {
            if (!field.Usable) return Error("canonical_record.metadata." + field.Problem);
        }
        if (!SubmittedAtPattern().IsMatch(submittedAt.Value!))
            return Error("canonical_record.metadata.submitted_at is not YYYY-MM-DDThh:mm:ssZ");
        if (!Sha256HexPattern().IsMatch(titleHash.Value!)) return Error("canonical_record.metadata.title_canon_sha256 is not 64 lower-case hex digits");
        if (!Sha256HexPattern().IsMatch(abstractHash.Value!)) return Error("canonical_record.metadata.abstract_canon_sha256 is not 64 lower-case hex digits");
        var crossCats = JsonFields.StringArray(metadata, "cross_cats_sorted");
        if (!crossCats.Usable) return Error("canonical_record.metadata." + crossCats.Problem);

        return ParseResult<CanonicalRecord>.ForValue(new CanonicalRecord(
            element, source, kind.Value!, id.Value!, sourceVersion, license.Value!, primaryCat.Value!, submittedAt.Value!,
            crossCats.Value!, titleHash.Value!, abstractHash.Value!));
    }

    private static string? ExactFields(JsonElement obj, string[] expected, string path)
    {
        // Cheap when it holds: as many members as expected, each expected one present (duplicates are refused earlier).
        var present = 0;
        foreach (var name in expected)
        {
            if (obj.TryGetProperty(name, out _)) present++;
        }
        if (present == expected.Length && obj.GetPropertyCount() == expected.Length) return null;
        var missing = expected.Where(name => !obj.TryGetProperty(name, out _)).ToList();
        if (missing.Count > 0) return $"{path} lacks {string.Join(", ", missing)}";
        var extra = obj.EnumerateObject().First(p => Array.IndexOf(expected, p.Name) < 0);
        return $"{path} has a field the schema does not define: '{extra.Name}'";
    }

    private static ParseResult<CanonicalRecord> Error(string message) => ParseResult<CanonicalRecord>.ForError(message);

    // \z, not $: $ also matches before a final newline.
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z\z")]
    private static partial Regex SubmittedAtPattern();

    [GeneratedRegex(@"^[0-9a-f]{64}\z")]
    internal static partial Regex Sha256HexPattern();

    private static bool IsDigits(JsonElement number)
    {
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(number);
        return raw.Length > 0 && raw.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;
    }
}
