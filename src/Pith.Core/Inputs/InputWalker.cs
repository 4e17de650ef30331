namespace Pith.Core.Inputs;

/// <summary>
/// Expands the paths a user names into inputs: files as they are, folders recursively (every regular file, in
/// ordinal order of the whole path, so runs are repeatable), <c>-</c> for standard input. Symbolic links to folders
/// are not followed, so a link cannot lead out of the tree or round in a loop. Streams: no whole-tree lists are kept.
/// </summary>
public static class InputWalker
{
    public static IEnumerable<Either> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (path == Input.StandardInputName)
            {
                yield return new Either(new Input(path), null);
                continue;
            }
            if (File.Exists(path))
            {
                yield return new Either(new Input(path), null);
                continue;
            }
            if (!Directory.Exists(path))
            {
                yield return new Either(null, new InputError(path, "no such file or folder"));
                continue;
            }
            foreach (var item in Walk(path)) yield return item;
        }
    }

    private static IEnumerable<Either> Walk(string root)
    {
        var top = Path.GetFullPath(root);
        // Entries still to visit, the next one on top. A folder's entries are pushed in reverse order, and a
        // subfolder is opened when it comes up, so files come out in ordinal order of their whole path.
        var pending = new Stack<(string Path, bool IsFolder)>();
        pending.Push((root, true));
        while (pending.Count > 0)
        {
            var (path, isFolder) = pending.Pop();
            if (!isFolder)
            {
                // Whether it is a regular file is checked by the reader, in parallel: a stat per file here is serial.
                yield return new Either(new Input(path, RegularOnly: true), null);
                continue;
            }
            var (entries, error) = List(path);
            if (error is not null)
            {
                yield return new Either(null, new InputError(path, error));
                continue;
            }
            for (var i = entries.Length - 1; i >= 0; i--)
            {
                var entry = entries[i];
                var entryPath = Path.Combine(path, entry.Name);
                // The attributes come with the listing; asking every entry for its link target would cost a syscall each.
                var isLink = entry.Attributes.HasFlag(FileAttributes.ReparsePoint);
                if (entry is DirectoryInfo)
                {
                    if (!isLink) pending.Push((entryPath, true));
                }
                else if (!isLink || LinksInside(entry, top))
                {
                    pending.Push((entryPath, false));
                }
            }
        }
    }

    private static (FileSystemInfo[] Entries, string? Error) List(string folder)
    {
        try
        {
            var entries = new DirectoryInfo(folder).GetFileSystemInfos();
            Array.Sort(entries, static (a, b) => string.CompareOrdinal(SortKey(a), SortKey(b)));
            return (entries, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ([], e.Message);
        }
    }

    // A folder sorts as "name/": everything inside it shares that prefix, so sorting siblings by it gives the
    // ordinal order of whole paths ("a.json" before "a/x.json", since '.' < '/').
    private static string SortKey(FileSystemInfo entry) =>
        entry is DirectoryInfo ? entry.Name + Path.DirectorySeparatorChar : entry.Name;

    // A linked file counts only when its final target is a regular file inside the folder walked.
    private static bool LinksInside(FileSystemInfo link, string top)
    {
        try
        {
            var target = link.ResolveLinkTarget(returnFinalTarget: true);
            return target is FileInfo { Exists: true } file
                   && file.FullName.StartsWith(top.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>An input to read, or a named path that could not be expanded.</summary>
    public readonly record struct Either(Input? Input, InputError? Error);
}
