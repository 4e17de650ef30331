using System.Text.Json;
using Pith.Core.Documents;
using Pith.Core.Identifiers;
using Pith.Core.Json;
using Pith.Core.Keys;
using Pith.Core.Text;

namespace Pith.Core.Verification;

/// <summary>
/// Verifies one downloaded document offline, exactly as the resolver computed it: a record, a bundle
/// (<see cref="BundleVerifier"/>) or a state file (<see cref="StateVerifier"/>), recognised by its type field; every
/// check of the spec, each reported with its outcome, in one result whatever the document. Bad input yields a result,
/// never an exception. Thread-safe.
/// </summary>
public sealed class RecordVerifier
{
    public const string ReceiptAlgorithm = "ed25519";
    public const string ReceiptSignedMessage = "canonical_sha256_bytes";

    private const int ExpectedChecks = 48;

    private readonly ReceiptChecks _receipts;
    private readonly BundleVerifier _bundles;

    /// <summary>Throws <see cref="Crypto.CryptoUnavailableException"/> when libsodium cannot be loaded: a verifier cannot work without it.</summary>
    public RecordVerifier(TrustedKeys trustedKeys)
    {
        Crypto.Ed25519Signatures.EnsureAvailable();
        _receipts = new ReceiptChecks(trustedKeys);
        _bundles = new BundleVerifier(_receipts);
    }

    /// <summary>The result for an input too large to be a record, known by its size without reading it.</summary>
    public static VerificationResult Oversize(long size) => VerificationResult.Failed(CheckName.Parse, JsonDocumentReader.TooLarge(size));

    public VerificationResult Verify(ReadOnlyMemory<byte> bytes)
    {
        // Room for every check of a record, so that the list is not copied as it grows.
        var checks = new List<Check>(ExpectedChecks);
        var parsed = JsonDocumentReader.Read(bytes);
        if (!parsed.Success) return Done(null, checks.Fail(CheckName.Parse, parsed.Error!));
        using var document = parsed.Value!;
        checks.Pass(CheckName.Parse, "well-formed UTF-8 JSON, no duplicate keys");
        var root = document.RootElement;
        var stated = DocumentType.Of(root, out var type, out var why);
        if (type is null) return Done(stated, checks.Fail(CheckName.DocumentType, why!));
        checks.Pass(CheckName.DocumentType, type);
        var holder = CanonicalRecordLocation.Holder(root, type);
        return type switch
        {
            DocumentType.Bundle => _bundles.Verify(root, holder.Value, checks),
            DocumentType.State => StateVerifier.Verify(root, holder, checks),
            _ => VerifyRecord(root, holder.Value, checks),
        };
    }

    /// <summary>A record; <paramref name="holder"/> holds its canonical record (<see cref="CanonicalRecordLocation"/>).</summary>
    private VerificationResult VerifyRecord(JsonElement root, JsonElement holder, List<Check> checks)
    {
        const string type = DocumentType.Record;
        if (CanonicalChecks.Read(checks, holder) is not { } derived) return Done(type, checks);
        var (record, digest, digestHex, number) = derived;
        var aliases = PithAliases.Derive(record.SourceId, record.SourceVersion, number);
        var receipt = JsonFields.Object(root, "receipt");

        checks.Equal(CheckName.CanonicalSha256, root, "canonical_sha256", digestHex, required: true);
        ReceiptChecks.CheckHash(checks, receipt, digestHex);
        CanonicalChecks.CheckNumbers(checks, root, number, shortRequired: true);
        CanonicalChecks.CheckAliases(checks, root, "aliases", aliases, "record");
        var (keyId, signature) = _receipts.Check(checks, receipt, digest, "the record is unsigned");
        var title = CheckCrossFields(checks, root, record);
        // What nothing signs is listed, so that a verdict of OK is never read as vouching for it.
        foreach (var name in RecordFields.Unsigned)
        {
            if (RecordFields.Has(root, name)) checks.Skip(name, RecordFields.NotSignedDetail);
        }

        var facts = new VerifiedRecord(number, digest, record.SourceKind, record.SourceId, record.SourceVersion, record.SubmittedAt,
            title, aliases, signature, JsonFields.String(root, "updated_at").Value);
        return new VerificationResult(type, checks, facts, keyId);
    }

