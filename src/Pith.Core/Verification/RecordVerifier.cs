using System.Text.Json;
using Pith.Core.Crypto;
using Pith.Core.Documents;
using Pith.Core.Identifiers;
using Pith.Core.Json;
using Pith.Core.Keys;
using Pith.Core.Text;

namespace Pith.Core.Verification;

/// <summary>
/// Verifies one downloaded document offline, exactly as the resolver computed it: every check of the spec,
/// each reported with its outcome. Bad input yields a result, never an exception. Thread-safe.
/// </summary>
public sealed class RecordVerifier(TrustedKeys trustedKeys, IEd25519 ed25519)
{
    public const string ReceiptAlgorithm = "ed25519";
    public const string ReceiptSignedMessage = "canonical_sha256_bytes";

    public TrustedKeys TrustedKeys { get; } = trustedKeys;

    /// <summary>Verifies a document read from <paramref name="stream"/>, reading no more than a record may hold.</summary>
    public VerificationResult Verify(Stream stream) => Verify(Inputs.BoundedReader.Read(stream, []));

    /// <summary>The result for an input too large to be a record, known by its size without reading it.</summary>
    public static VerificationResult Oversize(long size) => VerificationResult.Failed(CheckName.Parse, JsonDocumentReader.TooLarge(size));

    public VerificationResult Verify(ReadOnlyMemory<byte> bytes)
    {
        var checks = new List<Check>();
        var parsed = JsonDocumentReader.Read(bytes);
        if (!parsed.Success) return Done(null, checks.Fail(CheckName.Parse, parsed.Error!));
        using var document = parsed.Value!;
        checks.Pass(CheckName.Parse, "well-formed UTF-8 JSON, no duplicate keys");
        return VerifyRecord(document.RootElement, checks);
    }

    private VerificationResult VerifyRecord(JsonElement root, List<Check> checks)
    {
        var type = DocumentTypeOf(root);
        if (type != DocumentType.Record)
        {
            var why = type switch
            {
                DocumentType.Bundle => "a Pith bundle: bundles are not supported yet",
                DocumentType.State => "a Pith state file: state files are not supported yet",
                null => "not a Pith document: no record_type, bundle_type or state_type",
                _ => $"not a Pith number record: record_type is '{type}'",
            };
            return Done(type, checks.Fail(CheckName.DocumentType, why));
        }
        checks.Pass(CheckName.DocumentType, DocumentType.Record);

        var canonicalField = JsonFields.Member(root, "canonical_record");
        if (!canonicalField.Present) return Done(type, checks.Fail(CheckName.Schema, "no canonical_record"));
        var canonical = CanonicalRecord.Read(canonicalField.Value);
        if (!canonical.Success) return Done(type, checks.Fail(CheckName.Schema, canonical.Error!));
        var record = canonical.Value!;
        checks.Pass(CheckName.Schema, $"canonical record, schema {CanonicalRecord.SchemaVersion}");

        var (digest, canonicalError) = CanonicalJson.Sha256(record.Element);
        if (digest is null) return Done(type, checks.Fail(CheckName.CanonicalHash, "canonical_record " + canonicalError!.Reason));
        var digestHex = Convert.ToHexStringLower(digest);
        checks.Pass(CheckName.CanonicalHash, digestHex);

        var number = PithNumber.Derive(digest, record.SubmittedAt);
        var aliases = PithAliases.Derive(record.SourceId, record.SourceVersion, number);
        var receipt = JsonFields.Object(root, "receipt");

        checks.Equal(CheckName.CanonicalSha256, JsonFields.String(root, "canonical_sha256"), digestHex, required: true);
        CheckReceiptHash(checks, receipt, digestHex);
        checks.Equal(CheckName.PithNumber, JsonFields.String(root, "pith_number"), number.ToString(), required: true);
        checks.Equal(CheckName.ShortPithNumber, JsonFields.String(root, "short_pith_number"), number.Short, required: true);
        CheckAliases(checks, root, aliases);
        var (keyId, signature) = CheckReceipt(checks, receipt, digest);
        var title = CheckCrossFields(checks, root, record);

        var facts = new VerifiedRecord(number, digest, record.SourceKind, record.SourceId, record.SourceVersion, record.SubmittedAt,
            title, aliases, signature, JsonFields.String(root, "updated_at").Value);
        return new VerificationResult(type, checks, facts, keyId);
    }

