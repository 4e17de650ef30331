namespace Pith.Server;

/// <summary>The address the server was to listen on is taken: the message is one line for the user.</summary>
public sealed class AddressTakenException(string message, Exception inner) : Exception(message, inner);