    internal static VerificationResult Done(string? type, List<Check> checks) => new(type, checks, null, null);

    /// <summary>Spec section 6: display fields that must agree with the signed canonical record. Returns the title, when usable.</summary>
    private static string? CheckCrossFields(List<Check> checks, JsonElement root, CanonicalRecord record)
    {
        CanonicalChecks.CheckSource(checks, root, record, "record");

        var paperField = JsonFields.Object(root, "paper");
        if (paperField.Problem is not null)
        {
            checks.Fail("paper", paperField.Problem);
            return null;
        }
        var paper = paperField.Value;
        checks.Equal(CheckName.PaperSubmittedAt, paper, "submitted_at", record.SubmittedAt, required: false);
        checks.Equal(CheckName.PaperLicense, paper, "license", record.License, required: false);
        checks.Equal(CheckName.PaperPrimaryCat, paper, "primary_cat", record.PrimaryCat, required: false);

        var crossCats = JsonFields.StringArray(paper, "cross_cats");
        if (crossCats.Problem is not null) checks.Fail(CheckName.PaperCrossCats, crossCats.Problem);
        else if (!crossCats.Present) checks.Skip(CheckName.PaperCrossCats, "the record has no paper.cross_cats");
        else
        {
            // A list of its own (JsonFields.StringArray): sorted in place.
            var sorted = crossCats.Value!;
            sorted.Sort(CodePointComparer.Instance);
            if (SameStrings(sorted, record.CrossCatsSorted))
                checks.Pass(CheckName.PaperCrossCats, "sorted, equals cross_cats_sorted");
            else
                checks.Fail(CheckName.PaperCrossCats, $"sorted [{string.Join(", ", sorted)}] differs from cross_cats_sorted [{string.Join(", ", record.CrossCatsSorted)}]");
        }

        var title = JsonFields.String(paper, "title");
        CheckTextHash(checks, CheckName.TitleHash, title, record.TitleCanonSha256, excerpt: false);
        CheckTextHash(checks, CheckName.AbstractHash, JsonFields.String(paper, "abstract_excerpt"), record.AbstractCanonSha256, excerpt: true);

        if (JsonFields.Member(root, "graph_snapshot").Present)
            checks.Skip(CheckName.GraphSnapshot, RecordFields.NotSignedDetail + " (the rule behind snapshot_sha256 is unknown, spec section 6)");
        return title.Usable ? title.Value : null;
    }

    private static bool SameStrings(List<string> a, IReadOnlyList<string> b)
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal)) return false;
        }
        return true;
    }

    private static void CheckTextHash(List<Check> checks, string name, JsonField<string> text, string expected, bool excerpt)
    {
        var what = excerpt ? "paper.abstract_excerpt" : "paper.title";
        if (text.Problem is not null)
        {
            checks.Fail(name, text.Problem);
            return;
        }
        if (!text.Present)
        {
            checks.Skip(name, $"the record has no {what}");
            return;
        }
        var hash = CanonicalText.Sha256Hex(text.Value!);
        // Whether the resolver Unicode-normalises text first is unknown (spec section 6): say so where it could matter.
        var note = CanonicalText.HasNonAscii(text.Value!) ? " (non-ASCII text: hashed as written; whether the resolver normalises Unicode first is unknown)" : "";
        if (hash == expected)
            checks.Pass(name, (excerpt ? "the excerpt is the whole abstract; hash matches: it is checked up to case and white space only" : "hash matches: the title is checked up to case and white space only") + note);
        else if (excerpt)
        {
            checks.Skip(name, "not checked (excerpt only): the excerpt does not hash to abstract_canon_sha256, so it is not the whole abstract");
            // Then the excerpt itself is one more field that nothing signs, listed as the others are.
            checks.Skip(what, RecordFields.NotSignedDetail);
        }
        else
            checks.Fail(name, $"{what} hashes to {hash ?? "nothing (lone surrogate)"}, the canonical record says {expected}" + note);
    }
}
