using System.CommandLine;
using Pith.Core.Documents;
using Pith.Core.Keys;
using Pith.Inputs.Keys;

namespace Pith.Cli.Commands;

/// <summary>The <c>--keys FILE</c> option every verifying command shares, and loading what it names.</summary>
public static class KeyOptions
{
    public static Option<string[]> Create()
    {
        var keys = new Option<string[]>("--keys")
        {
            Description = "Also trust the keys in FILE (a key object, an array of them, {\"keys\":[...]} or a pith-mirrors.json manifest), besides the built-in key and the user key store (pith keys). Repeatable.",
            HelpName = "FILE",
            AllowMultipleArgumentsPerToken = false,
        };
        keys.Validators.Add(ArgumentRules.RejectEmptyNames);
        return keys;
    }

    /// <summary>
    /// The keys every verifying command trusts: the built-in key, the user key store (<c>pith keys</c>) and those in
    /// <paramref name="files"/>; or a one-line reason they cannot be used. A FIFO among them that nothing writes to is
    /// waited for, after a line on stderr saying so; <paramref name="cancel"/> (the first Ctrl-C or SIGTERM) ends that wait.
    /// </summary>
    public static ParseResult<TrustedKeys> Load(IEnumerable<string> files, CancellationToken cancel)
    {
        var stored = UserKeyStore.Default().Load();
        if (!stored.Success) return ParseResult<TrustedKeys>.ForError(stored.Error!);
        var extra = new List<TrustedKey>(stored.Value!);
        foreach (var file in files)
        {
            var keys = ReadFile(file, "--keys", cancel);
            if (!keys.Success) return ParseResult<TrustedKeys>.ForError(keys.Error!);
            extra.AddRange(keys.Value!);
        }
        return TrustedKeys.WithBuiltIn(extra);
    }

    /// <summary>
    /// The keys in one key file, or a one-line reason it cannot be used. A FIFO that nothing writes to is waited for,
    /// after one line on stderr naming it and <paramref name="source"/> (what named it); <paramref name="cancel"/> ends the wait.
    /// </summary>
    public static ParseResult<IReadOnlyList<TrustedKey>> ReadFile(string file, string source, CancellationToken cancel)
    {
        var read = KeyFileBytes.Read(
            file, regularOnly: false, () => Cli.Complain($"waiting for a program to write to the FIFO {file} ({source}); Ctrl-C stops"), cancel);
        return read.Success ? KeyFile.Read(read.Value!, file) : ParseResult<IReadOnlyList<TrustedKey>>.ForError($"key file {file}: cannot read: {read.Error}");
    }
}