    private static VerificationResult Done(string? type, List<Check> checks) => new(type, checks, null, null);

    private static string? DocumentTypeOf(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return null;
        foreach (var field in new[] { "record_type", "bundle_type", "state_type" })
        {
            var value = JsonFields.String(root, field);
            if (value.Present) return value.Value ?? "";
        }
        return null;
    }

    private static void CheckReceiptHash(List<Check> checks, JsonField<JsonElement> receipt, string digestHex)
    {
        if (!receipt.Usable)
            checks.Fail(CheckName.ReceiptCanonicalSha256, receipt.Problem ?? "no receipt");
        else
            checks.Equal(CheckName.ReceiptCanonicalSha256, JsonFields.String(receipt.Value, "canonical_sha256"), digestHex, required: true);
    }

    private static void CheckAliases(List<Check> checks, JsonElement root, IReadOnlyList<Alias> derived)
    {
        var listed = JsonFields.Array(root, "aliases");
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
                    checks.Fail(CheckName.Aliases, $"aliases[{i}] is not an object with string alias_kind and alias_value");
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
            if (!present) checks.Skip(name, $"the record lists no {expected.Kind} alias (derived: {expected.Value})");
            else if (wrong is { } forged) checks.Fail(name, $"stated {forged.Value}, derived {expected.Value}");
            else checks.Pass(name, expected.Value);
        }
        var unknownKinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var alias in stated)
        {
            if (!AliasKind.All.Contains(alias.Kind) && unknownKinds.Add(alias.Kind))
                checks.Skip(CheckName.Alias(alias.Kind), "an alias kind the spec does not define: not checked");
        }
    }

    /// <summary>The receipt's fields and its signature over the computed digest. Returns the key id and signature it states.</summary>
    private (string? KeyId, string? SignatureB64) CheckReceipt(List<Check> checks, JsonField<JsonElement> receiptField, byte[] digest)
    {
        const string unsigned = "the record is unsigned";
        if (!receiptField.Usable)
        {
            var why = receiptField.Problem ?? "no receipt";
            foreach (var name in new[] { CheckName.ReceiptAlgorithm, CheckName.ReceiptSignedMessage, CheckName.ReceiptKeyId, CheckName.ReceiptFingerprint })
                checks.Skip(name, why);
            checks.Fail(CheckName.Signature, $"{why}: {unsigned}");
            return (null, null);
        }
        var receipt = receiptField.Value;
        var algorithmOk = checks.Equal(CheckName.ReceiptAlgorithm, JsonFields.String(receipt, "algorithm"), ReceiptAlgorithm, required: true);
        var messageOk = checks.Equal(CheckName.ReceiptSignedMessage, JsonFields.String(receipt, "signed_message"), ReceiptSignedMessage, required: true);

        var keyIdField = JsonFields.String(receipt, "key_id");
        var keyId = keyIdField.Usable ? keyIdField.Value : null;
        var key = keyId is null ? null : TrustedKeys.Find(keyId);
        if (keyId is null)
            checks.Fail(CheckName.ReceiptKeyId, keyIdField.Problem ?? "the receipt names no key_id");
        else if (key is null)
            checks.Fail(CheckName.ReceiptKeyId, $"'{keyId}' is not a trusted key (a record never brings its own key; add one with --keys)");
        else
            checks.Pass(CheckName.ReceiptKeyId, $"{keyId} (trusted, {key.Origin})");

        var fingerprint = JsonFields.String(receipt, "public_key_fingerprint");
        // Spec section 5: the fingerprint must equal the trusted key's; a receipt without one fails.
        if (key is null) checks.Skip(CheckName.ReceiptFingerprint, "no trusted key to compare with");
        else checks.Equal(CheckName.ReceiptFingerprint, fingerprint, key.Fingerprint, required: true);

        var signatureField = JsonFields.String(receipt, "signature_b64");
        if (!signatureField.Present)
            checks.Fail(CheckName.Signature, $"the receipt carries no signature_b64: {unsigned}");
        else if (!signatureField.Usable || DecodeSignature(signatureField.Value!) is not { } signature)
            checks.Fail(CheckName.Signature, "signature_b64 is not 64 bytes of base64");
        else if (key is null)
            checks.Skip(CheckName.Signature, keyId is null ? "no key id: cannot verify" : $"key '{keyId}' is not trusted: cannot verify");
        else if (!algorithmOk || !messageOk)
            checks.Skip(CheckName.Signature, "the receipt's algorithm or signed message is not the one the spec defines: cannot verify");
        else if (ed25519.Verify(signature, digest, key.PublicKey))
            checks.Pass(CheckName.Signature, $"Ed25519 signature over the canonical digest verifies with {key.KeyId}");
        else
            checks.Fail(CheckName.Signature, $"the Ed25519 signature does not verify with {key.KeyId} over the canonical digest");
        return (keyId, signatureField.Value);
    }

    private static byte[]? DecodeSignature(string b64)
    {
        var buffer = new byte[96];
        return Convert.TryFromBase64String(b64, buffer, out var n) && n == Libsodium.SignatureBytes ? buffer[..n] : null;
    }

    /// <summary>Spec section 6: display fields that must agree with the signed canonical record. Returns the title, when usable.</summary>
    private static string? CheckCrossFields(List<Check> checks, JsonElement root, CanonicalRecord record)
    {
        var source = JsonFields.Object(root, "source");
        if (source.Problem is not null) checks.Fail(CheckName.Source, source.Problem);
        else if (!source.Present) checks.Skip(CheckName.Source, "the record has no top-level source");
        else if (CanonicalJson.CanonicallyEqual(source.Value, record.Source))
            checks.Pass(CheckName.Source, "equals canonical_record.source");
        else checks.Fail(CheckName.Source, $"{source.Value.GetRawText()} differs from canonical_record.source {record.Source.GetRawText()}");

        var paperField = JsonFields.Object(root, "paper");
        if (paperField.Problem is not null)
        {
            checks.Fail("paper", paperField.Problem);
            return null;
        }
        var paper = paperField.Value;
        checks.Equal(CheckName.PaperSubmittedAt, JsonFields.String(paper, "submitted_at"), record.SubmittedAt, required: false);
        checks.Equal(CheckName.PaperLicense, JsonFields.String(paper, "license"), record.License, required: false);
        checks.Equal(CheckName.PaperPrimaryCat, JsonFields.String(paper, "primary_cat"), record.PrimaryCat, required: false);

        var crossCats = JsonFields.StringArray(paper, "cross_cats");
        if (crossCats.Problem is not null) checks.Fail(CheckName.PaperCrossCats, crossCats.Problem);
        else if (!crossCats.Present) checks.Skip(CheckName.PaperCrossCats, "the record has no paper.cross_cats");
        else
        {
            var sorted = crossCats.Value!.OrderBy(c => c, CodePointComparer.Instance).ToList();
            if (sorted.SequenceEqual(record.CrossCatsSorted, StringComparer.Ordinal))
                checks.Pass(CheckName.PaperCrossCats, "sorted, equals cross_cats_sorted");
            else
                checks.Fail(CheckName.PaperCrossCats, $"sorted [{string.Join(", ", sorted)}] differs from cross_cats_sorted [{string.Join(", ", record.CrossCatsSorted)}]");
        }

        var title = JsonFields.String(paper, "title");
        CheckTextHash(checks, CheckName.TitleHash, title, record.TitleCanonSha256, excerpt: false);
        CheckTextHash(checks, CheckName.AbstractHash, JsonFields.String(paper, "abstract_excerpt"), record.AbstractCanonSha256, excerpt: true);

        if (JsonFields.Member(root, "graph_snapshot").Present)
            checks.Skip(CheckName.GraphSnapshot, "the rule behind snapshot_sha256 is unknown (spec section 6): not checked");
        return title.Usable ? title.Value : null;
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
            checks.Pass(name, (excerpt ? "the excerpt is the whole abstract; " : "") + "hash matches" + note);
        else if (excerpt)
            checks.Skip(name, "not checked (excerpt only): the excerpt does not hash to abstract_canon_sha256, so it is not the whole abstract");
        else
            checks.Fail(name, $"{what} hashes to {hash ?? "nothing (lone surrogate)"}, the canonical record says {expected}" + note);
    }
}
