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
            "Ed25519 receipt against the trusted keys.")
        {
            paths, keys, json, verbose, allowUnsigned,
        };
        // A real task, so that Ctrl-C or SIGTERM ends the process even while an input is being read.
        command.SetAction((parse, cancel) => Task.Run(() => Run(
            parse.GetValue(paths)!, parse.GetValue(keys) ?? [], parse.GetValue(json), parse.GetValue(verbose), parse.GetValue(allowUnsigned), cancel),
            CancellationToken.None));
        return command;
    }

    private static int Run(string[] paths, string[] keyFiles, bool json, bool verbose, bool allowUnsigned, CancellationToken cancel)
    {
        var trusted = KeyOptions.Load(keyFiles, cancel);
        if (!trusted.Success) return Cli.Error(trusted.Error!);
        var verifier = new RecordVerifier(trusted.Value!);

        using var stdout = Cli.OpenStdout();
        using var jsonLines = new JsonLineWriter(stdout);
        int valid = 0, unsigned = 0, invalid = 0, unreadable = 0;
        // Verdicts are printed as they come, so the walk need not run far ahead: short queues hold less. Interrupted,
        // the pipeline takes no more input; the verdicts already made are printed, each line whole.
        var pipeline = new VerificationPipeline(verifier, new PipelineOptions { InOrder = true, InputQueue = 1_024, OutputQueue = 256 });
        var documents = InputDocuments.Expand(paths, Console.OpenStandardInput, static (link, reason) => Cli.SkippedLink("verify", link, reason));
        var run = pipeline.Start(documents, cancel);
        var finished = false;
        while (true)
        {
            if (!run.TryRead(TimeSpan.Zero, out var verdict))
            {
                // Nothing ready: what is printed so far is shown before waiting (a pipe or terminal as input may be slow).
                stdout.Flush();
                if (!run.TryRead(Timeout.InfiniteTimeSpan, cancel, out verdict)) break;
            }
            if (verdict is null)
            {
                finished = true;
                break;
            }
            var result = verdict.Unreadable is { } reason ? VerificationResult.Failed(CheckName.Read, reason) : verdict.Result!;
            if (verdict.Unreadable is not null) unreadable++;
            else if (result.Valid) valid++;
            else if (result.Accepted(allowUnsigned: true)) unsigned++;
            else invalid++;
            var name = verdict.Document.Name;
            if (json) jsonLines.Write(writer => VerificationJson.Write(writer, name, result));
            else WriteHuman(stdout, name, result, verbose);
        }
        // Interrupted while the input was blocked (a terminal or pipe as standard input), the run is left as it is: a
        // read that may never return cannot be waited for, and the process is ending.
        if (finished) run.Dispose();
        stdout.Flush();
        var total = valid + unsigned + invalid + unreadable;
        var counts = $"{valid} valid, " + (unsigned > 0 ? $"{unsigned} consistent but unsigned, " : "") + $"{invalid} invalid, {unreadable} unreadable";
        if (cancel.IsCancellationRequested)
        {
            Cli.Report("verify", $"interrupted after {total} inputs: {counts}");
            return ExitCode.Interrupted;
        }
        if (total == 0)
        {
            // Nothing checked is not "all valid": an empty folder or .jsonl file is most likely the wrong path.
            Cli.Report("verify", "nothing to verify in " + string.Join(' ', paths));
            return ExitCode.Usage;
        }
        if (total > 1 || unreadable > 0) Cli.Report("verify", counts);
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
