using Pith.Index.Query;
using Xunit;

namespace Pith.Index.Tests;

/// <summary>
/// A new index appears whole or not at all: a reader looking at the path while an import creates it sees no file, or
/// the complete empty index, never an SQLite file still without its tables.
/// </summary>
public sealed class IndexCreationTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pith-create-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_folder.FullName, name);

    // What a reading command makes of the path at this moment: "missing", "complete", or its one-line refusal.
    private static string WhatAReaderSees(string path)
    {
        try
        {
            using var reader = IndexReader.Open(path, TimeSpan.FromMilliseconds(50));
            return "complete";
        }
        catch (IndexUnavailableException e) when (e.Message.StartsWith("no index at", StringComparison.Ordinal))
        {
            return "missing";
        }
        catch (IndexUnavailableException e)
        {
            return e.Message;
        }
    }

    [Fact]
    public void A_reader_between_the_schema_steps_of_a_new_index_finds_no_file()
    {
        var path = PathOf("index.db");
        var seen = new List<string>();

        using (IndexDatabase.Open(path, create: true, lockTimeout: null, afterMigrationStep: _ => seen.Add(WhatAReaderSees(path))))
        {
            Assert.Equal("complete", WhatAReaderSees(path));
        }

        Assert.Equal(Enumerable.Repeat("missing", Migrations.Latest), seen);
    }

    [Fact]
    public void A_failure_while_building_a_new_index_leaves_nothing_behind()
    {
        var path = PathOf("sub/index.db");

        Assert.Throws<InvalidOperationException>(() =>
            IndexDatabase.Open(path, create: true, lockTimeout: null, afterMigrationStep: step => throw new InvalidOperationException($"stop at {step}")));

        Assert.Empty(Directory.GetFileSystemEntries(PathOf("sub")));
    }

    [Fact]
    public void An_index_another_process_created_meanwhile_is_opened_and_kept()
    {
        var path = PathOf("index.db");
        var theirs = PathOf("theirs.db");
        using (var other = IndexDatabase.Open(theirs)) other.Execute("INSERT INTO import_runs (started_at, sources) VALUES ('theirs', '[]')");

        using (var db = IndexDatabase.Open(path, create: true, lockTimeout: null, afterMigrationStep: step =>
               {
                   if (step == Migrations.Latest) File.Copy(theirs, path);
               }))
        {
            Assert.Equal("theirs", db.Scalar<string>("SELECT started_at FROM import_runs"));
        }

        Assert.Equal(["index.db", "theirs.db"], Directory.GetFiles(_folder.FullName).Select(Path.GetFileName).Where(n => !n!.EndsWith("-journal", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_new_index_is_made_as_before_page_size_and_all()
    {
        var path = PathOf("index.db");
        using var db = IndexDatabase.Open(path);
        Assert.Equal(32768, db.Scalar<long>("PRAGMA page_size"));
        Assert.Equal(Migrations.Latest, db.Scalar<long>("PRAGMA user_version"));
        Assert.Equal("truncate", db.Scalar<string>("PRAGMA journal_mode"));
        Assert.Equal(["index.db"], Directory.GetFiles(_folder.FullName).Select(Path.GetFileName).Where(n => !n!.EndsWith("-journal", StringComparison.Ordinal)));
    }
}
