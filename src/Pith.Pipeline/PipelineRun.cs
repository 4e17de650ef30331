using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Threading.Channels;
using Pith.Core.Documents;
using Pith.Core.Verification;
using Pith.Inputs;

namespace Pith.Pipeline;

/// <summary>
/// One run of a <see cref="VerificationPipeline"/>: the producer, the workers and the verdicts still to be taken.
/// Disposing it stops whatever is still running.
/// </summary>
/// <remarks>
/// The producer and the workers each run on a thread of their own and block on the channels, whose continuations run
/// synchronously: with the workers' loops on pool threads, a consumer's wake-up waited for the pool to grow (the first
/// verdict reached an import's writer after 0.4 s).
/// </remarks>
public sealed class PipelineRun<T> : IDisposable
{
    private readonly RecordVerifier _verifier;
    private readonly PipelineOptions _options;
    private readonly IEnumerable<T> _items;
    private readonly Func<T, InputDocument> _describe;
    private readonly CancellationToken _cancel;
    private readonly Channel<List<Entry>> _input;
    private readonly Channel<List<DocumentVerdict<T>>> _output;
    private readonly ByteBudget _budget;
    // Files are read into arrays from this pool and given back once released: a bulk run allocates (and the collector
    // copies) no array per file.
    private readonly ArrayPool<byte> _files;
    // In order: documents started and not yet taken by the consumer, so that one slow document cannot make the
    // verdicts after it pile up without bound.
    private readonly SemaphoreSlim? _window;
    private readonly Dictionary<long, DocumentVerdict<T>> _early = [];
    // Cancelled when the consumer stops: releases the producer and the workers wherever they wait.
    private readonly CancellationTokenSource _abandon = new();
    private readonly Task _producer;
    private readonly Task[] _workers;
    private readonly Task _closer;
    private ExceptionDispatchInfo? _producerFailure;
    private Task<bool>? _waiting;
    // The verdicts a worker handed over last, taken one by one.
    private List<DocumentVerdict<T>>? _handed;
    private int _handedAt;
    private long _next;
    private long _filesDone;

    internal PipelineRun(RecordVerifier verifier, PipelineOptions options, IEnumerable<T> items, Func<T, InputDocument> describe, CancellationToken cancel)
    {
        _verifier = verifier;
        _options = options;
        _items = items;
        _describe = describe;
        _cancel = cancel;
        _budget = new ByteBudget(options.ByteBudget);
        _files = ArrayPool<byte>.Create(maxArrayLength: 1 << 20, maxArraysPerBucket: Math.Max(1, options.OutputQueue));
        _input = Channel.CreateBounded<List<Entry>>(new BoundedChannelOptions(Math.Max(1, options.InputQueue / Math.Max(1, options.InputBatch)))
        {
            SingleWriter = true,
            AllowSynchronousContinuations = true,
        });
        _output = Channel.CreateBounded<List<DocumentVerdict<T>>>(new BoundedChannelOptions(Math.Max(1, options.OutputQueue / Math.Max(1, options.InputBatch)))
        {
            SingleReader = true,
            AllowSynchronousContinuations = true,
        });
        if (options.InOrder) _window = new SemaphoreSlim(Math.Max(1, options.InputQueue) + Math.Max(1, options.OutputQueue));
        _producer = OnOwnThread(Produce);
        _workers = [.. Enumerable.Range(0, Math.Max(1, options.Workers)).Select(_ => OnOwnThread(Work))];
        _closer = Task.WhenAll([.. _workers, _producer]).ContinueWith(_ => _output.Writer.TryComplete(), TaskScheduler.Default);
    }

    /// <summary>Files (a JSON Lines file once it has been read through) done so far: for progress reports.</summary>
    public long FilesDone => Volatile.Read(ref _filesDone);

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for the next verdict: true with the verdict, or true with null once there
    /// are no more; false if none came in time. Rethrows what stopped the producer (an I/O failure).
    /// </summary>
    public bool TryRead(TimeSpan timeout, out DocumentVerdict<T>? verdict) => TryRead(timeout, CancellationToken.None, out verdict);

