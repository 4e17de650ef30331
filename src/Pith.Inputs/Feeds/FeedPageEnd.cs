namespace Pith.Inputs.Feeds;

/// <summary>The last document of a page of a feed, and the cursor after it: once that document is written, a follower can store the cursor.</summary>
public sealed record FeedPageEnd(InputDocument Last, string Cursor);
