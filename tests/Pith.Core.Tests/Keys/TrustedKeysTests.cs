using Pith.Core.Keys;
using Pith.Testing;
using Xunit;

namespace Pith.Core.Tests.Keys;

public class TrustedKeysTests
{
    [Fact]
    public void The_built_in_key_is_the_resolver_key_of_the_sample_key_file()
    {
        var key = Assert.Single(TrustedKeys.Default().All);
        Assert.Equal("pith-v1-2026-05", key.KeyId);
        Assert.Equal(Convert.FromBase64String("stVStoiQhXFxp4s2pdzPNoqVNBMojDU/fJ2db5S3CbM="), key.PublicKey);
        Assert.Equal("8d4b5ee74e4693bcd1df2446408b0d54", key.Fingerprint);
    }

    [Fact]
    public void Adds_keys_beside_the_built_in_one()
    {
        var test = new TestKey("test-key-a");
        var keys = TrustedKeys.WithBuiltIn([test.Trusted, test.Trusted]).Value!;
        Assert.Equal(2, keys.All.Count);
        Assert.Same(test.Trusted, keys.Find("test-key-a"));
        Assert.Null(keys.Find("nobody"));
    }

    [Fact]
    public void Refuses_one_key_id_bound_to_two_keys()
    {
        var impostor = new TrustedKey(TrustedKeys.BuiltInKeyId, new TestKey("impostor").PublicKey, "evil.json");
        var result = TrustedKeys.WithBuiltIn([impostor]);
        Assert.False(result.Success);
        Assert.Contains("two different keys", result.Error, StringComparison.Ordinal);
    }
}
