using System.Text.Json;
using Pith.Testing;
using Xunit;

namespace Pith.Cli.Tests.Keys;

/// <summary>Concurrent <c>pith keys add</c> and <c>remove</c> processes on one store: every change lands, none is undone.</summary>
public sealed class KeysConcurrencyTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly Dictionary<string, string?> _environment;

    public KeysConcurrencyTests() => _environment = new() { ["XDG_CONFIG_HOME"] = Path.Combine(_temp.Root, "config") };

    public void Dispose() => _temp.Dispose();

    private string KeyFile(string keyId) => _temp.Write(keyId + ".json", new TestKey(keyId).ToKeyFileJson());

    /// <summary>Runs every command at once, each as its own pith process on its own thread; all must succeed.</summary>
    private void AllAtOnce(IEnumerable<string[]> commands)
    {
        var list = commands.ToList();
        var results = new PithResult?[list.Count];
        var threads = list.Select((args, i) => new Thread(() => results[i] = PithProcess.Run(args, environment: _environment))).ToList();
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) thread.Join();
        foreach (var result in results) result!.AssertExit(0);
    }

    private string[] StoredKeyIds()
    {
        var list = PithProcess.Run(["keys", "list", "--json"], environment: _environment);
        list.AssertExit(0);
        return list.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement)
            .Where(k => k.GetProperty("origin").GetString() != "built-in")
            .Select(k => k.GetProperty("key_id").GetString()!).Order(StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public void Twenty_concurrent_adds_all_land()
    {
        var ids = Enumerable.Range(0, 20).Select(i => $"pith-concurrent-{i:D2}").ToArray();
        var files = ids.Select(KeyFile).ToArray();

        AllAtOnce(files.Select(file => new[] { "keys", "add", file }));

        Assert.Equal(ids, StoredKeyIds());
    }

    [Fact]
    public void A_key_removed_while_others_are_added_stays_removed()
    {
        var added = new List<string>();
        for (var round = 0; round < 5; round++)
        {
            var doomed = $"pith-doomed-{round}";
            PithProcess.Run(["keys", "add", KeyFile(doomed)], environment: _environment).AssertExit(0);
            var ids = Enumerable.Range(0, 6).Select(i => $"pith-round-{round}-{i}").ToArray();
            var files = ids.Select(KeyFile).ToArray();

            AllAtOnce(files.Select(file => new[] { "keys", "add", file }).Prepend(["keys", "remove", doomed]));

            added.AddRange(ids);
            Assert.Equal(added.Order(StringComparer.Ordinal), StoredKeyIds());
        }
    }
}
