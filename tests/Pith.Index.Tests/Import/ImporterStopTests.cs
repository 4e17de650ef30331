using Microsoft.Data.Sqlite;
using Pith.Index.Import;
using Pith.Testing;
using Xunit;

namespace Pith.Index.Tests.Import;

public sealed class ImporterStopTests : IDisposable
{
    private readonly TestIndex _index = new();
    private readonly DirectoryInfo _inputs = Directory.CreateTempSubdirectory("pith-stop-");

    public void Dispose()
    {
        _index.Dispose();
        _inputs.Delete(recursive: true);
    }

    [Fact]
    public async Task A_writer_that_fails_with_every_queue_full_releases_the_walk_and_the_workers()
    {
        _index.Import(RecordFactory.Create(TestKey.Default));
        // More inputs than both queues hold, so that when the writer fails the walk waits on a full input queue and the
        // workers on a full result queue; they must all be released, or Run never returns.
        for (var i = 0; i < 24_000; i++) File.WriteAllText(Path.Combine(_inputs.FullName, $"{i:D5}.json"), "not a record");
        var before = File.ReadAllBytes(_index.Path);

        Task<ImportSummary> import;
        using (var holder = new SqliteConnection($"Data Source={_index.Path};Pooling=False"))
        {
            holder.Open();
            using var transaction = holder.BeginTransaction(deferred: false);
            using var database = IndexDatabase.Open(_index.Path, create: false, lockTimeout: TimeSpan.FromSeconds(1));
            import = Task.Run(() => new Importer(database, TestIndex.Verifier, new ImportOptions { Jobs = 2 }).Run([_inputs.FullName]));
            Assert.True(await Task.WhenAny(import, Task.Delay(TimeSpan.FromSeconds(60))) == import, "the import did not return");
            transaction.Rollback();
        }

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => import);
        Assert.Contains("locked", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(_index.Path));
    }
}
