using System.Buffers;
using Microsoft.AspNetCore.Http;
using Pith.Index.Feed;
using Pith.Inputs.Feeds;

namespace Pith.Server;

/// <summary>
/// <c>GET /feed.jsonl?after=CURSOR&amp;limit=N</c>: the documents the index stored after CURSOR (from the start without
/// one), in the order stored, one per line as <c>pith export</c> writes them (<see cref="DocumentFeed"/>); the
/// <c>Pith-Cursor</c> header is the cursor after the last line, and an empty body means the reader is up to date.
/// 400 for a malformed cursor or limit.
/// </summary>
internal static class FeedEndpoint
{
    public static Task Handle(ServedIndex index, HttpContext http)
    {
        FeedCursor? after = null;
        var given = http.Request.Query["after"];
        if (given.Count > 1) return Responses.Error(http, StatusCodes.Status400BadRequest, "after= is given more than once");
        if (given.Count == 1)
        {
            var cursor = FeedCursor.Parse(given[0] ?? "");
            if (!cursor.Success) return Responses.Error(http, StatusCodes.Status400BadRequest, "after= is " + cursor.Error);
            after = cursor.Value;
        }
        if (QueryLimit.Of(http, DocumentFeed.DefaultLimit, DocumentFeed.MaxLimit) is not { } limit)
            return Responses.Error(http, StatusCodes.Status400BadRequest, $"limit= is a whole number from 1 to {DocumentFeed.MaxLimit}");
        var page = index.Pool.With(session => DocumentFeed.Read(session.Reader, after, limit));
        var body = new ArrayBufferWriter<byte>();
        foreach (var line in page.Lines)
        {
            body.Write(line.Span);
            body.Write("\n"u8);
        }
        http.Response.Headers[FeedReader.CursorHeader] = page.Next.ToString();
        return Responses.Write(http, StatusCodes.Status200OK, Responses.JsonLines, body.WrittenMemory);
    }
}
