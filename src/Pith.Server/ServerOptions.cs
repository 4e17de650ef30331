using System.Net;
using Pith.Core.Keys;

namespace Pith.Server;

/// <summary>What a server serves and where: the index file, the address to listen on, the keys its record pages re-verify against.</summary>
public sealed record ServerOptions(string IndexPath, IPEndPoint Listen, TrustedKeys TrustedKeys)
{
    /// <summary>How long a request waits for an import's write lock before it is answered 503.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Open index connections kept between requests (each request takes one; more are opened under load, and closed after).</summary>
    public int IdleConnections { get; init; } = Math.Max(4, Environment.ProcessorCount * 2);
}
