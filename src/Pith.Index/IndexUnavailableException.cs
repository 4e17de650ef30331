namespace Pith.Index;

/// <summary>The index cannot be used (not SQLite, corrupt, read-only, newer schema, locked): a one-line reason.</summary>
public sealed class IndexUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Throws this exception (an extension of null-propagation: <c>check()?.Throw()</c>).</summary>
    public void Throw() => throw this;
}
