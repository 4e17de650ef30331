using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NSec.Cryptography;
using Pith.Core.Keys;

namespace Pith.Testing;

/// <summary>
/// An Ed25519 key pair the tests generate (from a seed derived from its name, so runs repeat), for signing
/// test records, made and used through NSec. The real resolver key only ever verifies real records.
/// </summary>
public sealed class TestKey
{
    private readonly Key _key;

    public TestKey(string keyId)
    {
        KeyId = keyId;
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes("pith test key: " + keyId));
        _key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
        PublicKey = _key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        Trusted = new TrustedKey(keyId, PublicKey, "test");
    }

    public static TestKey Default { get; } = new("pith-test-2026");

    public string KeyId { get; }

    public byte[] PublicKey { get; }

    public TrustedKey Trusted { get; }

    public byte[] Sign(ReadOnlySpan<byte> message) => SignatureAlgorithm.Ed25519.Sign(_key, message);

    /// <summary>A key file in the resolver's published shape, for <c>--keys</c>.</summary>
    public string ToKeyFileJson() => new JsonObject
    {
        ["key_id"] = KeyId,
        ["algorithm"] = "ed25519",
        ["format"] = "raw",
        ["public_key_b64"] = Convert.ToBase64String(PublicKey),
        ["public_key_hex"] = Convert.ToHexStringLower(PublicKey),
        ["fingerprint_sha256_hex"] = Trusted.Fingerprint,
    }.ToJsonString();

    /// <summary>Trusted keys holding only this key.</summary>
    public TrustedKeys OnlyThis() => TrustedKeys.Only([Trusted]).Value!;
}
