using System.Text.Json;
using Pith.Core.Documents;
using Pith.Core.Json;

namespace Pith.Server;

/// <summary>
/// What a record page shows of a stored document, each field with what vouches for it: <c>signed</c> (the canonical record
/// holds it, and the receipt signs the canonical record's hash), <c>checked</c> (the signed record holds only a hash of it
/// up to case and white space), or <c>not signed</c> (display data the resolver may change without a new signature).
/// </summary>
/// <remarks>
/// The marking is a rule of the format, not of the server: when <c>pith show</c> gets its own (branch <c>variants</c>),
/// both should take it from one place in Pith.Core, and this list goes.
/// </remarks>
internal static class DisplayFields
{
    public enum Marking { Signed, Checked, NotSigned }

    public static string Label(Marking marking) => marking switch
    {
        Marking.Signed => "signed",
        Marking.Checked => "checked up to case and white space",
        _ => "not signed",
    };

    public static string CssClass(Marking marking) => marking switch
    {
        Marking.Signed => "signed",
        Marking.Checked => "checked",
        _ => "unsigned",
    };

    /// <summary>The fields of <paramref name="root"/>, a document of <paramref name="type"/>: signed ones from its canonical record, the rest from its display fields.</summary>
    public static List<(string Name, string? Value, Marking Marking)> Of(JsonElement root, string type)
    {
        var paper = JsonFields.Object(root, "paper");
        string? Paper(string name) => paper.Usable ? JsonFields.String(paper.Value, name).Value : null;
        var holder = CanonicalRecordLocation.Holder(root, type);
        var canonical = holder.Usable ? JsonFields.Object(holder.Value, CanonicalRecordLocation.Member) : default;
        var record = canonical.Usable ? CanonicalRecord.Read(canonical.Value) : null;
        var signed = record is { Success: true } ? record.Value : null;
        return
        [
            ("title", Paper("title"), Marking.Checked),
            ("source", signed is null ? null : $"{signed.SourceKind} {signed.SourceId}v{signed.SourceVersion}", Marking.Signed),
            ("submitted", signed?.SubmittedAt, Marking.Signed),
            ("licence", signed is null ? null : signed.License.Length == 0 ? "(none stated)" : signed.License, Marking.Signed),
            ("categories", signed is null ? null : string.Join(", ", signed.CrossCatsSorted.Where(c => c != signed.PrimaryCat).Prepend(signed.PrimaryCat + " (primary)")), Marking.Signed),
            ("authors", Paper("authors_text"), Marking.NotSigned),
            ("headline", Paper("headline"), Marking.NotSigned),
            ("abstract (excerpt)", Paper("abstract_excerpt"), Marking.NotSigned),
            ("updated", JsonFields.String(root, "updated_at").Value, Marking.NotSigned),
        ];
    }
}
