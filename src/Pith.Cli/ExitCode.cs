namespace Pith.Cli;

/// <summary>The exit statuses every command documents.</summary>
public static class ExitCode
{
    /// <summary>Everything checked out.</summary>
    public const int Ok = 0;

    /// <summary>Some input was invalid, unsigned, signed by an unknown key, or not a record.</summary>
    public const int Invalid = 1;

    /// <summary>A usage error, a path that cannot be read, nothing to work on, or an environment problem (e.g. libsodium missing).</summary>
    public const int Usage = 2;

    /// <summary>A bug in pith: an unexpected internal error.</summary>
    public const int Internal = 3;

    /// <summary>Stopped by SIGINT (Ctrl-C), after reporting what was done: 128 + SIGINT, as shells report it.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM, after reporting what was done: 128 + SIGTERM.</summary>
    public const int Terminated = 143;

    /// <summary>The one mention of exit statuses in the help (the manual lists them per command).</summary>
    public const string HelpText = "Exit: 0 ok, 1 rejected, 2 usage/IO error, 3 bug, 130 interrupted, 143 SIGTERM.";
}
