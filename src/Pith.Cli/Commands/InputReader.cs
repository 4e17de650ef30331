using Pith.Core.Inputs;

namespace Pith.Cli.Commands;

/// <summary>Reads an input's bytes, bounded: a file, or standard input for <c>-</c>.</summary>
public static class InputReader
{
    public static (byte[]? Bytes, string? Error) Read(Input input)
    {
        if (!input.IsStandardInput) return BoundedReader.ReadFile(input.Path);
        try
        {
            using var stdin = Console.OpenStandardInput();
            return (BoundedReader.Read(stdin, []), null);
        }
        catch (IOException e)
        {
            return (null, "cannot read standard input: " + e.Message);
        }
    }
}
