namespace Pith.Core.Inputs;

/// <summary>
/// Expands the paths a user names into inputs: files as they are, folders recursively (every regular file, in
/// ordinal order, so runs are repeatable), <c>-</c> for standard input. Symbolic links to folders are not
/// followed, so a link cannot lead out of the tree or round in a loop. Streams: no whole-tree lists are kept.
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
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            var (entries, error) = List(folder);
            if (error is not null)
            {
                yield return new Either(null, new InputError(folder, error));
                continue;
            }
            var subfolders = new List<string>();
            foreach (var entry in entries)
            {
                var path = Path.Combine(folder, entry.Name);
                if (entry is DirectoryInfo)
                {
                    if (entry.LinkTarget is null) subfolders.Add(path);
                }
                else if (entry.LinkTarget is null || LinksInside(entry, top))
                {
                    yield return new Either(new Input(path), null);
                }
            }
            // Depth first, in name order.
            for (var i = subfolders.Count - 1; i >= 0; i--) pending.Push(subfolders[i]);
        }
    }

    private static (FileSystemInfo[] Entries, string? Error) List(string folder)
    {
        try
        {
            var entries = new DirectoryInfo(folder).GetFileSystemInfos();
            Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            return (entries, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ([], e.Message);
        }
    }

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
