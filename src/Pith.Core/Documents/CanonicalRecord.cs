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
            return Error("canonical_record.source.version is not a positive integer");

        var metadata = element.GetProperty("metadata");
        if (metadata.ValueKind != JsonValueKind.Object) return Error("canonical_record.metadata is not an object");
        if (ExactFields(metadata, MetadataFields, "canonical_record.metadata") is { } metadataError) return Error(metadataError);
        var strings = new Dictionary<string, string>();
        foreach (var name in new[] { "license", "primary_cat", "submitted_at", "title_canon_sha256", "abstract_canon_sha256" })
        {
            var field = JsonFields.String(metadata, name);
            if (!field.Usable) return Error($"canonical_record.metadata.{field.Problem ?? name + " is missing"}");
            strings[name] = field.Value!;
        }
        if (!SubmittedAtPattern().IsMatch(strings["submitted_at"]))
            return Error("canonical_record.metadata.submitted_at is not YYYY-MM-DDThh:mm:ssZ");
        foreach (var name in new[] { "title_canon_sha256", "abstract_canon_sha256" })
        {
            if (!Sha256HexPattern().IsMatch(strings[name])) return Error($"canonical_record.metadata.{name} is not 64 lower-case hex digits");
        }
        var crossCats = JsonFields.StringArray(metadata, "cross_cats_sorted");
        if (!crossCats.Usable) return Error("canonical_record.metadata." + crossCats.Problem);

        return ParseResult<CanonicalRecord>.ForValue(new CanonicalRecord(
            element, source, kind.Value!, id.Value!, sourceVersion, strings["license"], strings["primary_cat"], strings["submitted_at"],
            crossCats.Value!, strings["title_canon_sha256"], strings["abstract_canon_sha256"]));
    }

    private static string? ExactFields(JsonElement obj, string[] expected, string path)
    {
        var seen = new List<string>();
        foreach (var property in obj.EnumerateObject())
        {
            if (Array.IndexOf(expected, property.Name) < 0) return $"{path} has a field the schema does not define: '{property.Name}'";
            seen.Add(property.Name);
        }
        var missing = expected.Where(e => !seen.Contains(e)).ToList();
        return missing.Count > 0 ? $"{path} lacks {string.Join(", ", missing)}" : null;
    }

    private static ParseResult<CanonicalRecord> Error(string message) => ParseResult<CanonicalRecord>.ForError(message);

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")]
    private static partial Regex SubmittedAtPattern();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    internal static partial Regex Sha256HexPattern();
}
