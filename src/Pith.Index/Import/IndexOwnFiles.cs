using Pith.Inputs;

namespace Pith.Index.Import;

/// <summary>
/// The index's own files (the index and the journal SQLite keeps beside it) found among the inputs, as when the index
/// lives inside the folder imported: they are no documents, and rejecting them on every run would fill the rejects
/// table with noise. A file is the index's by its identity (device and inode), so another file of the same name is
/// still read; the journal is the one in the index's own folder.
/// </summary>
internal sealed class IndexOwnFiles
{
    private const string JournalSuffix = "-journal";

    private readonly string _name;
    private readonly (ulong Device, ulong Inode)? _index;
    private readonly (ulong Device, ulong Inode)? _folder;

    public IndexOwnFiles(string indexPath)
    {
        var full = Path.GetFullPath(indexPath);
        _name = Path.GetFileName(full);
        _index = FileKind.Identity(full);
        _folder = FileKind.Identity(Path.GetDirectoryName(full)!);
    }

    public bool Contains(InputDocument document)
    {
        if (document.File is not { } file) return false;
        // The name first, without allocating (every input passes here): a stat only for the one or two that may be ours.
        var name = Path.GetFileName(file.Path.AsSpan());
        if (!name.StartsWith(_name, StringComparison.Ordinal)) return false;
        if (name.Length == _name.Length) return _index is not null && FileKind.Identity(file.Path) == _index;
        return name[_name.Length..].SequenceEqual(JournalSuffix)
               && _folder is not null && FileKind.Identity(Path.GetDirectoryName(Path.GetFullPath(file.Path))!) == _folder;
    }
}
