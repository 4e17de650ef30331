using System.CommandLine;

namespace Pith.Cli.Commands;

/// <summary>The <c>--db FILE</c> option every index command shares.</summary>
public static class IndexOptions
{
    public static Option<string?> CreateDb() => new("--db")
    {
        Description = "The index file (default: $PITH_DB, else $XDG_DATA_HOME/pith/index.db, i.e. ~/.local/share/pith/index.db).",
        HelpName = "FILE",
    };
}
