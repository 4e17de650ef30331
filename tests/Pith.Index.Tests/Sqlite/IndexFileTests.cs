using Pith.Index.Sqlite;
using SQLitePCL;
using Xunit;

namespace Pith.Index.Tests.Sqlite;

/// <summary>SQLite's result codes, primary and extended, are mapped to kinds in one place, each with its one line.</summary>
public sealed class IndexFileTests
{
    public static TheoryData<int, IndexUnavailableKind> Codes => new()
    {
        { raw.SQLITE_NOTADB, IndexUnavailableKind.NotAnIndex },
        { raw.SQLITE_CORRUPT, IndexUnavailableKind.Corrupt },
        { raw.SQLITE_CORRUPT_VTAB, IndexUnavailableKind.Corrupt },
        { raw.SQLITE_READONLY, IndexUnavailableKind.ReadOnly },
        { raw.SQLITE_READONLY_DBMOVED, IndexUnavailableKind.ReadOnly },
        { raw.SQLITE_READONLY_ROLLBACK, IndexUnavailableKind.InterruptedWrite },
        { raw.SQLITE_BUSY, IndexUnavailableKind.Locked },
        { raw.SQLITE_BUSY_SNAPSHOT, IndexUnavailableKind.Locked },
        { raw.SQLITE_LOCKED, IndexUnavailableKind.Locked },
        { raw.SQLITE_CANTOPEN, IndexUnavailableKind.CannotOpen },
        { raw.SQLITE_FULL, IndexUnavailableKind.DiskFull },
        { raw.SQLITE_IOERR, IndexUnavailableKind.Other },
        { raw.SQLITE_IOERR_READ, IndexUnavailableKind.Other },
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public void Each_code_has_its_kind(int code, IndexUnavailableKind kind)
    {
        var e = IndexFile.Failure(code, "message", "/x/index.db", readOnly: true);
        Assert.Equal((kind, code), (e.Kind, e.SqliteCode));
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_hot_journal_is_not_called_read_only_and_names_its_journal()
    {
        var message = IndexFile.Failure(raw.SQLITE_READONLY_ROLLBACK, "attempt to write a readonly database", "/x/index.db", readOnly: true).Message;
        Assert.DoesNotContain("is read-only", message, StringComparison.Ordinal);
        Assert.Contains("/x/index.db-journal", message, StringComparison.Ordinal);
        Assert.Contains("the next 'pith import' into it rolls the unfinished write back", message, StringComparison.Ordinal);
        Assert.EndsWith("nothing was changed", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corruption_is_said_to_have_left_the_file_unmodified_only_by_a_connection_that_cannot_write()
    {
        Assert.Equal("/x/index.db is corrupt (SQLite: malformed); it was not modified",
            IndexFile.Failure(raw.SQLITE_CORRUPT, "malformed", "/x/index.db", readOnly: true).Message);
        Assert.Equal("/x/index.db is corrupt (SQLite: malformed)",
            IndexFile.Failure(raw.SQLITE_CORRUPT, "malformed", "/x/index.db", readOnly: false).Message);
    }

    [Fact]
    public void SQLite_s_words_are_quoted_once_without_the_code_said_again()
    {
        Assert.Equal("/x/index.db: SQLite error 10: disk I/O error",
            IndexFile.Failure(raw.SQLITE_IOERR, "SQLite Error 10: 'disk I/O error'.", "/x/index.db", readOnly: false).Message);
        Assert.Equal("/x/index.db is corrupt (SQLite: database disk image is malformed)",
            IndexFile.Failure(raw.SQLITE_CORRUPT, "SQLite Error 11: 'database disk image is malformed'.", "/x/index.db", readOnly: false).Message);
    }

    [Theory]
    [InlineData(0L, 0L, 0L, IndexUnavailableKind.NotAnIndex)]
    [InlineData(0L, 1L, 0L, IndexUnavailableKind.NotAnIndex)]
    [InlineData(1L, 1L, 0L, IndexUnavailableKind.NotAnIndex)]
    [InlineData(2L, 20L, 1L, IndexUnavailableKind.OlderSchema)]
    [InlineData(99L, 20L, 1L, IndexUnavailableKind.NewerSchema)]
    public void A_reader_takes_only_this_program_s_schema(long version, long objects, long records, IndexUnavailableKind kind)
    {
        var e = Assert.Throws<IndexUnavailableException>(() => IndexFile.RequireReadable("/x/index.db", version, objects, records));
        Assert.Equal(kind, e.Kind);
        IndexFile.RequireReadable("/x/index.db", Migrations.Latest, 20, 1);
    }

    [Fact]
    public void Of_processes_placing_a_new_index_at_one_path_at_once_exactly_one_places_it_and_none_replaces_it()
    {
        // Threads stand in for processes: the file system sees the same calls. A look-then-rename lets two of them win.
        const int Contenders = 8, Rounds = 100;
        var folder = Directory.CreateTempSubdirectory("pith-place-");
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                var path = Path.Combine(folder.FullName, $"index-{round}.db");
                var temporaries = Enumerable.Range(0, Contenders).Select(i => IndexFile.TemporaryBeside(path)).ToArray();
                for (var i = 0; i < Contenders; i++) File.WriteAllText(temporaries[i], $"contender {i}");
                var placed = new bool[Contenders];
                using var start = new Barrier(Contenders);
                var threads = Enumerable.Range(0, Contenders).Select(i => new Thread(() =>
                {
                    start.SignalAndWait();
                    placed[i] = IndexFile.TryPlace(temporaries[i], path);
                })).ToArray();
                foreach (var thread in threads) thread.Start();
                foreach (var thread in threads) thread.Join();

                var winner = Assert.Single(Enumerable.Range(0, Contenders), i => placed[i]);
                Assert.Equal($"contender {winner}", File.ReadAllText(path));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
