using NSec.Cryptography;

namespace Pith.Core.Crypto;

/// <summary>
/// Ed25519 (RFC 8032) verification through NSec, which calls libsodium: pith writes no cryptography of its own.
/// libsodium verifies strictly: a signature whose S is not reduced, or a small-order key or R, is refused, so a
/// receipt cannot be re-encoded into a second valid one.
/// </summary>
public static class Ed25519Signatures
{
    public const int PublicKeyBytes = 32;
    public const int SignatureBytes = 64;

    /// <summary>
    /// Loads libsodium now, so that a verifying command stops before its work with one line naming what is missing,
    /// not on its first record. Throws <see cref="CryptoUnavailableException"/>.
    /// </summary>
    public static void EnsureAvailable() => _ = Algorithm;

    /// <summary>True when <paramref name="signature"/> is valid for <paramref name="message"/> under <paramref name="publicKey"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> message, PublicKey publicKey) =>
        signature.Length == SignatureBytes && Algorithm.Verify(publicKey, message, signature);

    /// <summary>The library's form of a raw 32-byte public key (any 32 bytes import; a weak key fails every verify).</summary>
    public static PublicKey ImportPublicKey(ReadOnlySpan<byte> publicKey) =>
        PublicKey.Import(Algorithm, publicKey, KeyBlobFormat.RawPublicKey);

    private static SignatureAlgorithm Algorithm
    {
        get
        {
            try
            {
                return SignatureAlgorithm.Ed25519;
            }
            // NSec's initialisation: the library is missing or not loadable (PlatformNotSupported), another version of it
            // was found (InvalidOperation), or it lacks a function (EntryPointNotFound).
            catch (Exception e) when (e is PlatformNotSupportedException or InvalidOperationException or EntryPointNotFoundException)
            {
                // The loader's own message lists every path it tried, over several lines: too much for one line.
                var cause = e.InnerException is DllNotFoundException ? "not found" : e.Message.Split('\n')[0].Trim();
                throw new CryptoUnavailableException(
                    $"cannot load libsodium, which pith needs for Ed25519 ({cause}): it ships with pith, as libsodium.so beside the executable; reinstall pith.");
            }
        }
    }
}
