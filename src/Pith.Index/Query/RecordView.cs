using System.Text.Json;
using Pith.Core.Documents;
using Pith.Core.Identifiers;
using Pith.Core.Verification;
using Pith.Index.Export;

namespace Pith.Index.Query;

/// <summary>
/// What <c>pith show</c> tells about a stored record: the record, its displayed fields each marked signed, checked up to
/// case and white space, or not signed (<see cref="RecordFields"/>), and its variants with the fields each differs in.
/// Its JSON form, <see cref="WriteJson"/>, is the one stable form of it: <c>{"record": the stored document, "pith": {...}}</c>.
/// </summary>
public sealed class RecordView
{
    public RecordView(StoredRecord record)
    {
        Record = record;
        Fields = RecordFields.Displayed(record.Original);
        Variants = [.. record.Variants.Select(v => new VariantView(v, DocumentDifferences.Between(record.Original, v.Original) ?? []))];
    }

    public StoredRecord Record { get; }

    public IReadOnlyList<DisplayField> Fields { get; }

    public IReadOnlyList<VariantView> Variants { get; }

    /// <summary>A variant, and the dotted paths of the fields in which it differs from the current copy.</summary>
    public sealed record VariantView(StoredVariant Variant, IReadOnlyList<string> DiffersIn);

    /// <summary>The marking's name in JSON.</summary>
    public static string SigningName(FieldSigning signing) => signing switch
    {
        FieldSigning.Signed => "signed",
        FieldSigning.CaseAndWhiteSpace => "case_and_white_space",
        _ => "not_signed",
    };

    /// <summary>
    /// Writes <c>{"record": ..., "pith": {...}}</c>: the stored document as it is (on one line, as <c>pith export</c> writes
    /// it), and what pith knows of it. Returns false, having written nothing, when the stored bytes are not JSON (a damaged index).
    /// </summary>
    public bool WriteJson(Utf8JsonWriter json)
    {
        var (line, _) = ExportLine.Of(Record.Original);
        var parsed = JsonDocumentReader.Read(line);
        if (!parsed.Success) return false;
        parsed.Value!.Dispose();
        var span = line.Span;
        if (span.StartsWith("\uFEFF"u8)) span = span[3..];

        var match = Record.Match;
        json.WriteStartObject();
        json.WritePropertyName("record");
        json.WriteRawValue(span, skipInputValidation: true);
        json.WriteStartObject("pith");
        json.WriteString("pith_number", match.PithNumber);
        json.WriteString("short_pith_number", PithNumber.TryParse(match.PithNumber, out var number, out _) ? number.Value.Short : null);
        json.WriteString("source_kind", Record.SourceKind);
        json.WriteString("source_id", match.SourceId);
        json.WriteNumber("source_version", match.Version);
        if (Record.Unsigned) json.WriteNull("key_id");
        else json.WriteString("key_id", Record.KeyId);
        json.WriteBoolean("unsigned", Record.Unsigned);
        json.WriteStartArray("documents");
        foreach (var type in Record.DocumentTypes) json.WriteStringValue(type);
        json.WriteEndArray();
        json.WriteString("updated_at", Record.UpdatedAt);
        json.WriteString("imported_at", Record.ImportedAt);
        json.WriteString("imported_from", Record.ImportedFrom);
        json.WriteNumber("run_id", Record.RunId);
        json.WriteStartArray("other_versions");
        foreach (var version in Record.OtherVersions) version.WriteJson(json);
        json.WriteEndArray();
        json.WriteNumber("older_copies", Record.OlderCopies);
        json.WriteStartObject("fields");
        foreach (var field in Fields)
        {
            json.WriteStartObject(field.Name);
            json.WriteString("value", field.Value);
            json.WriteString("signed", SigningName(field.Signing));
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteStartArray("variants");
        foreach (var (variant, differsIn) in Variants)
        {
            json.WriteStartObject();
            json.WriteString("updated_at", variant.UpdatedAt);
            json.WriteString("imported_at", variant.ImportedAt);
            json.WriteString("imported_from", variant.ImportedFrom);
            json.WriteNumber("run_id", variant.RunId);
            json.WriteStartArray("differs_in");
            foreach (var path in differsIn) json.WriteStringValue(path);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        return true;
    }
}
