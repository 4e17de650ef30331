using Pith.Index;
using Pith.Index.Query;

namespace Pith.Server;

/// <summary>
/// One request's view of the index: a read-only connection under the readers' rules (<see cref="IndexReader"/>) with its
/// resolver's statements prepared, and, opened when a search first needs it, the connection title search runs on. Not
/// thread-safe (SQLite connections are not): <see cref="IndexPool"/> lends it to one request at a time. Every statement is
/// reset when a request is done with it, so an idle session holds no lock and an import can write between requests.
/// </summary>
public sealed class IndexSession : IDisposable
{
    private readonly TimeSpan _lockTimeout;
    private IndexDatabase? _database;

    public IndexSession(string path, TimeSpan lockTimeout)
    {
        _lockTimeout = lockTimeout;
        Reader = IndexReader.Open(path, lockTimeout);
        try
        {
            Resolver = new AliasResolver(Reader);
        }
        catch
        {
            Reader.Dispose();
            throw;
        }
    }

    public IndexReader Reader { get; }

    public AliasResolver Resolver { get; }

    /// <summary>The connection title search runs on (Microsoft.Data.Sqlite, as in <c>pith search</c>).</summary>
    public IndexDatabase Database => _database ??= IndexDatabase.OpenReadOnly(Reader.Path, _lockTimeout);

    public void Dispose()
    {
        Resolver.Dispose();
        Reader.Dispose();
        _database?.Dispose();
    }
}
