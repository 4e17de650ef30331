using Microsoft.Data.Sqlite;

namespace Pith.Index;

/// <summary>
/// One open index file: checked on open (SQLite, not read-only, a schema this program knows), migrated to
/// the latest schema, foreign keys on. Anything that makes it unusable is an <see cref="IndexUnavailableException"/>
/// with a one-line reason, thrown before anything is written.
/// </summary>
public sealed class IndexDatabase : IDisposable
{
    /// <summary>How long a writer waits for another's lock before giving up.</summary>
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(60);

    // A rollback journal: as crash-safe as WAL for one writer, and faster for the large batched transactions of
    // a bulk import (measured: see the import issue's note). Readers see the last committed state.
    private const string JournalMode = "TRUNCATE";

    private IndexDatabase(SqliteConnection connection, string path)
    {
        Connection = connection;
        Path = path;
    }

    public SqliteConnection Connection { get; }

    public string Path { get; }

    /// <summary>Opens (creating it and its folder when <paramref name="create"/>) and migrates the index.</summary>
    public static IndexDatabase Open(string path, bool create = true, TimeSpan? lockTimeout = null)
    {
        var exists = File.Exists(path);
        if (!exists && !create) throw IndexUnavailableException.Missing(path);
        if (exists) RefuseReadOnly(path);
        if (!exists && System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { } folder)
        {
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new IndexUnavailableException($"cannot create the index folder {folder}: {e.Message}", e);
            }
        }
        var timeout = lockTimeout ?? DefaultLockTimeout;
        var connection = Connect(path, SqliteOpenMode.ReadWriteCreate, timeout);
        try
        {
            connection.Open();
            var database = new IndexDatabase(connection, path);
            database.Execute($"PRAGMA busy_timeout = {(long)timeout.TotalMilliseconds}");
            database.CheckAndMigrate();
            database.Execute($"PRAGMA journal_mode = {JournalMode}");
            database.Execute("PRAGMA foreign_keys = ON");
            return database;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw Describe(e, path);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens an existing index for a command that only reads (search, stats, export, audit): never created, migrated
    /// or written, a read-only file is fine. A schema older than this program's is refused (import upgrades it), as is
    /// a newer one. A hot journal that a killed import left is rolled back first, as SQLite does for any reader that
    /// may write: that restores the last committed state, it adds nothing.
    /// </summary>
    public static IndexDatabase OpenReadOnly(string path, TimeSpan? lockTimeout = null)
    {
        if (!File.Exists(path)) throw IndexUnavailableException.Missing(path);
        var timeout = lockTimeout ?? DefaultLockTimeout;
        try
        {
            try
            {
                return OpenForReading(path, SqliteOpenMode.ReadOnly, timeout);
            }
            catch (SqliteException e) when (e.SqliteExtendedErrorCode == SQLitePCL.raw.SQLITE_READONLY_ROLLBACK)
            {
                // A hot journal a killed import left, which only a connection that may write can roll back.
                OpenForReading(path, SqliteOpenMode.ReadWrite, timeout).Dispose();
                return OpenForReading(path, SqliteOpenMode.ReadOnly, timeout);
            }
        }
        catch (SqliteException e)
        {
            throw Describe(e, path);
        }
    }

    // Not pooled: no file handle outlives the command's use of the index.
    private static SqliteConnection Connect(string path, SqliteOpenMode mode, TimeSpan timeout) => new(new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = mode,
        Pooling = false,
        DefaultTimeout = (int)Math.Ceiling(timeout.TotalSeconds),
    }.ToString());


