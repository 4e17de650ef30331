namespace Pith.Inputs;

/// <summary>
/// Bounds the bytes of input held at once between reading and the end of their use: queues bound the number of
/// documents, but one JSON Lines line may hold up to 16 MiB. Whoever reads bytes takes them (waiting while the budget is
/// spent); whoever is done with them gives them back. Each taker holds a ticket, numbered in input order: the oldest
/// ticket holding or waiting for bytes never waits, so the budget cannot stall a pipeline whose later documents hold
/// what the earliest one needs (at most one document more than the budget is then held).
/// </summary>
public sealed class ByteBudget(long capacity)
{
    private readonly object _gate = new();
    private readonly SortedSet<long> _tickets = [];
    private long _available = capacity;
    private bool _closed;

    public long Capacity { get; } = capacity;

    /// <summary>Takes the bytes if they can be had without waiting; otherwise takes nothing.</summary>
    public bool TryTake(long ticket, long bytes)
    {
        lock (_gate)
        {
            if (_closed) throw new OperationCanceledException("the run stopped");
            if (_available < bytes && !(_tickets.Count == 0 || ticket < _tickets.Min)) return false;
            _tickets.Add(ticket);
            _available -= bytes;
            return true;
        }
    }

    public void Take(long ticket, long bytes)
    {
        lock (_gate)
        {
            _tickets.Add(ticket);
            while (!_closed && _available < bytes && _tickets.Min != ticket) Monitor.Wait(_gate);
            if (_closed)
            {
                _tickets.Remove(ticket);
                throw new OperationCanceledException("the run stopped");
            }
            _available -= bytes;
        }
    }

    public void Give(long ticket, long bytes)
    {
        lock (_gate)
        {
            _tickets.Remove(ticket);
            _available += bytes;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Releases every waiting taker (with <see cref="OperationCanceledException"/>): no one will give bytes back.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            Monitor.PulseAll(_gate);
        }
    }
}
