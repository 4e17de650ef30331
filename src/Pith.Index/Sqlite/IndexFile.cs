using System.Runtime.InteropServices;
using SQLitePCL;

namespace Pith.Index.Sqlite;

/// <summary>
/// The rules for an index file that hold whichever driver opens it (Microsoft.Data.Sqlite in <see cref="IndexDatabase"/>,
/// SQLitePCLRaw in <see cref="Query.IndexReader"/>): a command that reads opens an existing file read-only and never lets
/// SQLite write it, not even to roll back a hot journal; it reads only this program's schema; a new index is put in
/// place whole; and SQLite's failures become one <see cref="IndexUnavailableException"/> each, of a known kind.
/// </summary>
internal static partial class IndexFile
{
    /// <summary>
    /// What the file holds, in one statement (one read of the header and the schema, so one state of the file): the
    /// schema version, the number of schema objects, and whether the records table is among them.
    /// </summary>
    public const string SchemaQuery =
        "SELECT user_version, (SELECT count(*) FROM sqlite_master), " +
        "(SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'records') FROM pragma_user_version";

    /// <summary>The rollback journal SQLite keeps beside the file while a write is under way.</summary>
    public static string JournalOf(string path) => path + "-journal";

    /// <summary>Readers never create: a missing file is refused before SQLite sees the path.</summary>
    public static void RequireExisting(string path)
    {
        if (!File.Exists(path)) throw IndexUnavailableException.Missing(path);
    }

    /// <summary>
    /// The schema version of a file a writer may use: an empty SQLite file (0: its schema is yet to be made) or a pith
    /// index of a schema this program knows. Someone else's database and a newer schema are refused.
    /// </summary>
    public static long WritableVersion(string path, long version, long objects, long records)
    {
        if (version > Migrations.Latest)
        {
            throw new IndexUnavailableException(IndexUnavailableKind.NewerSchema,
                $"{path} has schema version {version}, newer than this pith knows ({Migrations.Latest}); upgrade pith");
        }
        if (version > 0 && records == 0)
            throw new IndexUnavailableException(IndexUnavailableKind.NotAnIndex, $"{path} is an SQLite database but not a pith index");
        if (version == 0 && objects > 0)
            throw new IndexUnavailableException(IndexUnavailableKind.NotAnIndex, $"{path} is an SQLite database but not a pith index (it holds other tables)");
        return version;
    }

    /// <summary>
    /// A command that reads takes exactly this program's schema: an older one is refused rather than read by older
    /// queries (an import upgrades it), as are a newer one, an empty file and someone else's database.
    /// </summary>
    public static void RequireReadable(string path, long version, long objects, long records)
    {
        if (WritableVersion(path, version, objects, records) == 0)
            throw new IndexUnavailableException(IndexUnavailableKind.NotAnIndex, $"{path} is not a pith index (an SQLite file without its tables)");
        if (version < Migrations.Latest)
        {
            throw new IndexUnavailableException(IndexUnavailableKind.OlderSchema,
                $"{path} was written by an older pith (schema {version}; this one reads {Migrations.Latest}): an import into it upgrades it; nothing was changed");
        }
    }

    /// <summary>The kind of an SQLite result code, primary or extended.</summary>
    public static IndexUnavailableKind KindOf(int code) => code switch
    {
        // Extended codes whose meaning differs from their primary code's.
        raw.SQLITE_READONLY_ROLLBACK => IndexUnavailableKind.InterruptedWrite,
        _ => (code & PrimaryCodeMask) switch
        {
            raw.SQLITE_NOTADB => IndexUnavailableKind.NotAnIndex,
            raw.SQLITE_CORRUPT => IndexUnavailableKind.Corrupt,
            raw.SQLITE_READONLY => IndexUnavailableKind.ReadOnly,
            raw.SQLITE_BUSY or raw.SQLITE_LOCKED => IndexUnavailableKind.Locked,
            raw.SQLITE_CANTOPEN => IndexUnavailableKind.CannotOpen,
            raw.SQLITE_FULL => IndexUnavailableKind.DiskFull,
            _ => IndexUnavailableKind.Other,
        },
    };

