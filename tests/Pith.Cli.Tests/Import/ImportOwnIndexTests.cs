using Xunit;

namespace Pith.Cli.Tests.Import;

/// <summary>An index kept inside the folder it imports: its own file and journal are not inputs, on any run.</summary>
public sealed class ImportOwnIndexTests
{
    [Fact]
    public void The_index_and_its_journal_inside_the_folder_imported_are_not_rejected()
    {
        using var temp = new TempFolder();
        var (path, _) = Samples.Seeds[0];
        File.Copy(path, Path.Combine(temp.Root, "record.json"));
        var db = Path.Combine(temp.Root, "index.db");

        var first = PithProcess.Run(PithImport.Args(db, ["--json", temp.Root]));
        first.AssertExit(0);
        // A journal left beside it (TRUNCATE mode leaves an empty one), and a second run over the same folder.
        File.WriteAllBytes(db + "-journal", []);
        var second = PithProcess.Run(PithImport.Args(db, ["--json", temp.Root]));

        second.AssertExit(0);
        var summary = PithImport.Summary(second);
        Assert.Equal(0, summary.GetProperty("rejected").GetInt64());
        Assert.Equal(1, summary.GetProperty("unchanged").GetInt64());
    }

    [Fact]
    public void A_file_named_like_the_index_that_is_not_it_is_still_read()
    {
        using var temp = new TempFolder();
        var inputs = Directory.CreateDirectory(Path.Combine(temp.Root, "inputs")).FullName;
        var (path, _) = Samples.Seeds[0];
        File.Copy(path, Path.Combine(inputs, "index.db"));

        var result = PithProcess.Run(PithImport.Args(Path.Combine(temp.Root, "index.db"), ["--json", inputs]));

        result.AssertExit(0);
        Assert.Equal(1, PithImport.Summary(result).GetProperty("imported").GetInt64());
    }
}
