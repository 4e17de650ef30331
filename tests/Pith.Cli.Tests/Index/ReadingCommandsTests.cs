using System.Security.Cryptography;
using Pith.Cli.Tests.Import;
using Xunit;

namespace Pith.Cli.Tests.Index;

/// <summary>
/// The commands that only read an index (search, stats, export, audit, show, resolve) never create, migrate or write it: an empty
/// file or an older schema is refused in one line and left as it was, and a read-only index serves them all.
/// </summary>
public sealed class ReadingCommandsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string[]> Readers => new()
    {
        new[] { "search", "grokking" },
        new[] { "stats" },
        new[] { "export" },
        new[] { "audit" },
        new[] { "show", Samples.Seeds[0].PithNumber },
        new[] { "resolve", Samples.Seeds[0].PithNumber },
    };

    /// <summary>Runs one of <see cref="Readers"/> on <paramref name="db"/>.</summary>
    internal static PithResult Run(string db, string[] command) => PithProcess.Run([command[0], "--db", db, .. command[1..]]);

    internal static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private string SampleIndex()
    {
        var db = Path.Combine(_temp.Root, "index.db");
        PithImport.Run(db, Samples.Records).AssertExit(0);
        return db;
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void An_empty_file_is_refused_and_stays_empty(string[] command)
    {
        var db = _temp.Write("empty.db", []);

        var result = Run(db, command);

        result.AssertExit(2);
        Assert.Contains("is not a pith index", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(db).Length);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void An_older_schema_is_refused_unmigrated(string[] command)
    {
        var db = SampleIndex();
        using (var connection = IndexFile.Open(db))
        using (var downgrade = connection.CreateCommand())
        {
            downgrade.CommandText = "PRAGMA user_version = 2";
            downgrade.ExecuteNonQuery();
        }
        var before = Hash(db);

        var result = Run(db, command);

        result.AssertExit(2);
        Assert.Contains("was written by an older pith (schema 2;", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Hash(db));
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void A_read_only_index_is_read_and_left_as_it_was(string[] command)
    {
        var db = SampleIndex();
        var before = Hash(db);
        if (OperatingSystem.IsWindows()) File.SetAttributes(db, FileAttributes.ReadOnly);
        else File.SetUnixFileMode(db, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var result = Run(db, command);

        result.AssertExit(0);
        Assert.Equal(before, Hash(db));
        Assert.False(File.Exists(db + "-journal") && new FileInfo(db + "-journal").Length > 0, "a reader left a journal");
    }
}
