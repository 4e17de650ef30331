using System.Text;
using Pith.Core.Verification;
using Pith.Inputs;
using Pith.Testing;
using Xunit;

namespace Pith.Pipeline.Tests;

public sealed class VerificationPipelineTests : IDisposable
{
    private static readonly RecordVerifier Verifier = new(TestKey.Default.OnlyThis());

    // Small enough that tens of documents fill every queue.
    private static readonly PipelineOptions Tiny = new() { Workers = 3, InputQueue = 4, InputBatch = 2, OutputQueue = 2 };

    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pith-pipeline-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Verdicts_come_out_in_input_order_through_full_queues()
    {
        // Files, lines already read and unreadable paths, mixed: each kind takes another way through the workers.
        var documents = new List<InputDocument>();
        for (var i = 0; i < 30; i++)
        {
            var bytes = Signed(i, padding: i % 7 * 20_000);
            if (i % 3 == 0) documents.Add(new InputDocument("lines.jsonl", i) { Bytes = bytes });
            else if (i % 5 == 0) documents.Add(new InputDocument($"missing-{i}") { Unreadable = "no such file or folder" });
            else documents.Add(new InputDocument(File(i, bytes)) { File = new Input(Path.Combine(_folder.FullName, $"{i:D2}.json")) });
        }

        var names = await Finish(() =>
        {
            using var run = new VerificationPipeline(Verifier, Tiny with { InOrder = true }).Start(documents);
            return run.ReadAll().Select(v => (v.Document.Name, v.Unreadable is null && v.Result!.Valid)).ToList();
        });

        Assert.Equal(documents.Select(d => d.Name), names.Select(n => n.Name));
        Assert.Equal(documents.Select(d => d.Unreadable is null), names.Select(n => n.Item2));
    }

