using Microsoft.Data.Sqlite;
using Pith.Index.Sqlite;
using Pith.Inputs;
using SQLitePCL;

namespace Pith.Index;

/// <summary>
/// One open index file. For a writer (<see cref="Open"/>): checked on open (SQLite, not read-only, a schema this program
/// knows), created whole when new, migrated to the latest schema, foreign keys on. For a command that reads
/// (<see cref="OpenReadOnly"/>): opened read-only under the same rules as <see cref="Query.IndexReader"/>
/// (<see cref="IndexFile"/>). Anything that makes it unusable is an <see cref="IndexUnavailableException"/> with a
/// one-line reason, thrown before anything is written.
/// </summary>
public sealed class IndexDatabase : IDisposable
{
    /// <summary>How long a writer waits for another's lock before giving up.</summary>
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(60);

    // A rollback journal: as crash-safe as WAL for one writer, and faster for the large batched transactions of
    // a bulk import (measured: see the import issue's note). Readers see the last committed state.
    private const string JournalMode = "TRUNCATE";

    private IndexDatabase(SqliteConnection connection, string path, bool readOnly)
    {
        Connection = connection;
        Path = path;
        ReadOnly = readOnly;
    }

    public SqliteConnection Connection { get; }

    private Action<int>? _afterMigrationStep;

    public string Path { get; }

    /// <summary>Opened for a command that only reads: SQLite cannot write the file through this connection.</summary>
    public bool ReadOnly { get; }

    /// <summary>Opens (creating it and its folder when <paramref name="create"/>) and migrates the index.</summary>
    public static IndexDatabase Open(string path, bool create = true, TimeSpan? lockTimeout = null) => Open(path, create, lockTimeout, null);

