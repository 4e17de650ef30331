using System.Text.Json;
using Pith.Core.Documents;
using Pith.Core.Json;
using Pith.Core.Text;

namespace Pith.Core.Verification;

/// <summary>
/// Which fields of a record are signed (spec section 6): the one place that says so. The signed ones are read from the
/// canonical record itself; the title, and the abstract excerpt when it is the whole abstract, are checked only up to
/// case and white space (their canonical hashes are of the lower-cased text with its white space collapsed); the rest
/// is not signed at all.
/// </summary>
public static class RecordFields
{
    public const string NotSignedDetail = "not checked: not signed";

    /// <summary>Fields of a record that nothing signs, so that no check can vouch for them (listed by verify as not checked).</summary>
    public static readonly string[] Unsigned =
    [
        "paper.authors_text", "paper.headline", "updated_at", "created_at",
        "receipt.signed_at", "receipt.first_computed_at", "receipt.last_reissued_at", "inbound_citations",
        // What the record says of itself and of its receipt: the signature covers none of it (a "revoked" status included).
        "schema_version", "attestation_state", "verification_status",
        "receipt.kind", "receipt.signature_status", "receipt.receipt_version", "receipt.builder_version",
    ];

    /// <summary>
    /// The fields pith displays of a stored document (record, bundle or state file), each marked; those a document lacks
    /// are left out. A state file carries no receipt, so nothing in it is signed: every field of one is marked not signed.
    /// Empty when the document cannot be read.
    /// </summary>
    public static IReadOnlyList<DisplayField> Displayed(ReadOnlyMemory<byte> document)
    {
        var parsed = JsonDocumentReader.Read(document);
        if (!parsed.Success) return [];
        using var json = parsed.Value!;
        var root = json.RootElement;
        DocumentType.Of(root, out var type, out _);
        if (type is null) return [];
        var holder = CanonicalRecordLocation.Holder(root, type);
        if (!holder.Usable || !JsonFields.Member(holder.Value, CanonicalRecordLocation.Member).Present) return [];
        var canonical = CanonicalRecord.Read(holder.Value.GetProperty(CanonicalRecordLocation.Member));
        if (!canonical.Success) return [];
        var record = canonical.Value!;

        var fields = new List<DisplayField>();
        var receipt = type != DocumentType.State;
        void Field(string name, string value, FieldSigning signing) => fields.Add(new DisplayField(name, value, receipt ? signing : FieldSigning.NotSigned));
        void Add(string name, FieldSigning signing)
        {
            if (At(root, name) is { } value) Field(name, value, signing);
        }
        var title = At(root, "paper.title");
        if (title is not null)
            Field("paper.title", title, CanonicalText.Sha256Hex(title) == record.TitleCanonSha256 ? FieldSigning.CaseAndWhiteSpace : FieldSigning.NotSigned);
        Add("paper.authors_text", FieldSigning.NotSigned);
        Field("source", $"{record.SourceKind} {record.SourceId}v{record.SourceVersion}", FieldSigning.Signed);
        Field("submitted_at", record.SubmittedAt, FieldSigning.Signed);
        Field("license", record.License, FieldSigning.Signed);
        Field("primary_cat", record.PrimaryCat, FieldSigning.Signed);
        Field("cross_cats", string.Join(", ", record.CrossCatsSorted), FieldSigning.Signed);
        Add("paper.headline", FieldSigning.NotSigned);
        if (At(root, "paper.abstract_excerpt") is { } excerpt)
            Field("paper.abstract_excerpt", excerpt, CanonicalText.Sha256Hex(excerpt) == record.AbstractCanonSha256 ? FieldSigning.CaseAndWhiteSpace : FieldSigning.NotSigned);
        Add("updated_at", FieldSigning.NotSigned);
        return fields;
    }

    /// <summary>Whether a dotted path names a member; reads no value (asked of every record verified).</summary>
    internal static bool Has(JsonElement root, string path) => TryFind(root, path, out _);

    /// <summary>The value at a dotted path, as text (a string as itself, anything else as its JSON); null when absent.</summary>
    internal static string? At(JsonElement root, string path)
    {
        if (!TryFind(root, path, out var at)) return null;
        return at.ValueKind == JsonValueKind.String ? at.GetString() : at.GetRawText();
    }

    // The member at a dotted path, found without allocating.
    private static bool TryFind(JsonElement root, string path, out JsonElement at)
    {
        at = root;
        foreach (var range in path.AsSpan().Split('.'))
        {
            if (at.ValueKind != JsonValueKind.Object || !at.TryGetProperty(path.AsSpan(range), out at)) return false;
        }
        return true;
    }
}
