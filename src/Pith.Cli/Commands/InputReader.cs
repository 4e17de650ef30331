using Pith.Core.Inputs;

namespace Pith.Cli.Commands;

/// <summary>Reads an input's bytes: a file, or all of standard input for <c>-</c>.</summary>
public static class InputReader
{
    public static (byte[]? Bytes, string? Error) Read(Input input)
    {
        try
        {
            if (input.IsStandardInput)
            {
                using var stdin = Console.OpenStandardInput();
                using var buffer = new MemoryStream();
                stdin.CopyTo(buffer);
                return (buffer.ToArray(), null);
            }
            return (File.ReadAllBytes(input.Path), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, "cannot read: " + e.Message);
        }
    }
}