    /// <summary>
    /// As <see cref="TryRead(TimeSpan, out DocumentVerdict{T}?)"/>, but false also as soon as <paramref name="interrupt"/>
    /// is cancelled: a consumer can stop waiting on a producer blocked in a read (a terminal or pipe as standard input).
    /// </summary>
    public bool TryRead(TimeSpan timeout, CancellationToken interrupt, out DocumentVerdict<T>? verdict)
    {
        while (true)
        {
            if (_window is not null && _early.Remove(_next, out var ready))
            {
                _next++;
                _window.Release();
                if (ready.Dropped) continue;
                verdict = ready;
                return true;
            }
            if (_handed is not null && _handedAt < _handed.Count)
            {
                var done = _handed[_handedAt++];
                if (_window is not null) _early.Add(done.Sequence, done);
                else if (!done.Dropped)
                {
                    verdict = done;
                    return true;
                }
                continue;
            }
            if (_output.Reader.TryRead(out var handed))
            {
                (_handed, _handedAt) = (handed, 0);
                continue;
            }
            _waiting ??= _output.Reader.WaitToReadAsync(_abandon.Token).AsTask();
            if (!Wait(_waiting, timeout, interrupt))
            {
                verdict = null;
                return false;
            }
            var more = _waiting.Result;
            _waiting = null;
            if (more) continue;
            _producerFailure?.Throw();
            foreach (var worker in _workers) worker.GetAwaiter().GetResult();
            verdict = null;
            return true;
        }
    }

    /// <summary>Every verdict, as it comes.</summary>
    public IEnumerable<DocumentVerdict<T>> ReadAll()
    {
        while (TryRead(Timeout.InfiniteTimeSpan, out var verdict) && verdict is not null) yield return verdict;
    }

    /// <summary>Gives the bytes a verdict kept (<see cref="PipelineOptions.KeepAcceptedBytes"/>) back to the budget.</summary>
    public void Release(DocumentVerdict<T> verdict)
    {
        if (verdict.Bytes is { } bytes) Release(verdict.Sequence, bytes);
    }

    public void Dispose()
    {
        _abandon.Cancel();
        _budget.Close();
        _closer.Wait(CancellationToken.None);
        _abandon.Dispose();
        _window?.Dispose();
    }

    private void Produce()
    {
        try
        {
            var batch = new List<Entry>(_options.InputBatch);
            var sequence = 0L;
            string? linesOf = null;
            foreach (var item in _items)
            {
                // Interrupted: take no more input; what was taken is still handed on, as dropped.
                if (_cancel.IsCancellationRequested) break;
                var document = _describe(item);
                if (linesOf is not null && (document.Line is null || document.Path != linesOf)) Interlocked.Increment(ref _filesDone);
                linesOf = document.Line is null ? null : document.Path;
                _window?.Wait(_abandon.Token);
                var entry = new Entry(item, document, sequence++);
                if (document.Bytes is { } bytes)
                {
                    // Bytes already read count against the budget from now, and go on at once: none waits for more input.
                    batch = Send(batch);
                    _budget.Take(entry.Sequence, bytes.Length);
                    Send([entry]);
                    continue;
                }
                batch.Add(entry);
                if (batch.Count >= _options.InputBatch) batch = Send(batch);
            }
            if (linesOf is not null) Interlocked.Increment(ref _filesDone);
            Send(batch);
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            // The consumer stopped: nothing more is wanted.
        }
        catch (Exception e)
        {
            _producerFailure = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            _input.Writer.TryComplete();
        }
    }

    /// <summary>Hands a batch to the workers (none if empty); returns a list to fill next.</summary>
    private List<Entry> Send(List<Entry> batch)
    {
        if (batch.Count == 0) return batch;
        Write(_input.Writer, batch);
        return new List<Entry>(_options.InputBatch);
    }

    private void Work()
    {
        // Verdicts are handed over in batches, so that the consumer wakes once per batch; a worker hands over what it
        // holds before it waits for anything (input, bytes), so that nothing done waits on more input, and no bytes it
        // holds (the oldest in flight, perhaps) wait on bytes that only their own release would free.
        var done = new List<DocumentVerdict<T>>(_options.InputBatch);
        try
        {
            while (true)
            {
                if (!_input.Reader.TryRead(out var batch))
                {
                    done = Hand(done);
                    if (!Wait(_input.Reader.WaitToReadAsync(_abandon.Token))) return;
                    continue;
                }
                foreach (var entry in batch)
                {
                    // Added after the call, to the list that is current then: waiting for bytes hands the earlier one over.
                    var verdict = _cancel.IsCancellationRequested ? Drop(entry) : Process(entry, beforeWaiting: () => done = Hand(done));
                    done.Add(verdict);
                    if (entry.Document.Line is null) Interlocked.Increment(ref _filesDone);
                    if (done.Count >= _options.InputBatch) done = Hand(done);
                }
            }
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            // The consumer stopped: what this worker holds is not wanted.
        }
    }

