namespace Pith.Cli;

/// <summary>The exit statuses every command documents.</summary>
public static class ExitCode
{
    /// <summary>Everything checked out.</summary>
    public const int Ok = 0;

    /// <summary>Some input was invalid, unsigned, signed by an unknown key, or not a record.</summary>
    public const int Invalid = 1;

    /// <summary>A usage error, a path that cannot be read, or an environment problem (e.g. libsodium missing).</summary>
    public const int Usage = 2;

    /// <summary>A bug in pith: an unexpected internal error.</summary>
    public const int Internal = 3;

    public const string HelpText =
        "Exit status: 0 all inputs valid and signed by a trusted key; 1 some input invalid, unsigned, " +
        "signed by an unknown key or not a record; 2 usage error, unreadable path or missing libsodium; 3 internal error.";
}
