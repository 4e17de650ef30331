using System.Text.Json;
using Pith.Core.Documents;
using Pith.Core.Identifiers;
using Pith.Core.Json;

namespace Pith.Core.Verification;

/// <summary>
/// The checks every document makes of a canonical record (spec sections 2 to 4), wherever it holds one: its schema,
/// its hash, the stated numbers and aliases, and the display source. Records, bundles and state files share them.
/// </summary>
internal static class CanonicalChecks
{
    /// <summary>
    /// The <c>schema</c> and <c>canonical_hash</c> checks of <paramref name="owner"/>'s <c>canonical_record</c>, named
    /// after <paramref name="prefix"/> ("" at the top level). Null when it cannot be read or hashed.
    /// </summary>
    public static DerivedRecord? Read(List<Check> checks, JsonElement owner, string prefix = "")
    {
        var canonicalField = JsonFields.Member(owner, CanonicalRecordLocation.Member);
        if (!canonicalField.Present)
        {
            checks.Fail(prefix + CheckName.Schema, "no canonical_record");
            return null;
        }
        var canonical = CanonicalRecord.Read(canonicalField.Value);
        if (!canonical.Success)
        {
            checks.Fail(prefix + CheckName.Schema, canonical.Error!);
            return null;
        }
        var record = canonical.Value!;
        checks.Pass(prefix + CheckName.Schema, $"canonical record, schema {CanonicalRecord.SchemaVersion}");

        var (digest, canonicalError) = CanonicalJson.Sha256(record.Element);
        if (digest is null)
        {
            checks.Fail(prefix + CheckName.CanonicalHash, "canonical_record " + canonicalError!.Reason);
            return null;
        }
        var digestHex = Convert.ToHexStringLower(digest);
        checks.Pass(prefix + CheckName.CanonicalHash, digestHex);
        return new DerivedRecord(record, digest, digestHex, PithNumber.Derive(digest, record.SubmittedAt));
    }

    /// <summary>The stated Pith number (always required) and short number (required when <paramref name="shortRequired"/>).</summary>
    public static void CheckNumbers(List<Check> checks, JsonElement root, PithNumber number, bool shortRequired)
    {
        checks.Equal(CheckName.PithNumber, root, "pith_number", number.ToString(), required: true);
        checks.Equal(CheckName.ShortPithNumber, root, "short_pith_number", number.Short, required: shortRequired);
    }

    /// <summary>
    /// Each alias listed in <paramref name="listName"/> of <paramref name="owner"/> against the derived ones (spec section 4):
    /// a listed alias that does not follow from the canonical record is forged; an absent or unknown kind is not checked.
    /// </summary>
    public static void CheckAliases(List<Check> checks, JsonElement owner, string listName, IReadOnlyList<Alias> derived, string document)
    {
        var listed = JsonFields.Array(owner, listName);
        if (listed.Problem is not null)
        {
            checks.Fail(CheckName.Aliases, listed.Problem);
            return;
        }
        var stated = new List<Alias>();
        if (listed.Present)
        {
            var i = 0;
            foreach (var entry in listed.Value.EnumerateArray())
            {
                var kind = JsonFields.String(entry, "alias_kind");
                var value = JsonFields.String(entry, "alias_value");
                if (!kind.Usable || !value.Usable)
                {
                    checks.Fail(CheckName.Aliases, $"{listName}[{i}] is not an object with string alias_kind and alias_value");
                    return;
                }
                stated.Add(new Alias(kind.Value!, value.Value!));
                i++;
            }
        }
        foreach (var expected in derived)
        {
            var name = CheckName.Alias(expected.Kind);
            Alias? wrong = null;
            var present = false;
            foreach (var alias in stated)
            {
                if (alias.Kind != expected.Kind) continue;
                present = true;
                if (!PithAliases.ValueMatches(alias.Kind, alias.Value, expected.Value)) wrong ??= alias;
            }
            if (!present) checks.Skip(name, $"the {document} lists no {expected.Kind} alias (derived: {expected.Value})");
            else if (wrong is { } forged) checks.Fail(name, $"stated {forged.Value}, derived {expected.Value}");
            else checks.Pass(name, expected.Value);
        }
        HashSet<string>? unknownKinds = null;
        foreach (var alias in stated)
        {
            if (!AliasKind.All.Contains(alias.Kind) && (unknownKinds ??= new HashSet<string>(StringComparer.Ordinal)).Add(alias.Kind))
                checks.Skip(CheckName.Alias(alias.Kind), "an alias kind the spec does not define: not checked");
        }
    }

    /// <summary>The top-level <c>source</c> (display data) against the signed <c>canonical_record.source</c> (spec section 6).</summary>
    public static void CheckSource(List<Check> checks, JsonElement root, CanonicalRecord record, string document)
    {
        var source = JsonFields.Object(root, "source");
        if (source.Problem is not null) checks.Fail(CheckName.Source, source.Problem);
        else if (!source.Present) checks.Skip(CheckName.Source, $"the {document} has no top-level source");
        else if (CanonicalJson.CanonicallyEqual(source.Value, record.Source))
            checks.Pass(CheckName.Source, "equals canonical_record.source");
        else checks.Fail(CheckName.Source, $"{source.Value.GetRawText()} differs from canonical_record.source {record.Source.GetRawText()}");
    }
}
