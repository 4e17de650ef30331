using Pith.Core.Crypto;
using Xunit;

namespace Pith.Core.Tests.Crypto;

public class LibsodiumTests
{
    [Fact]
    public void Verifies_the_rfc8032_test_vector()
    {
        // RFC 8032 section 7.1, TEST 1 (empty message).
        var publicKey = Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        var signature = Convert.FromHexString(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        Assert.True(Libsodium.Instance.Verify(signature, [], publicKey));
        signature[0] ^= 1;
        Assert.False(Libsodium.Instance.Verify(signature, [], publicKey));
    }

    [Fact]
    public void Signs_and_verifies_with_a_seeded_key()
    {
        var (publicKey, secretKey) = Libsodium.Instance.KeyPairFromSeed(new byte[32]);
        var message = new byte[32];
        var signature = Libsodium.Instance.Sign(message, secretKey);
        Assert.True(Libsodium.Instance.Verify(signature, message, publicKey));
        message[31] ^= 0x80;
        Assert.False(Libsodium.Instance.Verify(signature, message, publicKey));
    }

    [Fact]
    public void Rejects_wrong_lengths_without_calling_into_the_library()
    {
        Assert.False(Libsodium.Instance.Verify(new byte[63], new byte[32], new byte[32]));
        Assert.False(Libsodium.Instance.Verify(new byte[64], new byte[32], new byte[31]));
    }
}
