using System.Numerics;
using Pith.Core.Crypto;
using Pith.Testing;
using Xunit;

namespace Pith.Core.Tests.Crypto;

public class Ed25519SignaturesTests
{
    // RFC 8032 section 7.1, TEST 1 (empty message).
    private static readonly byte[] Rfc8032PublicKey = Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

    private static readonly byte[] Rfc8032Signature = Convert.FromHexString(
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

    // The order of the Ed25519 base point (RFC 8032 section 5.1).
    private static readonly BigInteger L = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493");

    private static bool Verify(byte[] signature, byte[] message, byte[] publicKey) =>
        Ed25519Signatures.Verify(signature, message, Ed25519Signatures.ImportPublicKey(publicKey));

    [Fact]
    public void Verifies_the_rfc8032_test_vector()
    {
        Assert.True(Verify(Rfc8032Signature, [], Rfc8032PublicKey));
        var changed = (byte[])Rfc8032Signature.Clone();
        changed[0] ^= 1;
        Assert.False(Verify(changed, [], Rfc8032PublicKey));
    }

    [Fact]
    public void Verifies_what_a_test_key_signs_and_nothing_else()
    {
        var key = new TestKey("pith-crypto-test");
        var message = new byte[32];
        var signature = key.Sign(message);
        Assert.True(Verify(signature, message, key.PublicKey));
        message[31] ^= 0x80;
        Assert.False(Verify(signature, message, key.PublicKey));
        Assert.False(Verify(signature, new byte[32], new TestKey("another").PublicKey));
    }

    [Fact]
    public void Refuses_a_signature_whose_S_is_not_reduced()
    {
        // S + L satisfies the verification equation as well as S does: a lenient verifier would accept this second
        // encoding of the same signature. libsodium refuses every S >= L.
        var key = new TestKey("pith-crypto-test");
        var message = new byte[32];
        var signature = key.Sign(message);
        var s = new BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: false);
        var malleated = (byte[])signature.Clone();
        Assert.True((s + L).TryWriteBytes(malleated.AsSpan(32), out var written, isUnsigned: true, isBigEndian: false));
        Assert.Equal(32, written);

        Assert.True(Verify(signature, message, key.PublicKey));
        Assert.False(Verify(malleated, message, key.PublicKey));
    }

    [Fact]
    public void Refuses_a_small_order_public_key()
    {
        // The neutral point as the key, R the base point and S = 1: [S]B = R + [k]A holds for every message, so a
        // verifier that lets small-order keys through accepts this "signature" of anything. R and S are well formed,
        // so only the key is refused.
        var neutral = new byte[32];
        neutral[0] = 1;
        var signature = new byte[64];
        Convert.FromHexString("5866666666666666666666666666666666666666666666666666666666666666").CopyTo(signature, 0);
        signature[32] = 1;

        Assert.False(Verify(signature, new byte[32], neutral));
        Assert.False(Verify(signature, "anything"u8.ToArray(), neutral));
    }

    [Fact]
    public void Refuses_a_signature_of_the_wrong_length()
    {
        var key = new TestKey("pith-crypto-test");
        var signature = key.Sign(new byte[32]);
        Assert.False(Verify(signature[..63], new byte[32], key.PublicKey));
        Assert.False(Verify([.. signature, 0], new byte[32], key.PublicKey));
    }
}
