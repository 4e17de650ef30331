namespace Pith.Index.Feed;

/// <summary>
/// One page of an index's document feed: each document as one line (as <c>pith export</c> writes it), and the cursor
/// after the last of them. No lines: the reader is up to date. <paramref name="Restarted"/>: the cursor given was another
/// feed's (the index was replaced), so the page starts from the beginning.
/// </summary>
public sealed record FeedPage(IReadOnlyList<ReadOnlyMemory<byte>> Lines, FeedCursor Next, bool Restarted);
