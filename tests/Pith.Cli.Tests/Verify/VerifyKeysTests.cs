using System.Text.Json.Nodes;
using Pith.Testing;
using Xunit;

namespace Pith.Cli.Tests.Verify;

/// <summary><c>--keys FILE</c>: which keys a receipt may be signed with, and refusing key files that cannot be trusted.</summary>
public sealed class VerifyKeysTests : IDisposable
{
    // Built before the temp folder, so a failure here leaves no folder behind.
    private readonly JsonObject _record = RecordFactory.Create(TestKey.Default);
    private readonly TempFolder _temp = new();
    private readonly string _recordPath;

    public VerifyKeysTests() => _recordPath = _temp.Write("test-signed.json", RecordFactory.ToBytes(_record));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void TestKeyRecord_WithoutKeys_IsNotTrusted()
    {
        var result = PithProcess.Run("verify", _recordPath);

        result.AssertExit(1);
        var line = Assert.Single(result.StdoutLines);
        Assert.StartsWith($"FAIL {_recordPath}: receipt.key_id: ", line, StringComparison.Ordinal);
        Assert.Contains(TestKey.Default.KeyId, line, StringComparison.Ordinal);
    }

    [Fact]
    public void TestKeyRecord_WithItsKeyFile_IsValid()
    {
        var keys = _temp.Write("test-key.json", TestKey.Default.ToKeyFileJson());

        var result = PithProcess.Run("verify", "--keys", keys, _recordPath);

        result.AssertExit(0);
        Assert.Equal([$"OK {_record["pith_number"]!.GetValue<string>()} {_recordPath}"], result.StdoutLines);
    }

    [Fact]
    public void KeyFileWhoseFingerprintDisagrees_Exit2_BeforeVerifyingAnything()
    {
        var key = JsonNode.Parse(TestKey.Default.ToKeyFileJson())!.AsObject();
        key["fingerprint_sha256_hex"] = new string('0', 32);
        var keys = _temp.Write("wrong-fingerprint.json", key.ToJsonString());

        var result = PithProcess.Run("verify", "--keys", keys, _recordPath);

        result.AssertExit(2);
        Assert.Empty(result.Stdout);
        var error = Assert.Single(result.StderrLines);
        Assert.Contains("fingerprint", error, StringComparison.Ordinal);
        Assert.Contains(keys, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ManifestKeyAsTextWhoseFingerprintDisagrees_Exit2_BeforeVerifyingAnything()
    {
        var manifest = new JsonObject
        {
            ["manifest_version"] = "1.0",
            ["mirrors"] = new JsonArray(new JsonObject
            {
                ["url"] = "https://mirror.example",
                ["key_id"] = TestKey.Default.KeyId,
                ["public_key"] = Convert.ToHexStringLower(TestKey.Default.PublicKey),
                ["fingerprint"] = new string('0', 32),
            }),
        };
        var keys = _temp.Write("pith-mirrors.json", manifest.ToJsonString());

        var result = PithProcess.Run("verify", "--keys", keys, _recordPath);

        result.AssertExit(2);
        Assert.Empty(result.Stdout);
        var error = Assert.Single(result.StderrLines);
        Assert.Contains("mirrors[0].public_key: key " + TestKey.Default.KeyId + ": stated fingerprint 00000000000000000000000000000000 disagrees", error, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedKeyFile_Exit2_WithOneLineReason()
    {
        var keys = _temp.Write("broken-key.json", """{"key_id": "pith-test-2026", "public_key_b64": """);

        var result = PithProcess.Run("verify", "--keys", keys, _recordPath);

        result.AssertExit(2);
        Assert.Empty(result.Stdout);
        var error = Assert.Single(result.StderrLines);
        Assert.StartsWith($"pith: key file {keys}: ", error, StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }
    [Theory]
    [InlineData("fingerprint")]
    [InlineData("public_key_fingerprint")]
    public void ManifestKeyObjectBesideAWrongFingerprint_Exit2_BeforeVerifyingAnything(string field)
    {
        // The mirror states the key as an object and its fingerprint beside it, as it does beside a key given as text.
        var manifest = new JsonObject
        {
            ["manifest_version"] = "1.0",
            ["mirrors"] = new JsonArray(new JsonObject
            {
                ["url"] = "https://mirror.example",
                ["public_key"] = JsonNode.Parse(TestKey.Default.ToKeyFileJson()),
                [field] = new string('0', 32),
            }),
        };
        var keys = _temp.Write("pith-mirrors.json", manifest.ToJsonString());

        var result = PithProcess.Run("verify", "--keys", keys, _recordPath);

        result.AssertExit(2);
        Assert.Empty(result.Stdout);
        var error = Assert.Single(result.StderrLines);
        Assert.Contains($"mirrors[0].public_key: key {TestKey.Default.KeyId}: stated {field} 00000000000000000000000000000000 disagrees", error, StringComparison.Ordinal);
    }
}