    // An extended result code is its primary code plus more detail in the higher bits.
    private const int PrimaryCodeMask = 0xFF;

    /// <summary>
    /// SQLite's failure on <paramref name="path"/> as a one-line reason a user can act on. <paramref name="readOnly"/>:
    /// the connection could not write, so the message may say the file was left as it was.
    /// </summary>
    public static IndexUnavailableException Failure(int code, string message, string path, bool readOnly, Exception? inner = null)
    {
        var kind = KindOf(code);
        message = SqliteWords(message);
        var text = kind switch
        {
            IndexUnavailableKind.NotAnIndex => $"{path} is not a pith index (not an SQLite database)",
            IndexUnavailableKind.Corrupt => $"{path} is corrupt (SQLite: {message})" + (readOnly ? "; it was not modified" : ""),
            IndexUnavailableKind.ReadOnly => $"{path} is read-only",
            IndexUnavailableKind.Locked => $"{path} is locked by another pith process (waited for the lock timeout); try again when it has finished",
            IndexUnavailableKind.CannotOpen => $"cannot open {path} (SQLite: {message})",
            IndexUnavailableKind.DiskFull => $"the disk holding {path} is full",
            IndexUnavailableKind.InterruptedWrite => InterruptedWrite(path),
            _ => $"{path}: SQLite error {code & PrimaryCodeMask}: {message}",
        };
        return new IndexUnavailableException(kind, text, inner) { SqliteCode = code };
    }

    // Microsoft.Data.Sqlite wraps SQLite's words as "SQLite Error 10: 'disk I/O error'.": the code is said once, by us.
    private static string SqliteWords(string message)
    {
        const string Prefix = "SQLite Error ";
        var open = message.IndexOf(": '", StringComparison.Ordinal);
        return message.StartsWith(Prefix, StringComparison.Ordinal) && open > 0 && message.EndsWith("'.", StringComparison.Ordinal)
            ? message[(open + 3)..^2]
            : message;
    }

    // A hot journal: SQLite would play it back into the file, which is right for the import that wrote it and wrong for a
    // journal that is not this file's (a backup restored beside an old one): only the user can tell, and only a writer acts.
    private static string InterruptedWrite(string path) =>
        $"{path} was left mid-write by an import that stopped (its journal {JournalOf(path)} is still there); reading commands do not " +
        "change the index: the next 'pith import' into it rolls the unfinished write back, or, if that journal does not belong to " +
        "this file (beside a restored backup, say), move it away; nothing was changed";

    /// <summary>A file name for building a new index beside <paramref name="path"/> (same folder, so it can be linked in place).</summary>
    public static string TemporaryBeside(string path)
    {
        var full = Path.GetFullPath(path);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.new");
    }

    /// <summary>
    /// Puts the finished new index <paramref name="temporary"/> at <paramref name="path"/> without replacing anything there:
    /// readers see no file or the whole index. False when another process put one there first (its file is kept; ours stays
    /// at <paramref name="temporary"/>). Either way the caller then deletes what is left at <paramref name="temporary"/>.
    /// </summary>
    public static bool TryPlace(string temporary, string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            // link(2) fails when the name exists, in one step. File.Move(overwrite: false) looks (lstat) and then renames,
            // so two pith processes creating one index could both see no file and the second replace the first's, which
            // the first already has open (SQLite then refuses its writes: "read-only", the file having moved).
            if (Link(temporary, path) == 0) return true;
            if (Marshal.GetLastPInvokeError() == Eexist)
            {
                // Another pith's index; anything else by that name (a folder, a dangling link) is not one to use.
                return File.Exists(path) ? false : throw new IOException($"{path} exists and is not a file", Eexist);
            }
            // Otherwise (a file system without hard links, say) File.Move tries and throws what it meets; only there can
            // two creators still race.
        }
        try
        {
            // On Windows: a move that does not replace, in one step.
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    // errno of link(2) when the new name exists (the same on Linux and macOS).
    private const int Eexist = 17;

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string created);
}
