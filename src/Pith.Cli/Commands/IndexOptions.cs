using System.CommandLine;
using Pith.Index;

namespace Pith.Cli.Commands;

/// <summary>The <c>--db FILE</c> option every index command shares.</summary>
public static class IndexOptions
{
    public static Option<string?> CreateDb()
    {
        var db = new Option<string?>("--db")
        {
            Description = "The index file (default: $PITH_DB, else $XDG_DATA_HOME/pith/index.db, i.e. ~/.local/share/pith/index.db).",
            HelpName = "FILE",
        };
        db.Validators.Add(ArgumentRules.RejectEmptyNames);
        return db;
    }

    /// <summary>The index named by <c>--db</c> (or its defaults) for a command that only reads: never created or written; missing is an error.</summary>
    public static IndexDatabase OpenExisting(string? dbOption) => IndexDatabase.OpenReadOnly(IndexLocation.Resolve(dbOption));
}
