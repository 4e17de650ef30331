using System.Security.Cryptography;
using Pith.Core.Crypto;
using Pith.Testing;

namespace Pith.Bench;

/// <summary>
/// A yardstick for the machine's speed at the moment: every core verifying one Ed25519 signature with libsodium for a
/// second. This host's speed varies from run to run (its cores are shared in ways a process inside cannot see, and one
/// core may be slowed while the other is not), so a whole-process figure is read against the yardstick taken just
/// before it.
/// </summary>
public static class MachineSpeed
{
    /// <summary>Microseconds per verify on each core, all cores busy at once (after the usual warm-up).</summary>
    public static double Ed25519Microseconds(TestKey key)
    {
        var message = SHA256.HashData("pith machine speed"u8);
        var signature = key.Sign(message);
        var publicKey = Ed25519Signatures.ImportPublicKey(key.PublicKey);
        return Measurement.Parallel("ed25519_yardstick", "Ed25519 verify (NSec, libsodium), all cores", Environment.ProcessorCount, 1, TimeSpan.FromSeconds(1), _ =>
        {
            if (!Ed25519Signatures.Verify(signature, message, publicKey)) throw new BenchFailure("the test signature does not verify");
        }).MicrosecondsPerOperation;
    }

    /// <summary>The ceiling: signatures verified per second by every core at once, at <paramref name="microseconds"/> per verify per core.</summary>
    public static double CeilingPerSecond(double microseconds) => Environment.ProcessorCount * 1e6 / microseconds;
}
