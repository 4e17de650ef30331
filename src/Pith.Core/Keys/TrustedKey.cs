using System.Security.Cryptography;
using Pith.Core.Crypto;
using Pith.Core.Identifiers;

namespace Pith.Core.Keys;

/// <summary>An Ed25519 public key the user trusts, under the <c>key_id</c> receipts name it by.</summary>
public sealed class TrustedKey
{
    private NSec.Cryptography.PublicKey? _imported;

    public TrustedKey(string keyId, byte[] publicKey, string origin)
    {
        if (publicKey.Length != Ed25519Signatures.PublicKeyBytes) throw new ArgumentException("an Ed25519 public key is 32 bytes", nameof(publicKey));
        KeyId = keyId;
        PublicKey = publicKey;
        Origin = origin;
        var hash = SHA256.HashData(publicKey);
        Fingerprint = Convert.ToHexStringLower(hash.AsSpan(0, 16));
        // Despite its name, the published fingerprint_sha256_b32_first128bits is the first 26 base32 characters
        // of the whole digest (130 bits), as a Pith code is; base32 of exactly 16 bytes differs in the last one.
        FingerprintBase32 = Base32.Encode(hash.AsSpan(0, 17))[..26];
    }

    public string KeyId { get; }

    public byte[] PublicKey { get; }

    /// <summary>
    /// The key in the crypto library's form, imported on first use: loading libsodium is left to the commands that
    /// verify, so that the others work without it.
    /// </summary>
    internal NSec.Cryptography.PublicKey Imported =>
        Volatile.Read(ref _imported) ?? Interlocked.CompareExchange(ref _imported, Ed25519Signatures.ImportPublicKey(PublicKey), null) ?? _imported!;

    /// <summary>Where the key came from: "built-in" or the file it was read from.</summary>
    public string Origin { get; }

    /// <summary>Spec section 5: the first 16 bytes of SHA-256(public key), lower-case hex. Always computed, never read.</summary>
    public string Fingerprint { get; }

    /// <summary>The first 26 base32 characters of SHA-256(public key), as key files state them.</summary>
    public string FingerprintBase32 { get; }
}
