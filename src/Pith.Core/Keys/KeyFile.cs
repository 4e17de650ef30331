using System.Text.Json;
using Pith.Core.Documents;
using Pith.Core.Json;

namespace Pith.Core.Keys;

/// <summary>
/// Reads public keys from a key file: one key object (like samples/keys/pith-v1-2026-05.json), an array of
/// them, <c>{"keys":[…]}</c>, or a <c>pith-mirrors.json</c> manifest (<c>mirrors[].public_key</c>, or a top-level
/// <c>public_key</c>). A stated fingerprint that disagrees with its key refuses the whole file, whatever form the key
/// is given in.
/// </summary>
public static class KeyFile
{
    // The fields a fingerprint is stated in, and the spelling each takes: the first 16 bytes of SHA-256(key) in hex, or
    // the first 26 base32 characters of it.
    private static readonly (string Field, bool Base32)[] FingerprintFields =
    [
        ("fingerprint_sha256_hex", false), ("public_key_fingerprint", false), ("fingerprint", false), ("fingerprint_sha256_b32_first128bits", true),
    ];

    public static ParseResult<IReadOnlyList<TrustedKey>> Read(ReadOnlyMemory<byte> bytes, string origin)
    {
        var parsed = JsonDocumentReader.Read(bytes);
        if (!parsed.Success) return Fail(origin, parsed.Error!);
        using var doc = parsed.Value!;
        var root = doc.RootElement;
        var keys = new List<TrustedKey>();
        string? error;
        if (root.ValueKind == JsonValueKind.Array)
        {
            error = ReadEach(root, "", origin, keys);
        }
        else if (root.ValueKind != JsonValueKind.Object)
        {
            error = "expected a key object, an array of keys, {\"keys\":[...]} or a pith-mirrors.json manifest";
        }
        else if (root.TryGetProperty("keys", out var list))
        {
            error = list.ValueKind == JsonValueKind.Array ? ReadEach(list, "keys", origin, keys) : "\"keys\" is not an array";
        }
        else if (root.TryGetProperty("mirrors", out var mirrors) || root.TryGetProperty("public_key", out _))
        {
            error = ReadManifest(root, origin, keys);
        }
        else
        {
            error = ReadKey(root, "", origin, keys);
        }
        if (error is null && keys.Count == 0) error = "holds no keys";
        return error is null ? ParseResult<IReadOnlyList<TrustedKey>>.ForValue(keys) : Fail(origin, error);
    }

    private static ParseResult<IReadOnlyList<TrustedKey>> Fail(string origin, string error) =>
        ParseResult<IReadOnlyList<TrustedKey>>.ForError($"key file {origin}: {error}");

