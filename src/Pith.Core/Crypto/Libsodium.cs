using System.Runtime.InteropServices;

namespace Pith.Core.Crypto;

/// <summary>
/// Ed25519 through libsodium (the library NSec wraps), bound by hand: the platform has no Ed25519 and this
/// tool writes no cryptography of its own. Loaded once, on first use, under the usual names per OS.
/// </summary>
public sealed unsafe class Libsodium : IEd25519
{
    public const int PublicKeyBytes = 32;
    public const int SecretKeyBytes = 64;
    public const int SeedBytes = 32;
    public const int SignatureBytes = 64;

    private static readonly Lazy<Libsodium> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly delegate* unmanaged<byte*, byte*, ulong, byte*, int> _verifyDetached;
    private readonly delegate* unmanaged<byte*, ulong*, byte*, ulong, byte*, int> _signDetached;
    private readonly delegate* unmanaged<byte*, byte*, byte*, int> _seedKeypair;

    private Libsodium(IntPtr handle)
    {
        _verifyDetached = (delegate* unmanaged<byte*, byte*, ulong, byte*, int>)Export(handle, "crypto_sign_verify_detached");
        _signDetached = (delegate* unmanaged<byte*, ulong*, byte*, ulong, byte*, int>)Export(handle, "crypto_sign_detached");
        _seedKeypair = (delegate* unmanaged<byte*, byte*, byte*, int>)Export(handle, "crypto_sign_seed_keypair");
    }

    /// <summary>The loaded library; throws <see cref="CryptoUnavailableException"/> naming the package to install.</summary>
    public static Libsodium Instance => Loaded.Value;

    public bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> message, ReadOnlySpan<byte> publicKey)
    {
        if (signature.Length != SignatureBytes || publicKey.Length != PublicKeyBytes) return false;
        fixed (byte* sig = signature)
        fixed (byte* msg = message)
        fixed (byte* pk = publicKey)
        {
            return _verifyDetached(sig, msg, (ulong)message.Length, pk) == 0;
        }
    }

    /// <summary>Signs <paramref name="message"/>: for tests and benchmarks, which sign with keys they generate.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message, ReadOnlySpan<byte> secretKey)
    {
        if (secretKey.Length != SecretKeyBytes) throw new ArgumentException("an Ed25519 secret key is 64 bytes", nameof(secretKey));
        var signature = new byte[SignatureBytes];
        fixed (byte* sig = signature)
        fixed (byte* msg = message)
        fixed (byte* sk = secretKey)
        {
            ulong length;
            if (_signDetached(sig, &length, msg, (ulong)message.Length, sk) != 0)
                throw new InvalidOperationException("crypto_sign_detached failed");
        }
        return signature;
    }

    /// <summary>The key pair for a 32-byte seed (deterministic, so tests can make the same key every run).</summary>
    public (byte[] PublicKey, byte[] SecretKey) KeyPairFromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != SeedBytes) throw new ArgumentException("an Ed25519 seed is 32 bytes", nameof(seed));
        var pk = new byte[PublicKeyBytes];
        var sk = new byte[SecretKeyBytes];
        fixed (byte* p = pk)
        fixed (byte* s = sk)
        fixed (byte* sd = seed)
        {
            if (_seedKeypair(p, s, sd) != 0) throw new InvalidOperationException("crypto_sign_seed_keypair failed");
        }
        return (pk, sk);
    }

    private static Libsodium Load()
    {
        var names = CandidateNames();
        foreach (var name in names)
        {
            if (!NativeLibrary.TryLoad(name, typeof(Libsodium).Assembly, DllImportSearchPath.SafeDirectories | DllImportSearchPath.AssemblyDirectory, out var handle))
                continue;
            var init = (delegate* unmanaged<int>)Export(handle, "sodium_init");
            // 0: initialised now, 1: already initialised; -1: failure.
            if (init() < 0) throw new CryptoUnavailableException($"libsodium ({name}) failed to initialise (sodium_init)");
            return new Libsodium(handle);
        }
        throw new CryptoUnavailableException(
            "libsodium is not installed (needed for Ed25519; tried " + string.Join(", ", names) + "). " + InstallHint());
    }

    private static IntPtr Export(IntPtr handle, string name) =>
        NativeLibrary.TryGetExport(handle, name, out var address)
            ? address
            : throw new CryptoUnavailableException($"the libsodium found lacks {name}: install libsodium 1.0.18 or newer. " + InstallHint());

    private static string[] CandidateNames()
    {
        if (OperatingSystem.IsWindows()) return ["libsodium.dll", "sodium.dll"];
        if (OperatingSystem.IsMacOS())
            return ["libsodium.26.dylib", "libsodium.23.dylib", "libsodium.dylib", "/opt/homebrew/lib/libsodium.dylib", "/usr/local/lib/libsodium.dylib"];
        return ["libsodium.so.26", "libsodium.so.23", "libsodium.so"];
    }

    private static string InstallHint()
    {
        if (OperatingSystem.IsWindows()) return "Install it: put libsodium.dll (from the libsodium release) next to pith.exe or on PATH.";
        if (OperatingSystem.IsMacOS()) return "Install it: brew install libsodium.";
        return "Install it: Debian/Ubuntu: apt-get install libsodium23; Fedora: dnf install libsodium; Alpine: apk add libsodium.";
    }
}
