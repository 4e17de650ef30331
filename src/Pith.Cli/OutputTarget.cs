using Pith.Inputs;

namespace Pith.Cli;

/// <summary>
/// Where a command writes a file the user named with <c>--out</c>: <c>-</c> is standard output; an existing device,
/// FIFO or link to one is written through (never replaced by a regular file); anything else is written atomically
/// beside itself and renamed over. Refused: a folder that does not exist (it is not created), a folder, and the index
/// itself or its journal, by any spelling or link.
/// </summary>
public static class OutputTarget
{
    public const string StandardOutput = "-";

    private static readonly string[] IndexFileSuffixes = ["", "-journal", "-wal", "-shm"];

    /// <summary>Why <paramref name="path"/> may not be written when <paramref name="index"/> is the index read, or null.</summary>
    public static string? Refusal(string path, string index)
    {
        if (path == StandardOutput) return null;
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder)) return $"cannot write {path}: there is no folder {folder}";
        if (Directory.Exists(full)) return $"cannot write {path}: it is a folder";
        var identity = FileKind.Identity(full);
        foreach (var suffix in IndexFileSuffixes)
        {
            var indexFile = Path.GetFullPath(index + suffix);
            if (full == indexFile || (identity is not null && identity == FileKind.Identity(indexFile)))
                return $"cannot write {path}: it is the index{(suffix.Length > 0 ? "'s " + suffix.TrimStart('-') : " itself")} ({index}); name another file";
        }
        return null;
    }

    /// <summary>An existing file that is not a regular one (a device, a FIFO, or a link to one): written into, not replaced.</summary>
    public static bool WritesThrough(string path) => File.Exists(path) && !FileKind.IsRegularFile(path);
}
