using System.Collections.Concurrent;

namespace Pith.Server;

/// <summary>
/// Index sessions lent to requests, one request each (SQLite connections are not thread-safe): opening a connection and
/// preparing its statements costs more than a look-up, so idle sessions are kept, up to a bound, and more are opened
/// under load. A session whose request failed on the index is closed rather than kept (it may hold a broken state).
/// </summary>
public sealed class IndexPool(string path, TimeSpan lockTimeout, int idle) : IDisposable
{
    private readonly ConcurrentBag<IndexSession> _idle = [];
    private int _idleCount;

    public string Path => path;

    /// <summary>Runs <paramref name="use"/> with a session of its own.</summary>
    public T With<T>(Func<IndexSession, T> use)
    {
        var session = Rent();
        T result;
        try
        {
            result = use(session);
        }
        catch
        {
            session.Dispose();
            throw;
        }
        Return(session);
        return result;
    }

    private IndexSession Rent()
    {
        if (_idle.TryTake(out var session))
        {
            Interlocked.Decrement(ref _idleCount);
            return session;
        }
        return new IndexSession(path, lockTimeout);
    }

    private void Return(IndexSession session)
    {
        if (Interlocked.Increment(ref _idleCount) <= idle)
        {
            _idle.Add(session);
            return;
        }
        Interlocked.Decrement(ref _idleCount);
        session.Dispose();
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var session)) session.Dispose();
    }
}
