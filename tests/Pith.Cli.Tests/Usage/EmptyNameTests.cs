using Xunit;

namespace Pith.Cli.Tests.Usage;

/// <summary>
/// An empty string where a file is named (<c>--db "$DB"</c> with DB unset) is a usage error: one line, exit 2, nothing
/// read or written. Taken as "not given", <c>--db ''</c> would have imported into the user's default index.
/// </summary>
public sealed class EmptyNameTests
{
    public static TheoryData<string[], string> EmptyNames => new()
    {
        { ["import", "--db", "", Samples.Records], "--db: an empty string names no file" },
        { ["audit", "--db", ""], "--db: an empty string names no file" },
        { ["serve", "--db", ""], "--db: an empty string names no file" },
        { ["import", "--keys", "", Samples.Records], "--keys: an empty string names no file" },
        { ["verify", "--keys", "", Samples.Records], "--keys: an empty string names no file" },
        { ["export", "--out", ""], "--out: an empty string names no file" },
        { ["keys", "add", ""], "FILE: an empty string names no file" },
        { ["verify", Samples.Records, ""], "PATH: an empty string names no file" },
        { ["import", "", Samples.Records], "PATH: an empty string names no file" },
    };

    [Theory]
    [MemberData(nameof(EmptyNames))]
    public void An_empty_name_is_one_line_and_exit_2_and_the_default_index_is_untouched(string[] args, string message)
    {
        using var temp = new TempFolder();
        var data = Path.Combine(temp.Root, "data");
        var config = Path.Combine(temp.Root, "config");

        var result = PithProcess.Run(args, environment: new Dictionary<string, string?>
        {
            ["PITH_DB"] = null,
            ["XDG_DATA_HOME"] = data,
            ["XDG_CONFIG_HOME"] = config,
        });

        result.AssertExit(2);
        Assert.Empty(result.Stdout);
        var command = string.Join(' ', args.TakeWhile(a => a.Length > 0 && !a.StartsWith('-') && a != Samples.Records));
        Assert.Equal(["pith: " + message, $"Try 'pith {command} --help'."], result.StderrLines);
        result.AssertNoStackTrace();
        Assert.False(Directory.Exists(data), "nothing may be written where the default index lives");
        Assert.False(Directory.Exists(config), "nothing may be written to the key store");
    }
}
