using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Pith.Index;

namespace Pith.Server;

/// <summary>How the server answers: JSON (the same writer settings as the CLI's <c>--json</c>), stored bytes with their ETag, HTML, and errors as JSON.</summary>
internal static class Responses
{
    public const string Json = "application/json";
    public const string JsonLines = "application/jsonl";
    public const string Html = "text/html; charset=utf-8";

    /// <summary>One JSON value, then a newline (as the CLI writes it).</summary>
    public static Task WriteJson(HttpContext http, int status, Action<Utf8JsonWriter> write) => WriteJsonLines(http, status, Json, [write]);

    /// <summary>One JSON value per line (JSON Lines), each followed by a newline.</summary>
    public static Task WriteJsonLines(HttpContext http, int status, string contentType, IEnumerable<Action<Utf8JsonWriter>> lines)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, JsonOutput.WriterOptions))
        {
            foreach (var line in lines)
            {
                line(json);
                json.Flush();
                json.Reset();
                buffer.Write("\n"u8);
            }
        }
        return Write(http, status, contentType, buffer.WrittenMemory);
    }

    public static Task Error(HttpContext http, int status, string message) => WriteJson(http, status, json =>
    {
        json.WriteStartObject();
        json.WriteNumber("status", status);
        json.WriteString("error", message);
        json.WriteEndObject();
    });

    /// <summary>Whatever no route answers: 404, or 405 for a method other than GET and HEAD (nothing here changes anything).</summary>
    public static Task NoSuchRoute(HttpContext http) => Routes.Methods.Contains(http.Request.Method, StringComparer.OrdinalIgnoreCase)
        ? Error(http, StatusCodes.Status404NotFound, "no such route (see / for search and /pith/CODE for a record)")
        : Error(http, StatusCodes.Status405MethodNotAllowed, "only GET and HEAD are served: this server is read-only");

    /// <summary>
    /// A page, with a policy that lets it load nothing and run no script (it needs none): record text that escaped
    /// escaping still could not act.
    /// </summary>
    public static Task WriteHtml(HttpContext http, int status, string html)
    {
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        return Write(http, status, Html, Encoding.UTF8.GetBytes(html));
    }

    /// <summary>
    /// Stored bytes exactly, with a strong ETag (their SHA-256, <paramref name="sha256"/>: the one import stored beside them,
    /// not hashed again per request), or 304 and no body when the client's If-None-Match holds it.
    /// </summary>
    public static Task WriteStored(HttpContext http, string contentType, byte[] bytes, byte[] sha256)
    {
        var tag = "\"sha256-" + Convert.ToHexStringLower(sha256) + "\"";
        http.Response.Headers.ETag = tag;
        if (Matches(http.Request.Headers.IfNoneMatch, tag))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        return Write(http, StatusCodes.Status200OK, contentType, bytes);
    }

    // If-None-Match compares weakly (RFC 9110 13.1.2): W/"x" matches "x"; * matches any current representation.
    private static bool Matches(Microsoft.Extensions.Primitives.StringValues header, string tag)
    {
        foreach (var value in header)
        {
            foreach (var part in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = part.StartsWith("W/", StringComparison.Ordinal) ? part[2..] : part;
                if (candidate == "*" || candidate == tag) return true;
            }
        }
        return false;
    }

    public static Task Write(HttpContext http, int status, string contentType, ReadOnlyMemory<byte> body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = contentType;
        // Browsers take the type as given, never guess HTML in a stored document.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.ContentLength = body.Length;
        return http.Response.Body.WriteAsync(body).AsTask();
    }
}
