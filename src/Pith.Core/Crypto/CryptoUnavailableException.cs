namespace Pith.Core.Crypto;

/// <summary>The native crypto library could not be loaded: an environment problem, not a bad record.</summary>
public sealed class CryptoUnavailableException(string message) : Exception(message);
