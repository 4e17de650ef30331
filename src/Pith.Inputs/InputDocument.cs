namespace Pith.Inputs;

/// <summary>
/// One document the inputs hold, named as verdicts name it (a file's path, or <c>path:line</c> for a JSON Lines line):
/// a file still to be read (so that reads run where the verifying does), bytes already read, or why there are none.
/// </summary>
public sealed record InputDocument(string Name)
{
    /// <summary>A file to read (bounded) before verifying it.</summary>
    public Input? File { get; init; }

    /// <summary>The document's bytes, read already (a line, or standard input).</summary>
    public byte[]? Bytes { get; init; }

    /// <summary>Why the input could not be read at all.</summary>
    public string? Unreadable { get; init; }

    /// <summary>Why a line is refused without reading it whole: longer than a record may be.</summary>
    public string? TooLarge { get; init; }
}
