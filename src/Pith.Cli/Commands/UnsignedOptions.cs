using System.CommandLine;

namespace Pith.Cli.Commands;

/// <summary>The <c>--allow-unsigned</c> option of the verifying commands: state files carry no receipt, so they are at best consistent.</summary>
public static class UnsignedOptions
{
    public static Option<bool> CreateAllowUnsigned(string effect) => new("--allow-unsigned")
    {
        Description = "Accept a state file (pith_open_graph_state) that is consistent but unsigned: state files carry no receipt. " + effect,
    };
}
