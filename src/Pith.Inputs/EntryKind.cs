namespace Pith.Inputs;

/// <summary>
/// What a folder's listing says an entry is (on Linux the directory entry's d_type), known without a system call
/// per entry. The walker decides by it what to descend into, and the reader what it may open without a stat first.
/// </summary>
public enum EntryKind
{
    /// <summary>Not known without a stat: a path the user named, or a listing that gives no types.</summary>
    Unknown,
    Folder,
    RegularFile,
    /// <summary>A symbolic link, to anything.</summary>
    Link,
    /// <summary>A FIFO, socket or device: never opened from a folder walk.</summary>
    Special,
}