    /// <summary>Hands verdicts to the consumer (none if empty; waiting while its queue is full); returns a list to fill next.</summary>
    private List<DocumentVerdict<T>> Hand(List<DocumentVerdict<T>> done)
    {
        if (done.Count == 0) return done;
        Write(_output.Writer, done);
        return new List<DocumentVerdict<T>>(_options.InputBatch);
    }

    // Interrupted: a document still queued is not read or verified, so the stop is prompt; bytes it holds go back.
    private DocumentVerdict<T> Drop(Entry entry)
    {
        if (entry.Document.Bytes is { } bytes) _budget.Give(entry.Sequence, bytes.Length);
        return new DocumentVerdict<T>(entry.Item, entry.Document) { Sequence = entry.Sequence, Dropped = true };
    }

    private DocumentVerdict<T> Process(Entry entry, Action beforeWaiting)
    {
        var document = entry.Document;
        if (document.Unreadable is { } unreadable) return Verdict(entry, unreadable: unreadable);
        if (document.TooLarge is { } tooLarge) return Verdict(entry, VerificationResult.Failed(CheckName.Parse, tooLarge));
        DocumentBytes? held = null;
        try
        {
            if (document.Bytes is { } given)
            {
                held = new DocumentBytes(given, given.Length, Rented: false);
            }
            else
            {
                var file = document.File ?? throw new ArgumentException($"{document.Name}: a document needs a file, bytes or a reason it has none");
                var read = BoundedReader.ReadFile(file.Path, file.RegularOnly, _files, file.Kind);
                if (read.Error is { } error) return Verdict(entry, unreadable: error);
                // Too large to be a record: refused by its size, for the same reason as any other oversized document.
                if (read.OversizeLength is { } size) return Verdict(entry, RecordVerifier.Oversize(size));
                var bytes = new DocumentBytes(read.Bytes!, read.Length, read.Rented);
                try
                {
                    if (!_budget.TryTake(entry.Sequence, bytes.Length))
                    {
                        beforeWaiting();
                        _budget.Take(entry.Sequence, bytes.Length);
                    }
                }
                catch (OperationCanceledException)
                {
                    if (bytes.Rented) _files.Return(bytes.Array);
                    throw;
                }
                held = bytes;
            }
            var memory = held.Value.Memory;
            byte[]? sha = null;
            if (_options.HashBytes || _options.IsKnown is not null)
            {
                sha = SHA256.HashData(memory.Span);
                if (_options.IsKnown?.Invoke(sha) == true) return Verdict(entry, sha: sha, known: true);
            }
            var result = _verifier.Verify(memory);
            if (_options.DecidingChecksOnly) result = result.WithDecidingChecks();
            if (!_options.KeepAcceptedBytes || !result.Accepted(_options.AllowUnsigned)) return Verdict(entry, result, sha: sha);
            var kept = held;
            held = null;
            return Verdict(entry, result, sha: sha, bytes: kept);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One document that fails unexpectedly is reported with its reason; it does not take the run down.
            return Verdict(entry, unreadable: $"could not be processed ({e.GetType().Name}: {e.Message})");
        }
        finally
        {
            if (held is { } release) Release(entry.Sequence, release);
        }
    }

    private static DocumentVerdict<T> Verdict(
        Entry entry, VerificationResult? result = null, string? unreadable = null, byte[]? sha = null, bool known = false, DocumentBytes? bytes = null) =>
        new(entry.Item, entry.Document)
        {
            Sequence = entry.Sequence, Result = result, Unreadable = unreadable, BytesSha256 = sha, Known = known, Bytes = bytes,
        };

    private void Release(long sequence, DocumentBytes bytes)
    {
        _budget.Give(sequence, bytes.Length);
        if (bytes.Rented) _files.Return(bytes.Array);
    }

    private static bool Wait(Task task, TimeSpan timeout, CancellationToken interrupt)
    {
        try
        {
            return task.Wait(timeout, interrupt);
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Writes, waiting while the channel is full; a stopped run ends the wait with <see cref="OperationCanceledException"/>.</summary>
    private void Write<TItem>(ChannelWriter<TItem> channel, TItem item)
    {
        while (!channel.TryWrite(item))
        {
            if (!Wait(channel.WaitToWriteAsync(_abandon.Token))) throw new OperationCanceledException();
        }
    }

    private static bool Wait(ValueTask<bool> pending) => pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();

    /// <summary>A long-running task: a thread of its own, outside the pool.</summary>
    private static Task OnOwnThread(Action action) =>
        Task.Factory.StartNew(action, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private readonly record struct Entry(T Item, InputDocument Document, long Sequence);
}
