using System.Runtime.InteropServices;

namespace Pith.Inputs;

/// <summary>
/// The one place I/O failures become words for the user: a short reason in pith's style ("no such file", "it is a
/// folder", "no space left on device"), never .NET's message, which repeats the path in its own format ("Could not find
/// file '…'", "No space left on device : '…'") and, for a folder read as a file, says "Access to the path is denied".
/// </summary>
public static class IoMessages
{
    /// <summary>Why <paramref name="e"/> happened to <paramref name="path"/> (when known, it tells a folder apart), in one short phrase.</summary>
    public static string Reason(Exception e, string? path = null) => e switch
    {
        // .NET reports a folder opened as a file (EISDIR) as access denied, and creating over one as "already exists".
        UnauthorizedAccessException or IOException when path is not null && Directory.Exists(path) => "it is a folder",
        FileNotFoundException => "no such file",
        DirectoryNotFoundException => "no such folder",
        UnauthorizedAccessException => "permission denied",
        PathTooLongException => "the path is too long",
        ArgumentOutOfRangeException when IsFileTooLarge(e) => "file too large (for the file system, or for the limit set by ulimit -f)",
        // On Unix, .NET's IOException carries the errno as its HResult: its system text without the path .NET appends.
        IOException when e.HResult is > 0 and < 4096 => Lower(Marshal.GetPInvokeErrorMessage(e.HResult)),
        _ => "input/output error",
    };

    /// <summary>
    /// Whether <paramref name="e"/> is how .NET reports a write past the largest file allowed (EFBIG: FAT32's 4 GB, or
    /// <c>ulimit -f</c>): not an IOException but an ArgumentOutOfRangeException of the file's length.
    /// </summary>
    public static bool IsFileTooLarge(Exception e) => e is ArgumentOutOfRangeException { ParamName: "value" };

    private static string Lower(string text) => text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
