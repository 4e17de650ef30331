using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Pith.Index.Feed;
using Pith.Index.Query;
using Pith.Testing;
using Xunit;

namespace Pith.Index.Tests.Feed;

/// <summary>
/// The feed lists every document an index stored, in the order it stored them, each as the bytes it keeps; a cursor
/// given out before a document was stored comes before it, whatever the document is (new, reissue, older copy).
/// </summary>
public sealed class DocumentFeedTests : IDisposable
{
    private const string Old = "2026-07-05T06:58:51.293543+00:00";
    private const string New = "2026-09-14T10:00:00Z";
    private const string Older = "2026-06-01T00:00:00Z";

    private readonly TestIndex _index = new();

    public void Dispose() => _index.Dispose();

    [Fact]
    public void Documents_come_in_the_order_stored_with_a_reissue_and_an_older_copy_after_the_cursors_given_before_them()
    {
        var a = RecordFactory.Create(TestKey.Default, updatedAt: Old);
        var b = RecordFactory.Create(TestKey.Default, sourceId: "2401.00001");
        _index.Import(a, b);
        var before = Page(null, 10);
        var reissue = Copy(a, New);
        var older = Copy(a, Older);
        _index.Import(reissue);
        _index.Import(older);

        var after = Page(before.Next, 10);

        Assert.Equal(2, before.Lines.Count);
        Assert.Equal(Bytes(a, b).Order(ByteArrays.Instance), before.Lines.Select(l => l.ToArray()).Order(ByteArrays.Instance));
        Assert.Equal(Bytes(reissue, older), after.Lines.Select(l => l.ToArray()));
        Assert.False(after.Restarted);
        var upToDate = Page(after.Next, 10);
        Assert.Empty(upToDate.Lines);
        Assert.Equal(after.Next, upToDate.Next);
    }

    [Fact]
    public void A_variant_comes_after_the_cursors_given_before_it_and_is_served_as_kept()
    {
        var a = RecordFactory.Create(TestKey.Default, updatedAt: Old);
        _index.Import(a);
        var before = Page(null, 10);
        var variant = a.DeepClone().AsObject();
        variant["inbound_citations"] = new JsonObject { ["count"] = 3, ["as_of"] = Old };
        _index.Import(RecordFactory.Resign(variant, TestKey.Default));

        var after = Page(before.Next, 10);

        Assert.Equal(Bytes(variant), after.Lines.Select(l => l.ToArray()));
    }

    [Fact]
    public void A_page_ends_at_its_limit_and_the_next_goes_on_from_its_cursor()
    {
        var records = Enumerable.Range(1, 5).Select(i => RecordFactory.Create(TestKey.Default, sourceId: $"2401.{i:D5}")).ToArray();
        _index.Import(records);

        var pages = new List<FeedPage> { Page(null, 2) };
        while (pages[^1].Lines.Count > 0) pages.Add(Page(pages[^1].Next, 2));

        Assert.Equal([2, 2, 1, 0], pages.Select(p => p.Lines.Count));
        Assert.Equal(Bytes(records).Order(ByteArrays.Instance), pages.SelectMany(p => p.Lines).Select(l => l.ToArray()).Order(ByteArrays.Instance));
        Assert.Equal(5, pages[^1].Next.Sequence);
    }

    [Fact]
    public void A_cursor_of_another_index_starts_from_the_beginning_and_says_so()
    {
        _index.Import(RecordFactory.Create(TestKey.Default));
        var own = Page(null, 10).Next;
        var foreign = new FeedCursor(own.Feed == "0000000000000000" ? "0000000000000001" : "0000000000000000", 1);

        var page = Page(foreign, 10);

        Assert.True(page.Restarted);
        Assert.Single(page.Lines);
        Assert.Equal(own, page.Next);
    }

    [Fact]
    public void An_unchanged_reimport_adds_nothing_to_the_feed()
    {
        var a = RecordFactory.Create(TestKey.Default);
        _index.Import(a);
        var end = Page(null, 10).Next;

        _index.Import(a);

        Assert.Empty(Page(end, 10).Lines);
    }

    [Fact]
    public void An_index_from_before_the_feed_lists_what_it_holds_current_copies_first_then_older_copies()
    {
        var a = RecordFactory.Create(TestKey.Default, updatedAt: Old);
        var reissue = Copy(a, New);
        _index.Import(a);
        _index.Import(reissue);
        _index.AsSchema5();
        using (IndexDatabase.Open(_index.Path)) { }

        Assert.Equal(Bytes(reissue, a), Page(null, 10).Lines.Select(l => l.ToArray()));
    }

    [Theory]
    [InlineData("00000000000000aa-0", true)]
    [InlineData("0123456789abcdef-123456789", true)]
    [InlineData("0123456789ABCDEF-1", false)]
    [InlineData("0123456789abcde-1", false)]
    [InlineData("0123456789abcdef-", false)]
    [InlineData("0123456789abcdef--1", false)]
    [InlineData("0123456789abcdef-1x", false)]
    [InlineData("0123456789abcdef-1234567890123456789", false)]
    [InlineData("", false)]
    public void A_cursor_is_its_feed_and_a_sequence(string text, bool valid)
    {
        var parsed = FeedCursor.Parse(text);

        Assert.Equal(valid, parsed.Success);
        if (valid) Assert.Equal(text, parsed.Value!.ToString());
        else Assert.StartsWith("not a feed cursor", parsed.Error, StringComparison.Ordinal);
    }

    private FeedPage Page(FeedCursor? after, int limit)
    {
        using var reader = IndexReader.Open(_index.Path);
        return DocumentFeed.Read(reader, after, limit);
    }

    private static JsonObject Copy(JsonObject record, string updatedAt)
    {
        var copy = record.DeepClone().AsObject();
        copy["updated_at"] = updatedAt;
        return RecordFactory.Resign(copy, TestKey.Default);
    }

    private static byte[][] Bytes(params JsonObject[] records) => [.. records.Select(RecordFactory.ToBytes)];

    private sealed class ByteArrays : IComparer<byte[]>
    {
        public static readonly ByteArrays Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