    /// <param name="afterMigrationStep">Called after each migration step with the version reached (tests look at the file between steps).</param>
    internal static IndexDatabase Open(string path, bool create, TimeSpan? lockTimeout, Action<int>? afterMigrationStep)
    {
        var timeout = lockTimeout ?? DefaultLockTimeout;
        if (!File.Exists(path))
        {
            if (!create) throw IndexUnavailableException.Missing(path);
            CreateInPlace(path, timeout, afterMigrationStep);
        }
        RefuseReadOnly(path);
        // Never created here: a new index is put in place whole by CreateInPlace (a file gone meanwhile is an error).
        var connection = Connect(path, SqliteOpenMode.ReadWrite, timeout);
        try
        {
            connection.Open();
            var database = new IndexDatabase(connection, path, readOnly: false) { _afterMigrationStep = afterMigrationStep };
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
    /// Makes a new index at <paramref name="path"/> (the folder too) so that no reader ever sees it half-made: the schema is
    /// built in a file of its own beside it, closed, and then put in place without replacing anything. If another pith put
    /// one there meanwhile, that one stays and ours is dropped.
    /// </summary>
    private static void CreateInPlace(string path, TimeSpan timeout, Action<int>? afterMigrationStep)
    {
        // "new.db/" names a folder: making it (as the index's folder) and then refusing it as one would leave it behind.
        if (System.IO.Path.EndsInDirectorySeparator(path))
            throw new IndexUnavailableException(IndexUnavailableKind.CannotOpen, $"cannot create {path}: a name ending in '{System.IO.Path.DirectorySeparatorChar}' is a folder's, not a file's");
        if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { } folder)
        {
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new IndexUnavailableException(IndexUnavailableKind.CannotOpen, $"cannot create the index folder {folder}: {IoMessages.Reason(e, folder)}", e);
            }
        }
        var temporary = IndexFile.TemporaryBeside(path);
        try
        {
            using (var connection = Connect(temporary, SqliteOpenMode.ReadWriteCreate, timeout))
            {
                connection.Open();
                new IndexDatabase(connection, temporary, readOnly: false) { _afterMigrationStep = afterMigrationStep }.CheckAndMigrate();
            }
            IndexFile.TryPlace(temporary, path);
        }
        catch (SqliteException e)
        {
            throw Describe(e, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IndexUnavailableException(IndexUnavailableKind.CannotOpen, $"cannot create {path}: {IoMessages.Reason(e, path)}", e);
        }
        finally
        {
            // A second name once placed (the index keeps its own); otherwise not needed (failed, or another pith's is in place).
            TryDelete(temporary);
            TryDelete(IndexFile.JournalOf(temporary));
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only a stray temporary file is left; the failure that matters, if any, is already on its way.
        }
    }

    /// <summary>
    /// Opens an existing index for a command that only reads (search, stats, export, audit): never created, migrated or
    /// written, a read-only file is fine. Only this program's schema is read (see <see cref="IndexFile.RequireReadable"/>),
    /// and a hot journal a stopped import left is refused, not rolled back: a reader never changes the file.
    /// </summary>
    public static IndexDatabase OpenReadOnly(string path, TimeSpan? lockTimeout = null)
    {
        IndexFile.RequireExisting(path);
        var timeout = lockTimeout ?? DefaultLockTimeout;
        var connection = Connect(path, SqliteOpenMode.ReadOnly, timeout);
        try
        {
            connection.Open();
            var database = new IndexDatabase(connection, path, readOnly: true);
            database.Execute($"PRAGMA busy_timeout = {(long)timeout.TotalMilliseconds}");
            var (version, objects, records) = database.Schema();
            IndexFile.RequireReadable(path, version, objects, records);
            return database;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw IndexFile.Failure(e.SqliteExtendedErrorCode, e.Message, path, readOnly: true, e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // Not pooled: no file handle outlives the command's use of the index.
    private static SqliteConnection Connect(string path, SqliteOpenMode mode, TimeSpan timeout)
    {
        SqliteLibrary.Init();
        return new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(timeout.TotalSeconds),
        }.ToString());
    }

    public void Dispose()
    {
        if (!ReadOnly) RemoveEmptyJournal();
        Connection.Dispose();
    }

    /// <summary>
    /// TRUNCATE leaves an empty journal beside the file after every commit, and closing does not remove it. The writer
    /// removes it as it leaves by switching to DELETE under an exclusive lock: no other connection then holds any lock,
    /// so none has the journal open (SQLite closes it with its last lock). The lock is taken only if it is free at once:
    /// with a reader busy, the empty journal is left for the next writer. A journal of a write left unfinished (a
    /// transaction still open) stays, for the rules of a hot journal.
    /// </summary>
    private void RemoveEmptyJournal()
    {
        if (Connection.State != System.Data.ConnectionState.Open) return;
        // SQLite directly: Microsoft.Data.Sqlite retries a busy statement until its command timeout.
        var handle = Connection.Handle!;
        raw.sqlite3_busy_timeout(handle, 0);
        if (raw.sqlite3_exec(handle, "BEGIN EXCLUSIVE") != raw.SQLITE_OK) return;
        raw.sqlite3_exec(handle, "PRAGMA journal_mode = DELETE");
        raw.sqlite3_exec(handle, "COMMIT");
    }

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

    /// <summary>
    /// Maps SQLite's failures to one-line reasons a user can act on, for a caller that may have written (so nothing is
    /// said of whether the file was changed).
    /// </summary>
    public static IndexUnavailableException Describe(SqliteException e, string path) =>
        IndexFile.Failure(e.SqliteExtendedErrorCode, e.Message, path, readOnly: false, e);

    /// <summary>The same for a failure on this connection: a read-only one says the file was left as it was.</summary>
    public IndexUnavailableException Failure(SqliteException e) => IndexFile.Failure(e.SqliteExtendedErrorCode, e.Message, Path, ReadOnly, e);

    private void CheckAndMigrate()
    {
        // Reading the header is what tells a non-database or a corrupt file apart, before any write. The version and
        // the tables are read by one statement, so both come from one state of the file.
        var version = CheckedVersion();
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
            _afterMigrationStep?.Invoke(step + 1);
        }
        // A migration may rebuild a table others refer to: every reference must hold before the commit.
        if (Scalar<long>("SELECT count(*) FROM pragma_foreign_key_check") > 0)
        {
            throw new IndexUnavailableException(IndexUnavailableKind.Corrupt,
                $"{Path} has rows that refer to rows it does not hold (PRAGMA foreign_key_check); it was not upgraded to schema {Migrations.Latest} and was not modified");
        }
        transaction.Commit();
    }

    /// <summary>The schema version, once it is known to be this program's kind of index (empty, or a pith index not newer than it knows).</summary>
    private long CheckedVersion()
    {
        var (version, objects, records) = Schema();
        return IndexFile.WritableVersion(Path, version, objects, records);
    }

    private (long Version, long Objects, long Records) Schema()
    {
        using var command = Connection.CreateCommand();
        command.CommandText = IndexFile.SchemaQuery;
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
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
        return new IndexUnavailableException(IndexUnavailableKind.Corrupt, $"{Path} is corrupt (SQLite quick_check: {problem}); it was not modified");
    }

    // Root can write a file whose mode says read-only: honour the mode the user set, not just what the OS allows.
    private static void RefuseReadOnly(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0)
                throw new IndexUnavailableException(IndexUnavailableKind.ReadOnly, $"{path} is read-only (mode {Convert.ToString((int)mode, 8)}); it was not modified");
        }
        else if (new FileInfo(path).IsReadOnly)
        {
            throw new IndexUnavailableException(IndexUnavailableKind.ReadOnly, $"{path} is read-only; it was not modified");
        }
    }
}
