using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pith.Cli.Tests.Sync;

/// <summary>
/// A feed on loopback that the test controls, paged as pith serve pages its /feed.jsonl (cursor <c>IDENTITY-N</c>, N the
/// documents served so far): it can alter a document on its way out (a lying mirror), answer one page with an error, or
/// hold one page until the test releases it. It records every cursor asked for.
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    private const string Identity = "00000000000000aa";

    private readonly WebApplication _app;
    private readonly List<byte[]> _documents;
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FeedServer(WebApplication app, List<byte[]> documents)
    {
        _app = app;
        _documents = documents;
    }

    /// <summary>The mirror's address, as a user gives it to pith sync.</summary>
    public string Url { get; private set; } = "";

    /// <summary>The <c>after</c> of every request, in order (null: from the start).</summary>
    public ConcurrentQueue<string?> Requested { get; } = new();

    /// <summary>Changes the document at this 0-based position as it is served.</summary>
    public (int Index, Func<byte[], byte[]> Change)? Lie { get; set; }

    /// <summary>The page that starts after this many documents is answered 500.</summary>
    public int? FailAfter { get; set; }

    /// <summary>The page that starts after this many documents ends at the cursor it was asked for (a feed going round in a loop).</summary>
    public int? StuckAfter { get; set; }

    /// <summary>The page that starts after this many documents waits for <see cref="Release"/>; <see cref="Held"/> completes when it is asked for.</summary>
    public int? HoldAfter { get; set; }

    public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static string CursorAfter(int served) => $"{Identity}-{served.ToString(CultureInfo.InvariantCulture)}";

    public static async Task<FeedServer> StartAsync(IEnumerable<byte[]> documents)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FeedServer(app, [.. documents]);
        app.MapGet("/feed.jsonl", server.Page);
        await app.StartAsync();
        server.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/";
        return server;
    }

    public void Release() => _released.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.DisposeAsync();
    }

    private async Task Page(HttpContext context)
    {
        var after = context.Request.Query["after"].FirstOrDefault();
        Requested.Enqueue(after);
        var limit = int.Parse(context.Request.Query["limit"].FirstOrDefault() ?? "1000", CultureInfo.InvariantCulture);
        var from = after is null ? 0 : int.Parse(after[(Identity.Length + 1)..], CultureInfo.InvariantCulture);
        if (from == HoldAfter)
        {
            Held.TrySetResult();
            await _released.Task;
        }
        if (from == FailAfter)
        {
            context.Response.StatusCode = 500;
            return;
        }
        var page = _documents.Skip(from).Take(limit).ToList();
        context.Response.Headers["Pith-Cursor"] = CursorAfter(from == StuckAfter ? from : from + page.Count);
        context.Response.ContentType = "application/jsonl";
        for (var i = 0; i < page.Count; i++)
        {
            var bytes = Lie is { } lie && lie.Index == from + i ? lie.Change(page[i]) : page[i];
            await context.Response.Body.WriteAsync(bytes);
            await context.Response.Body.WriteAsync("\n"u8.ToArray());
        }
    }
}
