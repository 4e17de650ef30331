using Pith.Inputs;

namespace Pith.Index.Import;

/// <summary>
/// The index's own files (the index and the journal SQLite keeps beside it) found among the inputs, as when the index
/// lives inside the folder imported: they are no documents, and rejecting them on every run would fill the rejects
/// table with noise. A file is the index's by its identity (device and inode), so another file of the same name is
/// still read; the journal is the one in the index's own folder.
/// </summary>
internal sealed class IndexOwnFiles(string indexPath)
{
    private readonly string _name = Path.GetFileName(Path.GetFullPath(indexPath));
    private readonly string _journalName = Path.GetFileName(Path.GetFullPath(indexPath)) + "-journal";
    private readonly (ulong Device, ulong Inode)? _index = FileKind.Identity(indexPath);
    private readonly (ulong Device, ulong Inode)? _folder = FileKind.Identity(Path.GetDirectoryName(Path.GetFullPath(indexPath))!);

    public bool Contains(InputDocument document)
    {
        if (document.File is not { } file) return false;
        // The name first: a stat only for the one or two files that may be ours.
        var name = Path.GetFileName(file.Path);
        if (name == _name) return _index is not null && FileKind.Identity(file.Path) == _index;
        if (name == _journalName) return _folder is not null && FileKind.Identity(Path.GetDirectoryName(Path.GetFullPath(file.Path))!) == _folder;
        return false;
    }
}
