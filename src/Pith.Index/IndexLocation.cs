namespace Pith.Index;

/// <summary>Where the index lives: <c>--db FILE</c>, else <c>$PITH_DB</c>, else <c>$XDG_DATA_HOME/pith/index.db</c> (<c>~/.local/share/pith/index.db</c>).</summary>
public static class IndexLocation
{
    public static string Resolve(string? option, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (!string.IsNullOrEmpty(option)) return option;
        if (environment("PITH_DB") is { Length: > 0 } fromEnvironment) return fromEnvironment;
        var dataHome = environment("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(dataHome))
            dataHome = Path.Combine(environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(dataHome, "pith", "index.db");
    }
}
