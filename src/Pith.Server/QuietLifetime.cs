using Microsoft.Extensions.Hosting;

namespace Pith.Server;

/// <summary>
/// A host lifetime that neither registers for signals nor prints: pith handles SIGINT and SIGTERM itself, for every command
/// alike, and stops the server through the token given to <see cref="PithServer.RunAsync"/>.
/// </summary>
internal sealed class QuietLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
