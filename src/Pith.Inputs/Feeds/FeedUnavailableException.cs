namespace Pith.Inputs.Feeds;

/// <summary>A feed could not be read (network, HTTP status, a malformed response): the message is one line for the user.</summary>
public sealed class FeedUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
