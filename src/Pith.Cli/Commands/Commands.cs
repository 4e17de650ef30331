using System.CommandLine;

namespace Pith.Cli.Commands;

/// <summary>Every command of pith, by name, with the one line the top-level help gives it, built only when needed.</summary>
public static class Commands
{
    private static readonly (string Name, string Summary, Func<Command> Create)[] All =
    [
        ("verify", "Verify records, bundles and state files offline", VerifyCommand.Create),
        ("import", "Verify records and index those signed by a trusted key", ImportCommand.Create),
        ("resolve", "Print the Pith number of each alias (arXiv id, DOI, code)", ResolveCommand.Create),
        ("show", "Show the record an alias names", ShowCommand.Create),
        ("search", "Search the titles of the indexed records", SearchCommand.Create),
        ("sync", "Follow another pith's feed, verifying and importing what it serves", SyncCommand.Create),
        ("export", "Print the stored records as JSON Lines", ExportCommand.Create),
        ("audit", "Re-verify everything the index stores", AuditCommand.Create),
        ("stats", "Show what the index holds and what the last imports did", StatsCommand.Create),
        ("serve", "Serve the index read-only over HTTP (a mirror)", ServeCommand.Create),
        ("keys", "Manage the user key store (list, add, remove)", KeysCommand.Create),
        ("completion", "Print a shell completion script (bash, zsh, fish)", CompletionCommand.Create),
    ];

    /// <summary>Each command's name and one-line summary, in the order the help lists them.</summary>
    public static IEnumerable<(string Name, string Summary)> Summaries => All.Select(c => (c.Name, c.Summary));

    /// <summary>
    /// The command <paramref name="args"/> names, alone; every command when it names none (help, a typo). Building a
    /// command's options costs start-up time (their generic types are compiled on first use), and a look-up such as
    /// <c>pith resolve</c> is a whole process each time: it builds only its own.
    /// </summary>
    public static IEnumerable<Command> For(string[] args)
    {
        foreach (var (name, _, create) in All)
        {
            if (args.Length > 0 && args[0] == name) return [create()];
        }
        return All.Select(command => command.Create());
    }
}
