using System.Text;
using Pith.Core.Keys;
using Pith.Testing;
using Xunit;

namespace Pith.Core.Tests.Keys;

public class KeyFileTests
{
    private static readonly TestKey Test = new("test-key-a");

    private static string KeyObject(TestKey key, string extra = "") =>
        $"{{\"key_id\":\"{key.KeyId}\",\"public_key_b64\":\"{Convert.ToBase64String(key.PublicKey)}\"{extra}}}";

    private static IReadOnlyList<TrustedKey> Read(string json)
    {
        var result = KeyFile.Read(Encoding.UTF8.GetBytes(json), "keys.json");
        Assert.True(result.Success, result.Error);
        return result.Value!;
    }

    private static string ErrorOf(string json)
    {
        var result = KeyFile.Read(Encoding.UTF8.GetBytes(json), "keys.json");
        Assert.False(result.Success);
        Assert.StartsWith("key file keys.json: ", result.Error, StringComparison.Ordinal);
        return result.Error!;
    }

    [Fact]
    public void Reads_the_resolver_key_file_and_checks_its_stated_fingerprints()
    {
        var read = KeyFile.Read(File.ReadAllBytes(Samples.KeyFile), "sample");
        Assert.True(read.Success, read.Error);
        var key = Assert.Single(read.Value!);
        Assert.Equal(TrustedKeys.BuiltInKeyId, key.KeyId);
        Assert.Equal(TrustedKeys.BuiltIn.PublicKey, key.PublicKey);
        Assert.Equal("8d4b5ee74e4693bcd1df2446408b0d54", key.Fingerprint);
        Assert.Equal("RVFV5Z2OI2J3ZUO7ERDEBCYNKS", key.FingerprintBase32);
    }

    [Fact]
    public void Reads_every_container_shape()
    {
        var other = new TestKey("test-key-b");
        Assert.Equal(Test.PublicKey, Assert.Single(Read($"{{\"key_id\":\"{Test.KeyId}\",\"public_key_hex\":\"{Convert.ToHexStringLower(Test.PublicKey)}\"}}")).PublicKey);
        Assert.Equal([Test.KeyId, other.KeyId], Read($"[{KeyObject(Test)},{KeyObject(other)}]").Select(k => k.KeyId));
        Assert.Equal([Test.KeyId], Read($"{{\"keys\":[{KeyObject(Test)}]}}").Select(k => k.KeyId));
        Assert.Equal([Test.KeyId, other.KeyId], Read($"{{\"manifest_version\":\"1.0\",\"mirrors\":[{{\"url\":\"https://m.example\",\"public_key\":{KeyObject(Test)}}},{{\"key_id\":\"{other.KeyId}\",\"public_key\":\"{Convert.ToBase64String(other.PublicKey)}\"}}]}}").Select(k => k.KeyId));
        Assert.Equal([Test.KeyId], Read($"{{\"public_key\":{KeyObject(Test)}}}").Select(k => k.KeyId));
    }

    public static TheoryData<string> KeysAsTextWithAWrongFingerprint()
    {
        var b64 = Convert.ToBase64String(Test.PublicKey);
        var hex = Convert.ToHexStringLower(Test.PublicKey);
        var wrong = new string('0', 32);
        return new TheoryData<string>
        {
            $"{{\"key_id\":\"{Test.KeyId}\",\"public_key\":\"{b64}\",\"public_key_fingerprint\":\"{wrong}\"}}",
            $"{{\"mirrors\":[{{\"url\":\"https://m.example\",\"key_id\":\"{Test.KeyId}\",\"public_key\":\"{hex}\",\"fingerprint\":\"{wrong}\"}}]}}",
            $"{{\"mirrors\":[{{\"key_id\":\"{Test.KeyId}\",\"public_key\":\"{hex}\",\"fingerprint_sha256_b32_first128bits\":\"AAAAAAAAAAAAAAAAAAAAAAAAAA\"}}]}}",
            $"{{\"mirrors\":[{{\"key_id\":\"{Test.KeyId}\",\"public_key\":\"{hex}\",\"fingerprint_sha256_hex\":\"{wrong}\"}}]}}",
        };
    }

