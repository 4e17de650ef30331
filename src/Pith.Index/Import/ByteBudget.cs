namespace Pith.Index.Import;

/// <summary>
/// Bounds the bytes held between reading and writing: the queues bound the number of inputs, but one JSON Lines
/// line may hold up to 16 MiB. Whoever reads bytes takes them from the budget (waiting while it is spent); whoever
/// drops them gives them back. A single input larger than the whole budget takes all of it.
/// </summary>
internal sealed class ByteBudget(long capacity)
{
    private readonly object _gate = new();
    private readonly long _capacity = capacity;
    private long _available = capacity;
    private bool _closed;

    /// <summary>Takes the bytes if they are there now, without waiting.</summary>
    public bool TryTake(long bytes)
    {
        var n = Math.Min(bytes, _capacity);
        lock (_gate)
        {
            if (_closed) throw new OperationCanceledException("the import stopped");
            if (_available < n) return false;
            _available -= n;
            return true;
        }
    }

    public void Take(long bytes)
    {
        var n = Math.Min(bytes, _capacity);
        lock (_gate)
        {
            while (_available < n && !_closed) Monitor.Wait(_gate);
            if (_closed) throw new OperationCanceledException("the import stopped");
            _available -= n;
        }
    }

    /// <summary>Releases every waiting taker (with <see cref="OperationCanceledException"/>): the writer is gone.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            Monitor.PulseAll(_gate);
        }
    }

    public void Give(long bytes)
    {
        var n = Math.Min(bytes, _capacity);
        lock (_gate)
        {
            _available += n;
            Monitor.PulseAll(_gate);
        }
    }
}
