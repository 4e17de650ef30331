namespace Pith.Index.Import;

/// <summary>An input that was not indexed, and why: the path (and line, for JSON Lines) and the verifier's reason.</summary>
public sealed record Reject(string Path, long? Line, string Check, string Reason)
{
    public string Where => Line is { } line ? $"{Path}:{line}" : Path;
}
