using System.CommandLine;
using Pith.Core.Documents;
using Pith.Core.Keys;

namespace Pith.Cli.Commands;

/// <summary>The <c>--keys FILE</c> option every verifying command shares, and loading what it names.</summary>
public static class KeyOptions
{
    public static Option<string[]> Create() => new("--keys")
    {
        Description = "Also trust the keys in FILE (a key object, an array of them, {\"keys\":[...]} or a pith-mirrors.json manifest). Repeatable.",
        HelpName = "FILE",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>The built-in key plus those in <paramref name="files"/>, or a one-line reason they cannot be used.</summary>
    public static ParseResult<TrustedKeys> Load(IEnumerable<string> files)
    {
        var extra = new List<TrustedKey>();
        foreach (var file in files)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return ParseResult<TrustedKeys>.ForError($"key file {file}: cannot read: {e.Message}");
            }
            var keys = KeyFile.Read(bytes, file);
            if (!keys.Success) return ParseResult<TrustedKeys>.ForError(keys.Error!);
            extra.AddRange(keys.Value!);
        }
        return TrustedKeys.WithBuiltIn(extra);
    }
}
