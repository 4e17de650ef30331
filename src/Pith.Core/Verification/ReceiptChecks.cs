using System.Text.Json;
using Pith.Core.Crypto;
using Pith.Core.Json;
using Pith.Core.Keys;

namespace Pith.Core.Verification;

/// <summary>
/// A section 5 receipt, wherever a document carries it (a record's <c>receipt</c>, a bundle's <c>record_created</c>
/// event payload): its fields and its Ed25519 signature over the computed digest, against the trusted keys.
/// </summary>
internal sealed class ReceiptChecks(TrustedKeys trustedKeys)
{
    /// <summary>The receipt's <c>canonical_sha256</c> against the computed digest.</summary>
    public static void CheckHash(List<Check> checks, JsonField<JsonElement> receipt, string digestHex)
    {
        if (!receipt.Usable)
            checks.Fail(CheckName.ReceiptCanonicalSha256, receipt.Problem ?? "no receipt");
        else
            checks.Equal(CheckName.ReceiptCanonicalSha256, receipt.Value, "canonical_sha256", digestHex, required: true);
    }

    /// <summary>
    /// The receipt's fields and its signature over the computed digest; <paramref name="unsigned"/> says what an absent
    /// receipt or signature means. Returns the key id and signature it states.
    /// </summary>
    public (string? KeyId, string? SignatureB64) Check(List<Check> checks, JsonField<JsonElement> receiptField, byte[] digest, string unsigned)
    {
        if (!receiptField.Usable)
        {
            var why = receiptField.Problem ?? "no receipt";
            foreach (var name in new[] { CheckName.ReceiptAlgorithm, CheckName.ReceiptSignedMessage, CheckName.ReceiptKeyId, CheckName.ReceiptFingerprint })
                checks.Skip(name, why);
            checks.Fail(CheckName.Signature, $"{why}: {unsigned}");
            return (null, null);
        }
        var receipt = receiptField.Value;
        var algorithmOk = checks.Equal(CheckName.ReceiptAlgorithm, receipt, "algorithm", RecordVerifier.ReceiptAlgorithm, required: true);
        var messageOk = checks.Equal(CheckName.ReceiptSignedMessage, receipt, "signed_message", RecordVerifier.ReceiptSignedMessage, required: true);

        var keyIdField = JsonFields.String(receipt, "key_id");
        var keyId = keyIdField.Usable ? keyIdField.Value : null;
        var key = keyId is null ? null : trustedKeys.Find(keyId);
        if (keyId is null)
            checks.Fail(CheckName.ReceiptKeyId, keyIdField.Problem ?? "the receipt names no key_id");
        else if (key is null)
            checks.Fail(CheckName.ReceiptKeyId, $"'{keyId}' is not a trusted key (a record never brings its own key; add one with --keys)");
        else
            checks.Pass(CheckName.ReceiptKeyId, $"{keyId} (trusted, {key.Origin})");

        // Spec section 5: the fingerprint must equal the trusted key's; a receipt without one fails.
        if (key is null) checks.Skip(CheckName.ReceiptFingerprint, "no trusted key to compare with");
        else checks.Equal(CheckName.ReceiptFingerprint, receipt, "public_key_fingerprint", key.Fingerprint, required: true);

        var signatureField = JsonFields.String(receipt, "signature_b64");
        if (!signatureField.Present)
            checks.Fail(CheckName.Signature, $"the receipt carries no signature_b64: {unsigned}");
        else if (!signatureField.Usable || DecodeSignature(signatureField.Value!) is not { } signature)
            checks.Fail(CheckName.Signature, "signature_b64 is not 64 bytes of base64");
        else if (key is null)
            checks.Skip(CheckName.Signature, keyId is null ? "no key id: cannot verify" : $"key '{keyId}' is not trusted: cannot verify");
        else if (!algorithmOk || !messageOk)
            checks.Skip(CheckName.Signature, "the receipt's algorithm or signed message is not the one the spec defines: cannot verify");
        else if (Ed25519Signatures.Verify(signature, digest, key.Imported))
            checks.Pass(CheckName.Signature, $"Ed25519 signature over the canonical digest verifies with {key.KeyId}");
        else
            checks.Fail(CheckName.Signature, $"the Ed25519 signature does not verify with {key.KeyId} over the canonical digest");
        return (keyId, signatureField.Value);
    }

    private static byte[]? DecodeSignature(string b64)
    {
        Span<byte> buffer = stackalloc byte[96];
        return Convert.TryFromBase64String(b64, buffer, out var n) && n == Ed25519Signatures.SignatureBytes ? buffer[..n].ToArray() : null;
    }
}
