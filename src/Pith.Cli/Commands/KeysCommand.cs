using System.CommandLine;
using Pith.Cli.Rendering;
using Pith.Core.Keys;
using Pith.Inputs.Keys;

namespace Pith.Cli.Commands;

/// <summary><c>pith keys list|add|remove</c>: the user key store every verifying command trusts besides the built-in key.</summary>
public static class KeysCommand
{
    public static Command Create()
    {
        var command = new Command("keys",
            "Manage the user key store ($XDG_CONFIG_HOME/pith/keys.json, i.e. ~/.config/pith/keys.json): keys that verify, " +
            "import and audit trust besides the built-in resolver key and any --keys files.")
        {
            List(), Add(), Remove(),
        };
        return command;
    }

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "One JSON object per key per line: key_id, fingerprint, origin." };
        var command = new Command("list", "List the trusted keys: key id, fingerprint (first 16 bytes of SHA-256 of the key, hex) and origin (built-in or user store).")
        {
            json,
        };
        command.SetAction(parse => RunList(parse.GetValue(json)));
        return command;
    }

    private static Command Add()
    {
        var file = new Argument<string>("FILE") { Description = "A key file, as --keys takes: a key object, an array of them, {\"keys\":[...]} or a pith-mirrors.json manifest." };
        file.Validators.Add(result => ArgumentRules.RejectOptionTokens(result, ArgumentRules.PathHint));
        file.Validators.Add(ArgumentRules.RejectEmptyNames);
        var command = new Command("add",
            "Trust the keys in FILE from now on (the store is written atomically). A key whose stated fingerprint disagrees with it, " +
            "or whose key id is already bound to another key, is refused and nothing is added.")
        {
            file,
        };
        command.SetAction((parse, cancel) => Task.FromResult(RunAdd(parse.GetValue(file)!, cancel)));
        return command;
    }

    private static Command Remove()
    {
        var keyId = new Argument<string>("KEY_ID") { Description = "The key id to stop trusting." };
        keyId.Validators.Add(result => ArgumentRules.RejectOptionTokens(result, _ => " (a key id starting with '-' can be given after '--')"));
        var command = new Command("remove",
            $"Stop trusting a key of the user store. The built-in key {TrustedKeys.BuiltInKeyId} cannot be removed.")
        {
            keyId,
        };
        command.SetAction(parse => RunRemove(parse.GetValue(keyId)!));
        return command;
    }

    private static int RunList(bool json)
    {
        var store = UserKeyStore.Default();
        var stored = store.Load();
        if (!stored.Success) return Cli.Error(stored.Error!);
        using var stdout = Cli.OpenStdout();
        using var lines = json ? new JsonLineWriter(stdout) : null;
        TrustedKey[] keys = [TrustedKeys.BuiltIn, .. stored.Value!];
        // Key ids differ in length; fingerprints (32 hex digits) do not: padding the ids lines the columns up.
        var width = keys.Max(static k => TerminalText.Sanitize(k.KeyId).Length);
        foreach (var key in keys)
        {
            var origin = ReferenceEquals(key, TrustedKeys.BuiltIn) ? "built-in" : "user store";
            if (lines is null)
            {
                stdout.WriteLine($"{TerminalText.Sanitize(key.KeyId).PadRight(width)}  {key.Fingerprint}  {origin}");
                continue;
            }
            lines.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("key_id", key.KeyId);
                w.WriteString("fingerprint", key.Fingerprint);
                w.WriteString("origin", origin);
                w.WriteEndObject();
            });
        }
        stdout.Flush();
        if (!json) Cli.Report("keys", $"user store {store.Path}");
        return ExitCode.Ok;
    }

    private static int RunAdd(string file, CancellationToken cancel)
    {
        var keys = KeyOptions.ReadFile(file, "keys add", cancel);
        if (!keys.Success) return Cli.Error(keys.Error!);
        var store = UserKeyStore.Default();
        var added = store.Add(keys.Value!);
        if (!added.Success) return Cli.Error(added.Error!);
        using var stdout = Cli.OpenStdout();
        foreach (var (key, isNew) in added.Value!)
            stdout.WriteLine(TerminalText.Sanitize($"{(isNew ? "added" : "already trusted")} {key.KeyId}  {key.Fingerprint}"));
        stdout.Flush();
        Cli.Report("keys", $"user store {store.Path}");
        return ExitCode.Ok;
    }

    private static int RunRemove(string keyId)
    {
        var store = UserKeyStore.Default();
        var (removed, error) = store.Remove(keyId);
        if (error is not null) return Cli.Error(error);
        if (!removed)
        {
            Cli.Complain($"no key '{keyId}' in the user key store {store.Path}");
            return ExitCode.Invalid;
        }
        using var stdout = Cli.OpenStdout();
        stdout.WriteLine($"removed {TerminalText.Sanitize(keyId)}");
        return ExitCode.Ok;
    }
}
