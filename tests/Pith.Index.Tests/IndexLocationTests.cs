using Xunit;

namespace Pith.Index.Tests;

public class IndexLocationTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void The_option_wins_then_PITH_DB_then_XDG_DATA_HOME_then_home()
    {
        var all = Env(("PITH_DB", "/e/pith.db"), ("XDG_DATA_HOME", "/xdg"), ("HOME", "/home/u"));
        Assert.Equal("/o.db", IndexLocation.Resolve("/o.db", all));
        Assert.Equal("/e/pith.db", IndexLocation.Resolve(null, all));
        Assert.Equal("/xdg/pith/index.db", IndexLocation.Resolve(null, Env(("XDG_DATA_HOME", "/xdg"), ("HOME", "/home/u"))));
        Assert.Equal("/home/u/.local/share/pith/index.db", IndexLocation.Resolve(null, Env(("HOME", "/home/u"))));
        Assert.Equal("/home/u/.local/share/pith/index.db", IndexLocation.Resolve("", Env(("PITH_DB", ""), ("HOME", "/home/u"))));
    }

    [Theory]
    [InlineData("rel")]
    [InlineData("./data")]
    [InlineData("~/data")]
    public void A_relative_XDG_DATA_HOME_is_ignored(string relative) =>
        Assert.Equal("/home/u/.local/share/pith/index.db", IndexLocation.Resolve(null, Env(("XDG_DATA_HOME", relative), ("HOME", "/home/u"))));
}
