using System.Collections.Concurrent;
using System.Net;

namespace Pith.Inputs.Feeds;

/// <summary>
/// Reads another pith's document feed over HTTP (<c>pith serve</c>'s <c>/feed.jsonl</c>): pages of JSON Lines, each
/// asked for after the cursor the page before it ended with (the <c>Pith-Cursor</c> response header), until a page is
/// empty. Each line is one document, named <c>FEED?after=CURSOR:LINE</c>; nothing about where it came from is trusted.
/// Pages are read as the documents are consumed, and each page's end is queued in <see cref="PageEnds"/>.
/// </summary>
public sealed class FeedReader(HttpClient http, Uri feed, int pageSize)
{
    public const string CursorHeader = "Pith-Cursor";

    /// <summary>The feed's address: what the index keys the cursor it reached by.</summary>
    public Uri Url => feed;

    /// <summary>Each page that held documents: its last document and the cursor after it, in the order read.</summary>
    public ConcurrentQueue<FeedPageEnd> PageEnds { get; } = new();

    /// <summary>The feed's address for <paramref name="mirror"/>: its <c>/feed.jsonl</c>, unless it names one already; null when it is not an http(s) URL.</summary>
    public static Uri? FeedOf(string mirror)
    {
        if (!Uri.TryCreate(mirror, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            return null;
        if (uri.AbsolutePath.EndsWith("/feed.jsonl", StringComparison.Ordinal)) return uri;
        return new Uri(uri.AbsoluteUri.TrimEnd('/') + "/feed.jsonl");
    }

    /// <summary>The documents stored after <paramref name="cursor"/> (from the start when null), page by page.</summary>
    /// <exception cref="FeedUnavailableException">A page could not be read: nothing after the last complete page is yielded.</exception>
    public IEnumerable<InputDocument> Documents(string? cursor, CancellationToken cancel)
    {
        // A page of documents must end at a cursor not met before: a feed that gives one back (broken, or hostile) would
        // be followed round for ever, its pages fetched and verified again and again.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (cursor is not null) seen.Add(cursor);
        while (true)
        {
            var pageUrl = cursor is null ? $"{feed}?limit={pageSize}" : $"{feed}?after={Uri.EscapeDataString(cursor)}&limit={pageSize}";
            var (lines, next) = ReadPage(pageUrl, cancel);
            if (lines.Count == 0) yield break;
            if (!seen.Add(next))
                throw new FeedUnavailableException($"cannot read {pageUrl}: the page ends at a cursor the feed gave before ({next}), so following it would go round in a loop");
            var name = cursor is null ? feed.ToString() : $"{feed}?after={cursor}";
            InputDocument? last = null;
            foreach (var (line, bytes, error) in lines)
            {
                last = error is null ? new InputDocument(name, line) { Bytes = bytes } : new InputDocument(name, line) { TooLarge = error };
                yield return last;
            }
            PageEnds.Enqueue(new FeedPageEnd(last!, next));
            cursor = next;
        }
    }

    // A page is read whole before any of it is yielded: a page cut off by the network yields nothing, so a follower never
    // stores a cursor past documents it did not get.
    private (List<(long Line, byte[]? Bytes, string? Error)> Lines, string Cursor) ReadPage(string url, CancellationToken cancel)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = http.Send(request, HttpCompletionOption.ResponseHeadersRead, cancel);
            if (response.StatusCode != HttpStatusCode.OK)
                throw new FeedUnavailableException($"cannot read {url}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
            if (!response.Headers.TryGetValues(CursorHeader, out var values) || values.SingleOrDefault() is not { Length: > 0 and <= 200 } next)
                throw new FeedUnavailableException($"cannot read {url}: the response has no {CursorHeader} header (is it a pith feed?)");
            using var body = response.Content.ReadAsStream(cancel);
            return ([.. JsonLinesReader.Read(body)], next);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !cancel.IsCancellationRequested)
        {
            throw new FeedUnavailableException($"cannot read {url}: {Reason(e)}", e);
        }
    }

    private static string Reason(Exception e) => e switch
    {
        TaskCanceledException => "no answer in time",
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "cannot connect",
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "no such host",
        HttpRequestException { InnerException: { } inner } => inner.Message,
        _ => e.Message,
    };
}
