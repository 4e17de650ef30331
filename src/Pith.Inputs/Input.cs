namespace Pith.Inputs;

/// <summary>
/// One thing the user handed in: a file, or standard input (<see cref="StandardInputName"/>). A file found in a folder
/// must be a regular file (<see cref="RegularOnly"/>); a path named by the user may be a pipe, as <c>&lt;(curl ...)</c> is.
/// </summary>
public sealed record Input(string Path, bool RegularOnly = false)
{
    public const string StandardInputName = "-";

    public bool IsStandardInput => Path == StandardInputName;

    /// <summary>What the folder's listing said the file is; for a <see cref="EntryKind.RegularFile"/> the reader needs no stat.</summary>
    public EntryKind Kind { get; init; }
}
