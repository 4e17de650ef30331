using System.CommandLine;

namespace Pith.Cli.Commands;

/// <summary>Every command of pith, by name, built only when needed.</summary>
public static class Commands
{
    private static readonly (string Name, Func<Command> Create)[] All =
    [
        ("verify", VerifyCommand.Create),
        ("import", ImportCommand.Create),
        ("resolve", ResolveCommand.Create),
        ("show", ShowCommand.Create),
        ("search", SearchCommand.Create),
        ("export", ExportCommand.Create),
        ("audit", AuditCommand.Create),
        ("stats", StatsCommand.Create),
        ("keys", KeysCommand.Create),
    ];

    /// <summary>
    /// The command <paramref name="args"/> names, alone; every command when it names none (help, a typo). Building a
    /// command's options costs start-up time (their generic types are compiled on first use), and a look-up such as
    /// <c>pith resolve</c> is a whole process each time: it builds only its own.
    /// </summary>
    public static IEnumerable<Command> For(string[] args)
    {
        foreach (var (name, create) in All)
        {
            if (args.Length > 0 && args[0] == name) return [create()];
        }
        return All.Select(command => command.Create());
    }
}
