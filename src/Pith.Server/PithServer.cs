using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pith.Core.Verification;
using Pith.Index;

namespace Pith.Server;

/// <summary>
/// A read-only server of an index on Kestrel: the routes of <see cref="Routes"/> and
/// nothing else. It reads the index only through <see cref="IndexPool"/>'s sessions, under the readers' rules.
/// </summary>
public static class PithServer
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Serves until <paramref name="stop"/> is cancelled, then finishes the requests under way. <paramref name="listening"/>
    /// is called with the URL once the server listens. Throws <see cref="IndexUnavailableException"/> when the index cannot
    /// be read, and <see cref="CannotListenException"/> when it cannot listen on the address (taken, not this machine's, not permitted).
    /// </summary>
    public static async Task RunAsync(ServerOptions options, Action<string> listening, Action<string> problem, CancellationToken stop)
    {
        using var pool = new IndexPool(options.IndexPath, options.LockTimeout, options.IdleConnections);
        // Opened once before listening: an index that cannot be served is refused before any client sees the server.
        pool.With(_ => 0);
        var index = new ServedIndex(pool, new RecordVerifier(options.TrustedKeys));

        var kestrel = new KestrelServerOptions { AddServerHeader = false };
        kestrel.Listen(options.Listen);
        var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), NullLoggerFactory.Instance);
        // Kestrel alone, with pith's own route table in front of it (PithApplication): no host, no dependency injection,
        // no routing middleware, none of which a server of ten fixed routes needs, and all of which every pith command
        // would otherwise pay for in start-up time, being one native binary.
        using var server = new KestrelServer(Options.Create(kestrel), transport, NullLoggerFactory.Instance);
        try
        {
            await server.StartAsync(new PithApplication(index, problem), CancellationToken.None);
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            throw new CannotListenException($"cannot listen on {Address(options.Listen)}: the address is already in use", e);
        }
        catch (SocketException e)
        {
            var why = e.SocketErrorCode switch
            {
                SocketError.AddressNotAvailable => "the address is not one of this machine's",
                SocketError.AccessDenied => "permission denied (a port below 1024 needs privileges)",
                _ => e.Message,
            };
            throw new CannotListenException($"cannot listen on {Address(options.Listen)}: {why}", e);
        }
        listening(server.Features.Get<IServerAddressesFeature>()!.Addresses.First());
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
            // Asked to stop: what follows finishes the requests under way, for at most the shutdown timeout.
        }
        using var shutdown = new CancellationTokenSource(ShutdownTimeout);
        await server.StopAsync(shutdown.Token);
    }

    private static string Address(IPEndPoint endpoint) => endpoint.AddressFamily == AddressFamily.InterNetworkV6
        ? $"[{endpoint.Address}]:{endpoint.Port}"
        : $"{endpoint.Address}:{endpoint.Port}";
}
