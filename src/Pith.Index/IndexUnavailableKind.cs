namespace Pith.Index;

/// <summary>Why an index cannot be used: what a caller may act on, apart from the one-line message for the user.</summary>
public enum IndexUnavailableKind
{
    /// <summary>Anything else SQLite or the file system reported.</summary>
    Other,

    /// <summary>No file at the path (commands that read never create one).</summary>
    Missing,

    /// <summary>Not an SQLite database, an SQLite file without the index's tables, or someone else's database.</summary>
    NotAnIndex,

    /// <summary>Damaged pages, or rows that contradict one another.</summary>
    Corrupt,

    /// <summary>The file (or the folder its journal goes in) cannot be written, or its mode says it must not be.</summary>
    ReadOnly,

    /// <summary>Another process held its lock for longer than the lock timeout.</summary>
    Locked,

    /// <summary>The file or its folder cannot be opened or created.</summary>
    CannotOpen,

    /// <summary>The disk holding it is full.</summary>
    DiskFull,

    /// <summary>Written by an older pith: an import upgrades it.</summary>
    OlderSchema,

    /// <summary>Written by a newer pith.</summary>
    NewerSchema,

    /// <summary>A hot journal beside it: a write an import began was never finished (only a writer rolls it back).</summary>
    InterruptedWrite,

    /// <summary>An import stopped before its end left the title search without some records (the next import rebuilds it).</summary>
    UnfinishedImport,
}
