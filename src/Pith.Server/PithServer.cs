using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pith.Core.Verification;
using Pith.Index;

namespace Pith.Server;

/// <summary>
/// A read-only server of an index on Kestrel (the slim, AOT-compatible builder): the routes of <see cref="Routes"/> and
/// nothing else. It reads the index only through <see cref="IndexPool"/>'s sessions, under the readers' rules.
/// </summary>
public static class PithServer
{
    /// <summary>
    /// Serves until <paramref name="stop"/> is cancelled, then finishes the requests under way. <paramref name="listening"/>
    /// is called with the URL once the server listens. Throws <see cref="IndexUnavailableException"/> when the index cannot
    /// be read, and <see cref="AddressTakenException"/> when the address is taken.
    /// </summary>
    public static async Task RunAsync(ServerOptions options, Action<string> listening, Action<string> problem, CancellationToken stop)
    {
        using var pool = new IndexPool(options.IndexPath, options.LockTimeout, options.IdleConnections);
        // Opened once before listening: an index that cannot be served is refused before any client sees the server.
        pool.With(_ => 0);
        var index = new ServedIndex(pool, new RecordVerifier(options.TrustedKeys));

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        // Nothing configures the server but its options: no appsettings.json from the working folder, no ASPNETCORE_URLS.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime>(new QuietLifetime());
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(options.Listen);
        });

        await using var app = builder.Build();
        // HEAD too, on every route: load balancers health-check with it. Kestrel sends a HEAD answer's headers (Content-Length
        // included) and drops its body, so each handler serves both.
        foreach (var (pattern, handle) in Routes.All)
            app.MapMethods(pattern, Routes.Methods, (RequestDelegate)(http => Guarded(index, http, handle, problem)));
        // Every path and method no route takes (the default fallback pattern leaves out paths that look like files).
        app.MapFallback("{*path}", Responses.NoSuchRoute);

        try
        {
            await app.StartAsync(CancellationToken.None);
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            throw new AddressTakenException($"cannot listen on {Address(options.Listen)}: the address is already in use", e);
        }
        listening(ListeningUrl(app));
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
            // Asked to stop: what follows finishes the requests under way.
        }
        await app.StopAsync(CancellationToken.None);
    }

    // The address Kestrel bound: with port 0, the port the system chose.
    private static string ListeningUrl(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    private static string Address(IPEndPoint endpoint) => endpoint.AddressFamily == AddressFamily.InterNetworkV6
        ? $"[{endpoint.Address}]:{endpoint.Port}"
        : $"{endpoint.Address}:{endpoint.Port}";

    /// <summary>
    /// A handler, with what can go wrong on the index turned into an answer: an index that cannot be read now (an import
    /// holds its lock, or left it mid-write) is 503 with the reason; anything else is a bug, 500, and one line for the operator.
    /// </summary>
    private static async Task Guarded(ServedIndex index, HttpContext http, Func<ServedIndex, HttpContext, Task> handle, Action<string> problem)
    {
        try
        {
            await handle(index, http);
        }
        catch (IndexUnavailableException e) when (!http.Response.HasStarted)
        {
            problem($"{http.Request.Path}: {e.Message}");
            http.Response.Headers.RetryAfter = "5";
            await Responses.Error(http, StatusCodes.Status503ServiceUnavailable, e.Message);
        }
        catch (Exception e) when (!http.Response.HasStarted && e is not OperationCanceledException)
        {
            problem($"{http.Request.Path}: internal error ({e.GetType().Name}): {e.Message}. This is a bug; please report it.");
            await Responses.Error(http, StatusCodes.Status500InternalServerError, "internal error");
        }
    }
}
