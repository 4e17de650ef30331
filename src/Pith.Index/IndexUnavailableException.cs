namespace Pith.Index;

/// <summary>The index cannot be used (not SQLite, corrupt, read-only, another schema, locked): its kind and a one-line reason.</summary>
public sealed class IndexUnavailableException(IndexUnavailableKind kind, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>A reason of no particular kind.</summary>
    public IndexUnavailableException(string message, Exception? inner = null) : this(IndexUnavailableKind.Other, message, inner)
    {
    }

    public IndexUnavailableKind Kind { get; } = kind;

    /// <summary>Throws this exception (an extension of null-propagation: <c>check()?.Throw()</c>).</summary>
    public void Throw() => throw this;

    /// <summary>SQLite's (extended) result code, when SQLite reported the problem.</summary>
    public int? SqliteCode { get; internal init; }

    /// <summary>No file at <paramref name="path"/>: commands that read never create one.</summary>
    public static IndexUnavailableException Missing(string path) =>
        new(IndexUnavailableKind.Missing, $"no index at {path} (run 'pith import' first, or name one with --db)");
}
