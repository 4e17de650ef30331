namespace Pith.Inputs;

/// <summary>
/// One document the inputs hold: a file still to be read (so that reads run where the verifying does), bytes already
/// read (a JSON Lines line, standard input, a stored copy), or why there are none. Named as verdicts name it: the path,
/// or <c>path:line</c> for a JSON Lines line.
/// </summary>
public sealed record InputDocument(string Path, long? Line = null)
{
    public string Name => Line is { } line ? $"{Path}:{line}" : Path;

    /// <summary>A file to read (bounded) before verifying it.</summary>
    public Input? File { get; init; }

    /// <summary>The document's bytes, read already.</summary>
    public byte[]? Bytes { get; init; }

    /// <summary>Why the input could not be read at all.</summary>
    public string? Unreadable { get; init; }

    /// <summary>Why a line is refused without reading it whole: longer than a record may be.</summary>
    public string? TooLarge { get; init; }
}
