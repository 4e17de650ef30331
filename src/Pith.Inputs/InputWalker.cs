namespace Pith.Inputs;

/// <summary>
/// Expands the paths a user names into inputs: files as they are, folders recursively (every regular file, in
/// ordinal order of the whole path, so runs are repeatable), <c>-</c> for standard input. Symbolic links to folders
/// are not followed, so a link cannot lead out of the tree or round in a loop. Streams: no whole-tree lists are kept.
/// </summary>
public static class InputWalker
{
    /// <summary>The inputs; <paramref name="skipped"/> hears of each symbolic link in a folder that is not read, and why.</summary>
    public static IEnumerable<Either> Expand(IEnumerable<string> paths, Action<string, string>? skipped = null) =>
        Expand(paths, DirectoryListing.Mode.Typed, skipped);

    internal static IEnumerable<Either> Expand(IEnumerable<string> paths, DirectoryListing.Mode listing, Action<string, string>? skipped = null)
    {
        foreach (var path in paths)
        {
            if (path == Input.StandardInputName)
            {
                yield return new Either(new Input(path), null);
                continue;
            }
            var (isFile, isFolder) = Exists(path);
            if (isFile)
            {
                yield return new Either(new Input(path), null);
                continue;
            }
            if (!isFolder)
            {
                yield return new Either(null, new InputError(path, "no such file or folder"));
                continue;
            }
            foreach (var item in Walk(path, listing, skipped)) yield return item;
        }
    }

    // .NET cannot name a path holding bytes that are not UTF-8 (FileNames): libc is asked about those.
    private static (bool File, bool Folder) Exists(string path)
    {
        if (!FileNames.HasEscapedBytes(path)) return File.Exists(path) ? (true, false) : (false, Directory.Exists(path));
        var folder = FileKind.IsFolder(path);
        return (folder == false, folder == true);
    }

    private static IEnumerable<Either> Walk(string root, DirectoryListing.Mode listing, Action<string, string>? skipped)
    {
        var top = Path.GetFullPath(root);
        // Entries still to visit, the next one on top. A folder's entries are pushed in reverse order, and a
        // subfolder is opened when it comes up, so files come out in ordinal order of their whole path.
        // A link not read waits its turn too, with why it is not read, so that it is reported where it would have come.
        var pending = new Stack<(string Path, EntryKind Kind, string? Skip)>();
        pending.Push((root, EntryKind.Folder, null));
        while (pending.Count > 0)
        {
            var (path, kind, skip) = pending.Pop();
            if (skip is not null)
            {
                skipped?.Invoke(path, skip);
                continue;
            }
            if (kind != EntryKind.Folder)
            {
                // The reader refuses what is not a regular file, by the listing's kind, or else by a stat in parallel:
                // a stat per file here would be serial.
                yield return new Either(new Input(path, RegularOnly: true) { Kind = kind }, null);
                continue;
            }
            var (entries, error) = List(path, listing);
            if (error is not null)
            {
                yield return new Either(null, new InputError(path, error));
                continue;
            }
            for (var i = entries.Count - 1; i >= 0; i--)
            {
                var entry = entries[i];
                var entryPath = Path.Combine(path, entry.Name);
                // A link to a folder is never followed; a linked file is read (after a stat) only if it leads inside.
                if (entry.Kind != EntryKind.Link) pending.Push((entryPath, entry.Kind, null));
                else pending.Push((entryPath, EntryKind.Unknown, SkipReason(entryPath, top)));
            }
        }
    }

    private static (List<DirectoryListing.Entry> Entries, string? Error) List(string folder, DirectoryListing.Mode listing)
    {
        try
        {
            var entries = DirectoryListing.List(folder, listing);
            entries.Sort(static (a, b) => string.CompareOrdinal(SortKey(a), SortKey(b)));
            return (entries, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ([], IoMessages.Reason(e));
        }
    }

    // A folder sorts as "name/": everything inside it shares that prefix, so sorting siblings by it gives the
    // ordinal order of whole paths ("a.json" before "a/x.json", since '.' < '/').
    private static string SortKey(DirectoryListing.Entry entry) =>
        entry.Kind == EntryKind.Folder ? entry.Name + Path.DirectorySeparatorChar : entry.Name;

    // A linked file counts only when its final target is a regular file inside the folder walked (null: read it); else
    // why not. (Resolved as a file, a link to a folder is a FileInfo that does not exist.)
    private static string? SkipReason(string link, string top)
    {
        try
        {
            var target = new FileInfo(link).ResolveLinkTarget(returnFinalTarget: true);
            if (target is FileInfo { Exists: true } file)
            {
                return file.FullName.StartsWith(top.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    ? null
                    : "it leads outside the folder";
            }
            return Directory.Exists(link) ? "links to folders are not followed" : "it leads to no file";
        }
        catch (IOException)
        {
            return "it leads to no file";
        }
    }

    /// <summary>An input to read, or a named path that could not be expanded.</summary>
    public readonly record struct Either(Input? Input, InputError? Error);
}
