using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Abstractions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Pith.Index;

namespace Pith.Server;

/// <summary>
/// What Kestrel runs for each request: the route of <see cref="Routes"/> the path names, GET and HEAD only, anything else
/// <see cref="Responses.NoSuchRoute"/>. HEAD is served by the GET handler: Kestrel sends a HEAD answer's headers
/// (Content-Length included) and drops its body (load balancers health-check with it).
/// </summary>
internal sealed class PithApplication(ServedIndex index, Action<string> problem) : IHttpApplication<HttpContext>
{
    // Kestrel keeps one context per connection for the application to reuse (as ASP.NET Core's own hosting does):
    // a keep-alive client's requests allocate no new one.
    public HttpContext CreateContext(IFeatureCollection contextFeatures)
    {
        if (contextFeatures is not IHostContextContainer<HttpContext> container) return new DefaultHttpContext(contextFeatures);
        if (container.HostContext is DefaultHttpContext reused)
        {
            reused.Initialize(contextFeatures);
            return reused;
        }
        var context = new DefaultHttpContext(contextFeatures);
        container.HostContext = context;
        return context;
    }

    public void DisposeContext(HttpContext context, Exception? exception)
    {
        if (context is DefaultHttpContext reusable) reusable.Uninitialize();
    }

    public Task ProcessRequestAsync(HttpContext http)
    {
        var route = Routes.Match(http.Request.Path.Value ?? "", out var code);
        if (route is null || !Routes.Methods.Contains(http.Request.Method, StringComparer.OrdinalIgnoreCase))
            return Responses.NoSuchRoute(http);
        http.Request.RouteValues = new RouteValueDictionary { ["code"] = code };
        return Guarded(http, route.Handle);
    }

    /// <summary>
    /// A handler, with what can go wrong on the index turned into an answer: an index that cannot be read now (an import
    /// holds its lock, or left it mid-write) is 503 with the reason; anything else is a bug, 500, and one line for the operator.
    /// </summary>
    private async Task Guarded(HttpContext http, Func<ServedIndex, HttpContext, Task> handle)
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