    private static IndexDatabase OpenForReading(string path, SqliteOpenMode mode, TimeSpan timeout)
    {
        var connection = Connect(path, mode, timeout);
        try
        {
            connection.Open();
            var database = new IndexDatabase(connection, path);
            database.Execute($"PRAGMA busy_timeout = {(long)timeout.TotalMilliseconds}");
            long version;
            using (connection.BeginTransaction(deferred: true))
            {
                version = database.CheckedVersion();
            }
            if (version == 0) throw new IndexUnavailableException($"{path} is not a pith index (an SQLite file without its tables)");
            if (version < Migrations.Latest)
            {
                throw new IndexUnavailableException(
                    $"{path} was written by an older pith (schema {version}; this one reads {Migrations.Latest}): an import into it upgrades it; nothing was changed");
            }
            return database;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose() => Connection.Dispose();

    public void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public T Scalar<T>(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Maps SQLite's failures to one-line reasons a user can act on.</summary>
    public static IndexUnavailableException Describe(SqliteException e, string path) => Describe(e.SqliteErrorCode, e.Message, path, e);

    /// <summary>The same for an SQLite result code and message (the read-only queries call SQLite directly).</summary>
    public static IndexUnavailableException Describe(int code, string message, string path, Exception? inner = null) => (code & 0xFF) switch
    {
        26 => new IndexUnavailableException($"{path} is not a pith index (not an SQLite database)", inner),
        11 => new IndexUnavailableException($"{path} is corrupt (SQLite: {message}); it was not modified", inner),
        8 => new IndexUnavailableException($"{path} is read-only", inner),
        5 or 6 => new IndexUnavailableException($"{path} is locked by another pith process (waited for the lock timeout); try again when it has finished", inner),
        14 => new IndexUnavailableException($"cannot open {path} (SQLite: {message})", inner),
        13 => new IndexUnavailableException($"the disk holding {path} is full", inner),
        _ => new IndexUnavailableException($"{path}: SQLite error {code & 0xFF}: {message}", inner),
    };

    private void CheckAndMigrate()
    {
        // Reading the header is what tells a non-database or a corrupt file apart, before any write. The version and
        // the tables are read in one read transaction, so both come from one state of the file: another pith creating
        // the schema of this new index at the same moment is seen before or after, not half-way (a version of 0
        // beside its tables, taken for someone else's database).
        long version;
        using (Connection.BeginTransaction(deferred: true))
        {
            version = CheckedVersion();
        }
        // Nothing is written yet. A writer starts the whole-file check (StartIntegrityCheck), which runs beside its
        // reading, and waits for the verdict (EnsureIntact) before its first write; a command that only reads does not
        // pay for reading every page.
        if (version == Migrations.Latest) return;
        // A migration writes: an existing file must be known intact first (a new one has nothing to check).
        if (version > 0) QuickCheck(Connection)?.Throw();
        _intact = Task.FromResult<IndexUnavailableException?>(null);

        // A new file's page size can be set only before its first table. Records are 6 to 10 KB: a 32 KiB page holds
        // three or four whole, where a 16 KiB page often held one and a half-empty rest (100k records: 908 MB of index
        // against 1,040 MB, and shorter commits; the import issue's note has the figures).
        if (version == 0) Execute("PRAGMA page_size = 32768");
        // Off for the migration (it cannot change inside a transaction), checked before the commit; Open turns it back on.
        Execute("PRAGMA foreign_keys = OFF");
        using var transaction = Connection.BeginTransaction();
        // Another process may have migrated between the check and the lock.
        version = CheckedVersion();
        for (var step = (int)version; step < Migrations.Latest; step++)
        {
            Execute(Migrations.Steps[step]);
            Execute($"PRAGMA user_version = {step + 1}");
        }
        // A migration may rebuild a table others refer to: every reference must hold before the commit.
        if (Scalar<long>("SELECT count(*) FROM pragma_foreign_key_check") > 0)
        {
            throw new IndexUnavailableException(
                $"{Path} has rows that refer to rows it does not hold (PRAGMA foreign_key_check); it was not upgraded to schema {Migrations.Latest} and was not modified");
        }
        transaction.Commit();
    }

    /// <summary>The schema version, once it is known to be this program's kind of index (empty, or a pith index not newer than it knows).</summary>
    private long CheckedVersion()
    {
        var version = Scalar<long>("PRAGMA user_version");
        RefuseNewer(Path, version);
        if (version > 0 && Scalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'records'") == 0)
            throw new IndexUnavailableException($"{Path} is an SQLite database but not a pith index");
        if (version == 0 && Scalar<long>("SELECT count(*) FROM sqlite_master") > 0)
            throw new IndexUnavailableException($"{Path} is an SQLite database but not a pith index (it holds other tables)");
        return version;
    }

    /// <summary>A schema newer than this program knows is refused, by writers and readers alike.</summary>
    public static void RefuseNewer(string path, long version)
    {
        if (version > Migrations.Latest)
            throw new IndexUnavailableException($"{path} has schema version {version}, newer than this pith knows ({Migrations.Latest}); upgrade pith");
    }

    /// <summary>
    /// Every writer calls this before its first write: every page of the file has been read (<c>PRAGMA quick_check</c>)
    /// and found sound, so damage anywhere, not only in the pages a write touches, stops it with the file as it was.
    /// </summary>
    public void EnsureIntact()
    {
        StartIntegrityCheck();
        _intact!.GetAwaiter().GetResult()?.Throw();
    }

    /// <summary>Starts the whole-file check in the background, on a connection of its own (unless opening already made it).</summary>
    public void StartIntegrityCheck() => _intact ??= Task.Run(QuickCheckElsewhere);

    // Null until a writer starts the check; complete when opening checked the file (before migrating it) or created it.
    private Task<IndexUnavailableException?>? _intact;

    // On a connection of its own (reads about a second per GB from the page cache), so the caller's work goes on.
    private IndexUnavailableException? QuickCheckElsewhere()
    {
        try
        {
            using var connection = Connect(Path, SqliteOpenMode.ReadOnly, TimeSpan.FromSeconds(Connection.DefaultTimeout));
            connection.Open();
            return QuickCheck(connection);
        }
        catch (SqliteException e)
        {
            return Describe(e, Path);
        }
    }

    private IndexUnavailableException? QuickCheck(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check(1)";
        var verdict = command.ExecuteScalar() as string;
        if (verdict == "ok") return null;
        var problem = verdict?.Replace("*** in database main *** ", "", StringComparison.Ordinal).ReplaceLineEndings(" ");
        return new IndexUnavailableException($"{Path} is corrupt (SQLite quick_check: {problem}); it was not modified");
    }

    // Root can write a file whose mode says read-only: honour the mode the user set, not just what the OS allows.
    private static void RefuseReadOnly(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0)
                throw new IndexUnavailableException($"{path} is read-only (mode {Convert.ToString((int)mode, 8)}); it was not modified");
        }
        else if (new FileInfo(path).IsReadOnly)
        {
            throw new IndexUnavailableException($"{path} is read-only; it was not modified");
        }
    }
}
