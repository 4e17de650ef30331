using Pith.Core.Inputs;

namespace Pith.Cli.Commands;

/// <summary>Reads an input, bounded: a file, or standard input for <c>-</c>.</summary>
public static class InputReader
{
    public static ReadOutcome Read(Input input)
    {
        if (!input.IsStandardInput) return BoundedReader.ReadFile(input.Path, input.RegularOnly, listed: input.Kind);
        try
        {
            using var stdin = Console.OpenStandardInput();
            return new ReadOutcome(BoundedReader.Read(stdin, []), null, null);
        }
        catch (IOException e)
        {
            return new ReadOutcome(null, null, "cannot read standard input: " + e.Message);
        }
    }
}
