namespace Pith.Server;

/// <summary>The server cannot listen on the address asked for (taken, not this machine's, not permitted): the message is one line for the user.</summary>
public sealed class CannotListenException(string message, Exception inner) : Exception(message, inner);