    [Theory]
    [MemberData(nameof(KeysAsTextWithAWrongFingerprint))]
    public void Refuses_a_key_given_as_text_beside_a_fingerprint_that_disagrees(string json) =>
        Assert.Contains("disagrees with the key's own", ErrorOf(json), StringComparison.Ordinal);

    [Fact]
    public void Accepts_a_key_given_as_text_beside_its_own_fingerprints()
    {
        var hex = Convert.ToHexStringLower(Test.PublicKey);
        var key = Assert.Single(Read(
            $"{{\"mirrors\":[{{\"key_id\":\"{Test.KeyId}\",\"public_key\":\"{hex}\",\"fingerprint\":\"{Test.Trusted.Fingerprint.ToUpperInvariant()}\",\"fingerprint_sha256_b32_first128bits\":\"{Test.Trusted.FingerprintBase32}\"}}]}}"));
        Assert.Equal(Test.PublicKey, key.PublicKey);
    }

    [Fact]
    public void Refuses_a_fingerprint_that_is_not_text_and_a_mirror_that_is_not_an_object()
    {
        Assert.Contains("fingerprint_sha256_hex is not a string", ErrorOf(KeyObject(Test, ",\"fingerprint_sha256_hex\":12")), StringComparison.Ordinal);
        Assert.Contains("mirrors[1] is not an object", ErrorOf($"{{\"mirrors\":[{{\"url\":\"https://m.example\"}},\"{Convert.ToBase64String(Test.PublicKey)}\"]}}"), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_stated_fingerprint_that_disagrees_with_the_key()
    {
        var wrong = new string('0', 32);
        Assert.Contains("disagrees", ErrorOf(KeyObject(Test, $",\"fingerprint_sha256_hex\":\"{wrong}\"")), StringComparison.Ordinal);
        Assert.Contains("disagrees", ErrorOf(KeyObject(Test, ",\"fingerprint_sha256_b32_first128bits\":\"AAAAAAAAAAAAAAAAAAAAAAAAAA\"")), StringComparison.Ordinal);
        Assert.Single(Read(KeyObject(Test, $",\"fingerprint_sha256_hex\":\"{Test.Trusted.Fingerprint}\"")));
    }

    [Theory]
    [InlineData("{\"key_id\":\"k\",\"public_key_b64\":\"AAAA\"}", "32 bytes")]
    [InlineData("{\"public_key_b64\":\"stVStoiQhXFxp4s2pdzPNoqVNBMojDU/fJ2db5S3CbM=\"}", "no key_id")]
    [InlineData("{\"key_id\":\"k\"}", "no public_key")]
    [InlineData("{\"key_id\":\"k\",\"algorithm\":\"rsa\",\"public_key_b64\":\"stVStoiQhXFxp4s2pdzPNoqVNBMojDU/fJ2db5S3CbM=\"}", "not ed25519")]
    [InlineData("{\"keys\":[]}", "no keys")]
    [InlineData("[1]", "JSON object")]
    [InlineData("not json", "not JSON")]
    [InlineData("{\"key_id\":\"\\ud800\",\"public_key_b64\":\"stVStoiQhXFxp4s2pdzPNoqVNBMojDU/fJ2db5S3CbM=\"}", "no key_id")]
    public void Refuses_malformed_key_files_with_a_reason(string json, string reason) =>
        Assert.Contains(reason, ErrorOf(json), StringComparison.Ordinal);

    [Fact]
    public void Refuses_base64_and_hex_that_name_different_keys()
    {
        var other = new TestKey("test-key-b");
        Assert.Contains("different keys", ErrorOf(KeyObject(Test, $",\"public_key_hex\":\"{Convert.ToHexStringLower(other.PublicKey)}\"")), StringComparison.Ordinal);
    }
}
