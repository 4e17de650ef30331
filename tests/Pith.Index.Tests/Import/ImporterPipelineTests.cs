using System.IO.Pipes;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Pith.Index.Import;
using Pith.Testing;
using Xunit;

namespace Pith.Index.Tests.Import;

public sealed class ImporterPipelineTests : IDisposable
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
        // More inputs than the queues hold, so that when the writer fails the walk waits on a full input queue and the
        // workers on a full verdict queue; they must all be released, or Run never returns.
        for (var i = 0; i < 40; i++) File.WriteAllText(Path.Combine(_inputs.FullName, $"{i:D5}.json"), "not a record");
        var before = File.ReadAllBytes(_index.Path);

        Task<ImportSummary> import;
        using (var holder = new SqliteConnection($"Data Source={_index.Path};Pooling=False"))
        {
            holder.Open();
            using var transaction = holder.BeginTransaction(deferred: false);
            using var database = IndexDatabase.Open(_index.Path, create: false, lockTimeout: TimeSpan.FromSeconds(1));
            var tiny = new ImportOptions { Pipeline = new() { Workers = 2, InputQueue = 4, InputBatch = 2, OutputQueue = 2 } };
            import = Task.Run(() => new Importer(database, TestIndex.Verifier, tiny).Run([_inputs.FullName]));
            Assert.True(await Task.WhenAny(import, Task.Delay(TimeSpan.FromSeconds(60))) == import, "the import did not return");
            transaction.Rollback();
        }

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => import);
        Assert.Contains("locked", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(_index.Path));
    }

    [Fact]
    public async Task What_a_slow_input_sends_is_committed_once_the_batch_time_is_up_while_the_input_stays_open()
    {
        _index.Import(RecordFactory.Create(TestKey.Default));
        var pipe = new AnonymousPipeServerStream(PipeDirection.Out);
        using var input = new AnonymousPipeClientStream(PipeDirection.In, pipe.ClientSafePipeHandle);
        using var database = _index.Open();
        var importer = new Importer(database, TestIndex.Verifier, new ImportOptions { Pipeline = new() { Workers = 2 }, BatchTime = TimeSpan.FromMilliseconds(200) })
        {
            OpenStandardInput = () => input,
        };
        var import = Task.Run(() => importer.Run(["-"]));
        long seen;
        bool waiting;
        try
        {
            pipe.Write([.. RecordFactory.ToBytes(RecordFactory.Create(TestKey.Default, sourceId: "2401.00001")), (byte)'\n']);
            pipe.Flush();
            // The line waits in an open batch until the batch time is up; then it is committed, input or no input.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while ((seen = Count("records")) < 2 && clock.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(50);
            waiting = !import.IsCompleted;
        }
        finally
        {
            pipe.Dispose(); // the end of the input
        }
        var summary = await import;

        Assert.Equal(2, seen);
        Assert.True(waiting, "the import should have been waiting for more input");
        Assert.Equal(1, summary.Imported);
        Assert.Equal(2, Count("records"));
    }

    [Fact]
    public void An_interrupted_import_stops_early_and_keeps_exactly_what_it_counted()
    {
        for (var i = 0; i < 6_000; i++)
        {
            var bytes = RecordFactory.ToBytes(RecordFactory.Create(TestKey.Default, sourceId: $"2401.{i:D5}"));
            File.WriteAllBytes(Path.Combine(_inputs.FullName, $"{i:D5}.json"), bytes);
        }
        using var cancel = new CancellationTokenSource();
        using var database = IndexDatabase.Open(_index.Path);
        // Interrupted as soon as the first inputs are written (progress comes from the writer).
        var summary = new Importer(database, TestIndex.Verifier, new ImportOptions { Pipeline = new() { Workers = 2 }, BatchSize = 100 })
            .Run([_inputs.FullName], progress => { if (progress.Inputs > 0) cancel.Cancel(); }, cancel.Token);

        Assert.True(summary.Interrupted);
        Assert.InRange(summary.Imported, 1, 5_999);
        Assert.Equal(summary.Imported, Count("records"));
    }

    [Fact]
    public async Task Documents_that_each_take_a_share_of_the_byte_budget_all_import()
    {
        // Forty signed documents of about 100 KB against a budget of ten: a worker that held its verified results while
        // it waited for budget only the writer frees (by writing those very results) waited for ever.
        var key = TestKey.Default;
        for (var i = 0; i < 40; i++)
        {
            var record = RecordFactory.Create(key, sourceId: $"2401.{i:D5}");
            record["padding"] = new string('x', 100_000);
            File.WriteAllBytes(Path.Combine(_inputs.FullName, $"{i:D2}.json"), RecordFactory.ToBytes(record));
        }

        using var database = IndexDatabase.Open(_index.Path);
        var import = Task.Run(() => new Importer(database, TestIndex.Verifier, new ImportOptions { Pipeline = new() { Workers = 2, ByteBudget = 1_000_000 } }).Run([_inputs.FullName]));
        Assert.True(await Task.WhenAny(import, Task.Delay(TimeSpan.FromSeconds(60))) == import, "the import did not return");

        var summary = await import;
        Assert.True(summary.Imported == 40 && summary.Rejected == 0, summary.ToString());
    }

    [Fact]
    public void A_run_records_the_paths_it_was_given_as_a_json_array_of_strings()
    {
        // Names that JSON must escape, and one that is not ASCII.
        var quoted = Directory.CreateDirectory(Path.Combine(_inputs.FullName, "a \"quoted\" \\ folder")).FullName;
        var accented = Directory.CreateDirectory(Path.Combine(_inputs.FullName, "Schrödinger")).FullName;
        File.WriteAllBytes(Path.Combine(accented, "r.json"), RecordFactory.ToBytes(RecordFactory.Create(TestKey.Default)));

        using (var database = IndexDatabase.Open(_index.Path))
            new Importer(database, TestIndex.Verifier, new ImportOptions { Pipeline = new() { Workers = 1 } }).Run([quoted, accented]);

        using var reader = IndexDatabase.OpenReadOnly(_index.Path);
        var sources = JsonSerializer.Deserialize<string[]>(reader.Scalar<string>("SELECT sources FROM import_runs"));
        Assert.Equal([quoted, accented], sources!);
    }

    private long Count(string table)
    {
        using var reader = IndexDatabase.OpenReadOnly(_index.Path, TimeSpan.FromSeconds(5));
        return reader.Scalar<long>($"SELECT count(*) FROM {table}");
    }
}
