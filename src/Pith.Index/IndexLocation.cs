using Pith.Inputs;

namespace Pith.Index;

/// <summary>Where the index lives: <c>--db FILE</c>, else <c>$PITH_DB</c>, else <c>$XDG_DATA_HOME/pith/index.db</c> (<c>~/.local/share/pith/index.db</c>; a relative <c>XDG_DATA_HOME</c> is ignored).</summary>
public static class IndexLocation
{
    public static string Resolve(string? option, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (!string.IsNullOrEmpty(option)) return option;
        if (environment("PITH_DB") is { Length: > 0 } fromEnvironment) return fromEnvironment;
        return Path.Combine(XdgBaseDirectory.Resolve("XDG_DATA_HOME", Path.Combine(".local", "share"), environment), "pith", "index.db");
    }
}
