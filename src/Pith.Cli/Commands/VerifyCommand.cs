using System.CommandLine;
using Pith.Cli.Rendering;
using Pith.Core.Verification;
using Pith.Inputs;
using Pith.Pipeline;

namespace Pith.Cli.Commands;

/// <summary><c>pith verify</c>: verify downloaded records offline, one verdict per input.</summary>
public static class VerifyCommand
{
    public static Command Create()
    {
        var paths = ArgumentRules.Paths("A record file, a folder (every file in it, recursively), a .jsonl file (one document per line), or - for standard input.");
        var keys = KeyOptions.Create();
        var json = new Option<bool>("--json") { Description = "One JSON object per input per line (JSON Lines), media type " + VerificationResult.MediaType + "." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List every check of every input, with its outcome." };
        var allowUnsigned = UnsignedOptions.CreateAllowUnsigned("It is reported UNSIGNED and does not make the exit status 1.");
        var command = new Command("verify",
            "Verify Pith records, bundles and state files offline: canonical hash, Pith number, aliases, cross-checks and the " +
            "Ed25519 receipt against the trusted keys. " + ExitCode.HelpText)
        {
            paths, keys, json, verbose, allowUnsigned,
        };
        // A real task, so that Ctrl-C or SIGTERM ends the process even while an input is being read.
        command.SetAction((parse, _) => Task.Run(() => Run(
            parse.GetValue(paths)!, parse.GetValue(keys) ?? [], parse.GetValue(json), parse.GetValue(verbose), parse.GetValue(allowUnsigned))));
        return command;
    }

    private static int Run(string[] paths, string[] keyFiles, bool json, bool verbose, bool allowUnsigned)
    {
        var trusted = KeyOptions.Load(keyFiles);
        if (!trusted.Success) return Cli.Error(trusted.Error!);
        var verifier = new RecordVerifier(trusted.Value!);

        using var stdout = Cli.OpenStdout();
        using var jsonLines = new JsonLineWriter(stdout);
        int valid = 0, unsigned = 0, invalid = 0, unreadable = 0;
        // Verdicts are printed as they come, so the walk need not run far ahead: short queues hold less.
        var pipeline = new VerificationPipeline(verifier, new PipelineOptions { InOrder = true, InputQueue = 1_024, OutputQueue = 256 });
        // A link in a folder that is not read gets a line, not a verdict: it is no document, but it is not silently gone.
        var documents = InputDocuments.Expand(paths, Console.OpenStandardInput,
            static (link, reason) => Console.Error.WriteLine(TerminalText.Sanitize($"pith verify: skipped the symbolic link {link}: {reason}")));
        using (var run = pipeline.Start(documents))
        {
            foreach (var verdict in run.ReadAll())
            {
                var result = verdict.Unreadable is { } reason ? VerificationResult.Failed(CheckName.Read, reason) : verdict.Result!;
                if (verdict.Unreadable is not null) unreadable++;
                else if (result.Valid) valid++;
                else if (result.Accepted(allowUnsigned: true)) unsigned++;
                else invalid++;
                var name = verdict.Document.Name;
                if (json) jsonLines.Write(writer => VerificationJson.Write(writer, name, result));
                else WriteHuman(stdout, name, result, verbose);
            }
        }
        stdout.Flush();
        if (valid + unsigned + invalid + unreadable > 1 || unreadable > 0)
            Console.Error.WriteLine($"pith verify: {valid} valid, " + (unsigned > 0 ? $"{unsigned} consistent but unsigned, " : "") + $"{invalid} invalid, {unreadable} unreadable");
        return unreadable > 0 ? ExitCode.Usage : invalid > 0 || (unsigned > 0 && !allowUnsigned) ? ExitCode.Invalid : ExitCode.Ok;
    }

    // Every line whole through the sanitiser: paths, check names (an alias check is named after the record's alias
    // kind) and details all come from input.
    private static void WriteHuman(StreamWriter output, string path, VerificationResult result, bool verbose)
    {
        if (result.Valid)
        {
            output.WriteLine(TerminalText.Sanitize($"OK {result.PithNumber} {path}"));
        }
        else if (result.Accepted(allowUnsigned: true))
        {
            // A state file: everything it holds agrees, but nothing in it is signed.
            output.WriteLine(TerminalText.Sanitize($"UNSIGNED {result.PithNumber} {path}: consistent, unsigned (a state file carries no receipt)"));
        }
        else
        {
            var reason = result.Reason;
            output.WriteLine(TerminalText.Sanitize($"FAIL {path}: {reason?.Name}: {reason?.Detail ?? "not valid"}"));
        }
        if (!verbose) return;
        foreach (var check in result.Checks)
            output.WriteLine(TerminalText.Sanitize($"  {VerificationJson.StatusName(check.Status),-4}  {check.Name}: {check.Detail}"));
    }
}
