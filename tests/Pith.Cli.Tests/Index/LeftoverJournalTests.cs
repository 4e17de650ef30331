using Pith.Cli.Tests.Import;
using Xunit;

namespace Pith.Cli.Tests.Index;

/// <summary>
/// No command leaves a journal beside the index once it has exited normally: only a write that never finished does (and
/// then it is hot, for the next import to roll back; see <see cref="HotJournalTests"/>).
/// </summary>
public sealed class LeftoverJournalTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Every_command_leaves_the_index_alone_in_its_folder()
    {
        var db = Path.Combine(_temp.Root, "index.db");
        var bad = _temp.Write("bad.json", "{}");

        PithImport.Run(db, Samples.Records).AssertExit(0);
        AssertOnlyTheIndex(db, "a first import, which creates the index");
        PithImport.Run(db, Samples.Records, bad).AssertExit(1);
        AssertOnlyTheIndex(db, "an import into it that stores a reject");
        PithImport.Run(db, "--json", Samples.Records).AssertExit(0);
        AssertOnlyTheIndex(db, "an import with nothing new");
        foreach (var command in ReadingCommandsTests.Readers)
        {
            ReadingCommandsTests.Run(db, command).AssertExit(0);
            AssertOnlyTheIndex(db, string.Join(' ', command));
        }
    }

    private void AssertOnlyTheIndex(string db, string after) =>
        Assert.True(Directory.GetFiles(_temp.Root).Order().SequenceEqual([Path.Combine(_temp.Root, "bad.json"), db]),
            $"after {after}: {string.Join(", ", Directory.GetFiles(_temp.Root).Select(Path.GetFileName))}");
}