    [Fact]
    public async Task Later_documents_holding_the_budget_do_not_stall_an_earlier_one()
    {
        // One worker; a file first, then lines whose bytes the walk takes from the budget as it reads them, queued
        // behind the file. The file's bytes must still be granted, or the worker waits for ever on bytes that only the
        // lines behind it would give back.
        var documents = new List<InputDocument> { new(File(0, Signed(0, padding: 300_000))) { File = new Input(Path.Combine(_folder.FullName, "00.json")) } };
        for (var i = 1; i <= 10; i++) documents.Add(new InputDocument("lines.jsonl", i) { Bytes = Signed(i, padding: 100_000) });

        foreach (var inOrder in new[] { true, false })
        {
            var options = Tiny with { Workers = 1, InputQueue = 64, ByteBudget = 500_000, InOrder = inOrder };
            var valid = await Finish(() =>
            {
                using var run = new VerificationPipeline(Verifier, options).Start(documents);
                return run.ReadAll().Count(v => v.Result?.Valid == true);
            });
            Assert.Equal(documents.Count, valid);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Kept_bytes_bound_the_run_until_the_consumer_releases_them_and_no_further(bool files)
    {
        // Forty accepted documents of about 100 KB against a budget of ten: the consumer holds each until it releases it.
        // Files are read by the workers, which wait for bytes with verdicts in hand: each must still come out, once.
        var documents = Enumerable.Range(0, 40).Select(i =>
        {
            var bytes = Signed(i, padding: 100_000);
            return files
                ? new InputDocument(File(i, bytes), i) { File = new Input(Path.Combine(_folder.FullName, $"{i:D2}.json")) }
                : new InputDocument("lines.jsonl", i) { Bytes = bytes };
        }).ToList();
        var expected = documents.Select(d => d.Bytes ?? System.IO.File.ReadAllBytes(d.File!.Path)).ToList();
        var options = Tiny with { ByteBudget = 1_000_000, KeepAcceptedBytes = true };

        var kept = await Finish(() =>
        {
            using var run = new VerificationPipeline(Verifier, options).Start(documents);
            var count = 0;
            foreach (var verdict in run.ReadAll())
            {
                if (verdict.Bytes is { } bytes && bytes.Memory.Span.SequenceEqual(expected[(int)verdict.Document.Line!])) count++;
                run.Release(verdict);
            }
            return count;
        });

        Assert.Equal(40, kept);
    }

    [Fact]
    public async Task A_verdict_made_after_waiting_for_bytes_comes_out_after_later_batches_were_taken()
    {
        // Two workers, batches of two files, a budget one file fills. The worker that takes [a, b] keeps a's verdict (and
        // bytes), so b must wait for bytes, and it hands a's verdict over first. The consumer takes it and releases a's
        // bytes; that worker then stops before verifying b (in IsKnown) until the consumer has taken a later batch: c's
        // verdict, which only the other worker can make, since the walk gives c only then. b's verdict must come out too,
        // not be added to the batch handed over before the wait, which the consumer has left behind.
        var a = File(0, Signed(0, padding: 0));
        var b = File(1, Signed(1, padding: 0));
        var bSha = System.Security.Cryptography.SHA256.HashData(System.IO.File.ReadAllBytes(b));
        using var giveC = new ManualResetEventSlim();
        using var verifyB = new ManualResetEventSlim();
        IEnumerable<InputDocument> Documents()
        {
            yield return new InputDocument(a) { File = new Input(a) };
            yield return new InputDocument(b) { File = new Input(b) };
            if (!giveC.Wait(Hang)) throw new TimeoutException("the consumer never let the walk give c");
            yield return new InputDocument("c") { Unreadable = "no such file or folder" };
        }
        var options = new PipelineOptions
        {
            Workers = 2, InputQueue = 4, InputBatch = 2, OutputQueue = 4, ByteBudget = 1, KeepAcceptedBytes = true,
            IsKnown = sha => sha.SequenceEqual(bSha) && !verifyB.Wait(Hang) ? throw new TimeoutException("b was never let through") : false,
        };

        var names = await Finish(() =>
        {
            try
            {
                using var run = new VerificationPipeline(Verifier, options).Start(Documents());
                var seen = new List<string>();
                Assert.True(run.TryRead(Timeout.InfiniteTimeSpan, out var first) && first is not null);
                seen.Add(first.Document.Name);
                run.Release(first);
                giveC.Set();
                Assert.True(run.TryRead(Timeout.InfiniteTimeSpan, out var second) && second is not null);
                seen.Add(second.Document.Name);
                verifyB.Set();
                foreach (var verdict in run.ReadAll())
                {
                    seen.Add(verdict.Document.Name);
                    run.Release(verdict);
                }
                return seen;
            }
            finally
            {
                // A failed assertion must not leave the walk or a worker waiting.
                giveC.Set();
                verifyB.Set();
            }
        });

        Assert.Equal([a, "c", b], names);
    }

    [Fact]
    public async Task Bytes_known_already_are_not_verified_again()
    {
        var stored = Signed(1, padding: 0);
        var known = System.Security.Cryptography.SHA256.HashData(stored);
        // The same bytes again, and an invalid document with those bytes would be rejected were it verified: it is not.
        var documents = new List<InputDocument> { new("a.jsonl", 1) { Bytes = stored }, new("a.jsonl", 2) { Bytes = Signed(2, padding: 0) } };
        var options = Tiny with { InOrder = true, IsKnown = sha => sha.SequenceEqual(known) };

        var verdicts = await Finish(() =>
        {
            using var run = new VerificationPipeline(Verifier, options).Start(documents);
            return run.ReadAll().ToList();
        });

        Assert.True(verdicts[0].Known);
        Assert.Null(verdicts[0].Result);
        Assert.Equal(known, verdicts[0].BytesSha256);
        Assert.False(verdicts[1].Known);
        Assert.True(verdicts[1].Result!.Valid);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Verdicts_hold_every_check_unless_only_the_deciding_ones_are_asked_for(bool decidingOnly)
    {
        var documents = new List<InputDocument>
        {
            new("a.jsonl", 1) { Bytes = Signed(1, padding: 0) },
            new("a.jsonl", 2) { Bytes = Encoding.UTF8.GetBytes("{}") },
        };
        var options = Tiny with { InOrder = true, DecidingChecksOnly = decidingOnly };

        var results = await Finish(() =>
        {
            using var run = new VerificationPipeline(Verifier, options).Start(documents);
            return run.ReadAll().Select(v => v.Result!).ToList();
        });

        var whole = documents.Select(d => Verifier.Verify(d.Bytes)).ToList();
        Assert.Equal(whole.Select(r => (r.Valid, r.Reason)), results.Select(r => (r.Valid, r.Reason)));
        Assert.Equal(decidingOnly ? whole.Select(r => r.WithDecidingChecks().Checks.Count) : whole.Select(r => r.Checks.Count), results.Select(r => r.Checks.Count));
        Assert.True(results[0].Valid);
    }

    [Fact]
    public async Task A_consumer_that_stops_early_releases_the_walk_and_the_workers()
    {
        var documents = Enumerable.Range(0, 60).Select(i => new InputDocument("lines.jsonl", i) { Bytes = Encoding.UTF8.GetBytes("{}") });
        await Finish(() =>
        {
            // Every queue fills while the consumer takes one verdict; disposing must return, not wait for the rest.
            using var run = new VerificationPipeline(Verifier, Tiny).Start(documents);
            Assert.True(run.TryRead(Timeout.InfiniteTimeSpan, out var first) && first is not null);
            return 0;
        });
    }

    [Fact]
    public async Task An_interrupted_run_takes_no_more_input_and_ends()
    {
        using var cancel = new CancellationTokenSource();
        var taken = 0;
        IEnumerable<InputDocument> Endless()
        {
            for (var i = 0; ; i++)
            {
                Interlocked.Increment(ref taken);
                yield return new InputDocument("lines.jsonl", i) { Bytes = Encoding.UTF8.GetBytes("{}") };
            }
        }

        var seen = await Finish(() =>
        {
            using var run = new VerificationPipeline(Verifier, Tiny).Start(Endless(), cancel.Token);
            var count = 0;
            foreach (var _ in run.ReadAll())
            {
                if (++count == 5) cancel.Cancel();
            }
            return count;
        });

        Assert.InRange(seen, 5, Volatile.Read(ref taken));
    }

    [Fact]
    public async Task What_stops_the_walk_reaches_the_consumer_with_its_own_type()
    {
        IEnumerable<InputDocument> Failing()
        {
            yield return new InputDocument("lines.jsonl", 1) { Bytes = Encoding.UTF8.GetBytes("{}") };
            throw new IOException("standard input went away");
        }

        var error = await Assert.ThrowsAsync<IOException>(() => Finish(() =>
        {
            using var run = new VerificationPipeline(Verifier, Tiny).Start(Failing());
            return run.ReadAll().Count();
        }));
        Assert.Equal("standard input went away", error.Message);
    }

    private string File(int i, byte[] bytes)
    {
        var path = Path.Combine(_folder.FullName, $"{i:D2}.json");
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Signed(int i, int padding)
    {
        var record = RecordFactory.Create(TestKey.Default, sourceId: $"2401.{i:D5}");
        if (padding > 0) record["padding"] = new string('x', padding);
        return RecordFactory.ToBytes(record);
    }

    // Runs the consumer on a thread of its own, so that a hang fails the test instead of stopping it.
    private static async Task<TResult> Finish<TResult>(Func<TResult> consume)
    {
        var consuming = Task.Run(consume);
        Assert.True(await Task.WhenAny(consuming, Task.Delay(Hang)) == consuming, "the pipeline did not finish");
        return await consuming;
    }
}