    private static string? ReadEach(JsonElement array, string path, string origin, List<TrustedKey> keys)
    {
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (ReadKey(item, $"{path}[{i++}]", origin, keys) is { } error) return error;
        }
        return null;
    }

    private static string? ReadManifest(JsonElement root, string origin, List<TrustedKey> keys)
    {
        if (root.TryGetProperty("public_key", out var top) && ReadManifestEntry(root, top, "public_key", origin, keys) is { } topError)
            return topError;
        if (!root.TryGetProperty("mirrors", out var mirrors)) return null;
        if (mirrors.ValueKind != JsonValueKind.Array) return "\"mirrors\" is not an array";
        var i = 0;
        foreach (var mirror in mirrors.EnumerateArray())
        {
            var path = $"mirrors[{i++}]";
            if (mirror.ValueKind != JsonValueKind.Object) return $"{path} is not an object";
            // A mirror that states no key is a mirror of the resolver's key; one that states a key must state it well.
            if (mirror.TryGetProperty("public_key", out var key) && ReadManifestEntry(mirror, key, path + ".public_key", origin, keys) is { } error)
                return error;
        }
        return null;
    }

    // A manifest's public_key is a key object, or the key itself as text with key_id beside it. A fingerprint stated
    // beside it is checked whichever form the key takes.
    private static string? ReadManifestEntry(JsonElement owner, JsonElement key, string path, string origin, List<TrustedKey> keys)
    {
        if (key.ValueKind == JsonValueKind.Object)
        {
            if (ReadKey(key, path, origin, keys) is { } error) return error;
            return StatedFingerprintError(owner, keys[^1]) is { } besides ? $"{path}: {besides}" : null;
        }
        if (key.ValueKind != JsonValueKind.String) return $"{path} is neither a key object nor a string";
        var keyId = String(owner, "key_id") ?? String(owner, "public_key_id");
        if (keyId is null) return $"{path} names no key_id";
        var bytes = String(owner, "public_key") is { } text ? DecodeKey(text) : null;
        if (bytes is null) return $"{path} is not a 32-byte key in base64 or hex";
        var trusted = new TrustedKey(keyId, bytes, origin);
        if (StatedFingerprintError(owner, trusted) is { } wrong) return $"{path}: {wrong}";
        keys.Add(trusted);
        return null;
    }

    private static string? ReadKey(JsonElement key, string path, string origin, List<TrustedKey> keys)
    {
        var at = path.Length == 0 ? "" : path + ": ";
        if (key.ValueKind != JsonValueKind.Object) return at + "a key must be a JSON object";
        var keyId = String(key, "key_id");
        if (string.IsNullOrEmpty(keyId)) return at + "no key_id";
        var algorithm = String(key, "algorithm");
        if (algorithm is not null && algorithm != "ed25519") return at + $"key {keyId}: algorithm '{algorithm}' is not ed25519";
        var b64 = String(key, "public_key_b64");
        var hex = String(key, "public_key_hex");
        byte[]? fromB64 = null, fromHex = null;
        if (b64 is not null && (fromB64 = DecodeBase64(b64)) is null) return at + $"key {keyId}: public_key_b64 is not 32 bytes of base64";
        if (hex is not null && (fromHex = DecodeHex(hex)) is null) return at + $"key {keyId}: public_key_hex is not 32 bytes of hex";
        if (fromB64 is not null && fromHex is not null && !fromB64.AsSpan().SequenceEqual(fromHex))
            return at + $"key {keyId}: public_key_b64 and public_key_hex are different keys";
        var publicKey = fromB64 ?? fromHex;
        if (publicKey is null) return at + $"key {keyId}: no public_key_b64 or public_key_hex";
        var trusted = new TrustedKey(keyId, publicKey, origin);
        if (StatedFingerprintError(key, trusted) is { } wrong) return at + wrong;
        keys.Add(trusted);
        return null;
    }

    /// <summary>Why a fingerprint stated in <paramref name="holder"/> is not <paramref name="key"/>'s own, or null when none is wrong.</summary>
    private static string? StatedFingerprintError(JsonElement holder, TrustedKey key)
    {
        foreach (var (field, base32) in FingerprintFields)
        {
            if (!holder.TryGetProperty(field, out _)) continue;
            var computed = base32 ? key.FingerprintBase32 : key.Fingerprint;
            // A fingerprint that is not text cannot be compared: it is refused like a wrong one.
            var stated = String(holder, field);
            if (stated is null) return $"key {key.KeyId}: stated {field} is not a string";
            if (!string.Equals(stated, computed, StringComparison.OrdinalIgnoreCase))
                return $"key {key.KeyId}: stated {field} {stated} disagrees with the key's own {computed}";
        }
        return null;
    }

    // A value that is not a usable string (wrong type, lone surrogate) counts as absent: the key is then refused for what it lacks.
    private static string? String(JsonElement obj, string name) => JsonFields.String(obj, name) is { Usable: true } field ? field.Value : null;

    private static byte[]? DecodeKey(string text) => DecodeHex(text) ?? DecodeBase64(text);

    private static byte[]? DecodeBase64(string text)
    {
        var buffer = new byte[48];
        return Convert.TryFromBase64String(text, buffer, out var n) && n == 32 ? buffer[..32] : null;
    }

    private static byte[]? DecodeHex(string text)
    {
        if (text.Length != 64) return null;
        try
        {
            return Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
