using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Pith.Core.Crypto;
using Pith.Core.Documents;
using Pith.Core.Json;
using Pith.Core.Verification;
using Pith.Testing;

namespace Pith.Bench;

/// <summary>
/// <c>verify</c>: RecordVerifier.Verify throughput on generated records, on one thread and on every core, and its two
/// big parts timed alone on one thread (parse, canonicalise and hash; the Ed25519 verify), so the rest follows by
/// difference. Every result must be Valid: a benchmark of failures measures the wrong code path.
/// </summary>
public static class VerifyBench
{
    public const string Name = "verify";
    public const int DefaultRecords = 20_000;
    public const double DefaultSeconds = 3;

    public static readonly string[] ValuedOptions = ["--records", "--seconds"];

    public static Report Run(BenchArguments arguments, TextWriter progress)
    {
        var count = arguments.Int("--records", DefaultRecords, minimum: 1);
        var minimum = TimeSpan.FromSeconds(arguments.Double("--seconds", DefaultSeconds, minimum: 0));
        var report = new Report(Name);

        progress.WriteLine($"generating {count:N0} records...");
        var key = new TestKey("pith-bench-2026");
        var generation = Stopwatch.StartNew();
        var corpus = new CorpusGenerator(key).Generate(count);
        generation.Stop();
        var totalBytes = corpus.Sum(r => (long)r.Length);
        report.Fact("records", "records", count, $"{count:N0} distinct, signed with test key {key.KeyId}");
        report.Fact("average_record_bytes", "average record size", totalBytes / count,
            $"{totalBytes / count:N0} bytes ({Report.Megabytes(totalBytes)} in memory)");
        report.Fact("generation_seconds", "generation (not timed)", Math.Round(generation.Elapsed.TotalSeconds, 2), $"{generation.Elapsed.TotalSeconds:F1} s");
        report.Fact("minimum_seconds", "each run", minimum.TotalSeconds,
            $"warm-up (at least {Measurement.MinimumWarmUp.TotalSeconds:0.#} s, until the JIT is quiet for {Measurement.JitQuiet.TotalSeconds:0.#} s), then at least {minimum.TotalSeconds:0.##} s and one full pass");
        report.Fact("interleaved_block_seconds", "one-thread figures", Measurement.Block.TotalSeconds,
            $"taken in turns of {Measurement.Block.TotalSeconds:0.##} s, so the whole and its parts see the same machine");
        // The generator's garbage (JsonNode trees) should not be collected on the timed runs' clock.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);

        var verifier = new RecordVerifier(key.OnlyThis());
        void Verify(int i)
        {
            var result = verifier.Verify(corpus[i]);
            if (!result.Valid)
                throw new BenchFailure($"generated record {i} does not verify ({result.Reason?.Name}: {result.Reason?.Detail}); a benchmark of failures is meaningless");
        }

        var (messages, signatures) = SignedDigests(key, 256);
        var publicKey = Ed25519Signatures.ImportPublicKey(key.PublicKey);
        void Ed25519(int i)
        {
            if (!Ed25519Signatures.Verify(signatures[i], messages[i], publicKey)) throw new BenchFailure($"test signature {i} does not verify");
        }
        void Canonical(int i) => ParseCanonicaliseHash(corpus[i], i);

        // The one-thread figures take turns, so that the whole and its parts are timed under the same conditions.
        progress.WriteLine("verify and its parts, 1 thread, interleaved...");
        var oneThread = Measurement.Interleaved(minimum,
            ("verify_1_thread", "records, 1 thread", count, Verify),
            ("parse_canonicalise_hash", "parse + canonicalise + hash", count, Canonical),
            ("libsodium_verify", "Ed25519 verify (NSec, libsodium; 32-byte message)", messages.Length, Ed25519));
        var (single, canonical, ed25519) = (oneThread[0], oneThread[1], oneThread[2]);
        var threads = Environment.ProcessorCount;
        progress.WriteLine($"verify, {threads} threads...");
        var allCores = Measurement.Parallel("verify_all_cores", $"records, {threads} threads", threads, count, minimum, Verify);

        report.Heading("RecordVerifier.Verify");
        report.Add(single);
        report.Add(allCores);
        report.Heading("parts, 1 thread");
        report.Add(canonical);
        report.Add(ed25519);
        if (threads > 1)
        {
            // How each part scales: native crypto shares no memory, so its loss per thread is the machine's own
            // (shared physical cores, clock); the managed part adds the collector and memory traffic.
            report.Heading($"parts, {threads} threads");
            progress.WriteLine($"parts, {threads} threads...");
            report.Add(Measurement.Parallel("parse_canonicalise_hash_all_cores", "parse + canonicalise + hash", threads, count, minimum, Canonical));
            report.Add(Measurement.Parallel("libsodium_verify_all_cores", "Ed25519 verify (NSec, libsodium; 32-byte message)", threads, messages.Length, minimum, Ed25519));
        }

        // What Verify spends beyond its two big parts: the other checks (aliases, cross fields, text hashes) and the result.
        var rest = single.MicrosecondsPerOperation - canonical.MicrosecondsPerOperation - ed25519.MicrosecondsPerOperation;
        report.Derived("rest_microseconds", "rest of Verify (by difference)", Math.Round(rest, 2),
            $"{rest.ToString("F1", CultureInfo.InvariantCulture)} µs per record: the other checks and building the result");
        return report;
    }

    /// <summary>Verify's first half alone: the strict read, the canonical record's schema, and its digest.</summary>
    private static void ParseCanonicaliseHash(byte[] bytes, int index)
    {
        var parsed = JsonDocumentReader.Read(bytes);
        using var document = parsed.Value ?? throw new BenchFailure($"generated record {index} does not parse: {parsed.Error}");
        var canonical = CanonicalRecord.Read(document.RootElement.GetProperty("canonical_record"));
        if (!canonical.Success) throw new BenchFailure($"generated record {index} has a bad canonical record: {canonical.Error}");
        var (digest, error) = CanonicalJson.Sha256(canonical.Value!.Element);
        if (digest is null) throw new BenchFailure($"generated record {index} cannot be hashed: {error!.Reason}");
    }

    /// <summary>Random 32-byte messages (digests, as in receipts) and their signatures.</summary>
    private static (byte[][] Messages, byte[][] Signatures) SignedDigests(TestKey key, int count)
    {
        var messages = Enumerable.Range(0, count).Select(i => SHA256.HashData(BitConverter.GetBytes(i))).ToArray();
        return (messages, messages.Select(m => key.Sign(m)).ToArray());
    }
}
