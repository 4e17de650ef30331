namespace Pith.Inputs;

/// <summary>
/// The XDG base-directory rule, for both of pith's homes (the index's data, the key store's configuration): the
/// variable's value when it is an absolute path, else the default under the home folder. The specification calls a
/// relative value invalid and says to ignore it: it would name a different folder from every working directory.
/// </summary>
public static class XdgBaseDirectory
{
    /// <summary><paramref name="variable"/> (<c>XDG_DATA_HOME</c>, <c>XDG_CONFIG_HOME</c>) if absolute, else <c>$HOME/<paramref name="underHome"/></c>.</summary>
    public static string Resolve(string variable, string underHome, Func<string, string?> environment)
    {
        var value = environment(variable);
        if (!string.IsNullOrEmpty(value) && Path.IsPathRooted(value)) return value;
        return Path.Combine(environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), underHome);
    }
}
