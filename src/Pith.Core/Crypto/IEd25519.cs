namespace Pith.Core.Crypto;

/// <summary>Ed25519 signature verification (RFC 8032). The one seam to the crypto library.</summary>
public interface IEd25519
{
    /// <summary>True when <paramref name="signature"/> (64 bytes) is valid for <paramref name="message"/> under <paramref name="publicKey"/> (32 bytes).</summary>
    bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> message, ReadOnlySpan<byte> publicKey);
}
