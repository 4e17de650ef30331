using Microsoft.Data.Sqlite;
using Xunit;

namespace Pith.Cli.Tests.Import;

/// <summary>
/// An index pith cannot use (not SQLite, corrupt, read-only, a newer schema, someone else's database): exit 2 with
/// one line saying why, and the file left exactly as it was, with no journal beside it.
/// </summary>
public sealed class ImportUnusableIndexTests : IDisposable
{
    private static readonly string[] SideFiles = ["-journal", "-wal", "-shm"];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void TextFile_IsNotAnIndex()
    {
        var db = _temp.Write("index.db", "these are my notes, not a database\n");

        AssertRefusedUnmodified(db, "not an SQLite database");
    }

    [Fact]
    public void ValidHeaderButGarbagePages_IsCorrupt()
    {
        var db = RealIndex("index.db");
        var bytes = File.ReadAllBytes(db);
        Assert.True(bytes.Length > 4 * 4096, "the index should span several pages");
        // Page 1 (the header and the schema) stays; everything after it is noise.
        var noise = new Random(20260705);
        noise.NextBytes(bytes.AsSpan(4096));
        File.WriteAllBytes(db, bytes);

        AssertRefusedUnmodified(db, "corrupt");
    }

    [Fact]
    public void CorruptPageOnlyAnImportWrites_IsCorrupt_AndNothingIsWritten()
    {
        // Only the rejects table's page is damaged: the stored records read fine, so the damage shows when the first
        // reject is written. The run must not leave its own traces (an import_runs row) in a file it calls corrupt.
        var db = RealIndex("index.db");
        long rootPage, pageSize;
        using (var connection = IndexFile.Open(db))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT rootpage FROM sqlite_master WHERE name = 'rejects'";
            rootPage = (long)command.ExecuteScalar()!;
            command.CommandText = "PRAGMA page_size";
            pageSize = (long)command.ExecuteScalar()!;
        }
        var bytes = File.ReadAllBytes(db);
        new Random(7).NextBytes(bytes.AsSpan((int)((rootPage - 1) * pageSize), (int)pageSize));
        File.WriteAllBytes(db, bytes);

        AssertRefusedUnmodified(db, "corrupt", Samples.NotRecords);
    }

    [Fact]
    public void ReadOnlyIndex_IsRefused_EvenForRoot()
    {
        var db = RealIndex("index.db");
        SetReadOnly(db, true);
        try
        {
            AssertRefusedUnmodified(db, "read-only");
        }
        finally
        {
            SetReadOnly(db, false);
        }
    }

    [Fact]
    public void NewerSchemaVersion_IsRefused_AskingForANewerPith()
    {
        var db = RealIndex("index.db");
        Execute(db, "PRAGMA user_version = 99");

        AssertRefusedUnmodified(db, "schema version 99");
    }

    [Fact]
    public void OtherSqliteDatabase_IsNotAPithIndex()
    {
        var db = Path.Combine(_temp.Root, "photos.db");
        Execute(db, "CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT); INSERT INTO photos (path) VALUES ('cat.jpg')");

        AssertRefusedUnmodified(db, "not a pith index");
    }

    [Fact]
    public void SchemaVersionWithoutRecordsTable_IsNotAPithIndex()
    {
        var db = Path.Combine(_temp.Root, "other.db");
        Execute(db, "CREATE TABLE settings (k TEXT, v TEXT); PRAGMA user_version = 1");

        AssertRefusedUnmodified(db, "not a pith index");
    }

    /// <summary>A real index made by pith, without the empty journal its last run leaves.</summary>
    private string RealIndex(string name)
    {
        var db = Path.Combine(_temp.Root, name);
        PithImport.Run(db, "samples").AssertExit(1);
        Assert.Equal("ok", IndexFile.IntegrityCheck(db));
        foreach (var side in SideFiles) File.Delete(db + side);
        return db;
    }

    // Mode 444 (root could still write it: pith must honour the mode, not just what the OS allows).
    private static void SetReadOnly(string path, bool readOnly)
    {
        if (OperatingSystem.IsWindows())
            File.SetAttributes(path, readOnly ? FileAttributes.ReadOnly : FileAttributes.Normal);
        else
            File.SetUnixFileMode(path, readOnly
                ? UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead
                : UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private static void Execute(string db, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
        connection.Close();
        SqliteConnection.ClearAllPools();
        foreach (var side in SideFiles) File.Delete(db + side);
    }

    private static void AssertRefusedUnmodified(string db, string reason, string input = "samples")
    {
        var before = File.ReadAllBytes(db);
        var attributes = File.GetAttributes(db);
        var mode = OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(db);

        var result = PithImport.Run(db, input);

        result.AssertExit(2);
        result.AssertNoStackTrace();
        Assert.Empty(result.Stdout);
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith("pith: ", line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
        Assert.Contains(db, line, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(db));
        Assert.Equal(attributes, File.GetAttributes(db));
        if (!OperatingSystem.IsWindows()) Assert.Equal(mode, File.GetUnixFileMode(db));
        foreach (var side in SideFiles) Assert.False(File.Exists(db + side), $"{db}{side} was left behind");
    }
}
