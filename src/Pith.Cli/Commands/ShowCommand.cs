using System.CommandLine;
using Pith.Cli.Rendering;
using Pith.Core.Documents;
using Pith.Core.Identifiers;
using Pith.Index;
using Pith.Index.Query;

namespace Pith.Cli.Commands;

/// <summary><c>pith show</c>: the record an alias names, as a summary, as stored, or as its canonical JSON.</summary>
public static class ShowCommand
{
    public static Command Create()
    {
        var alias = ArgumentRules.Alias<string>("Any alias form pith resolve takes; an unversioned arXiv id or DOI shows the newest version indexed.");
        var db = IndexOptions.CreateDb();
        var json = new Option<bool>("--json") { Description = "Write the record exactly as it was imported, byte for byte." };
        var canonical = new Option<bool>("--canonical") { Description = "Write the canonical JSON of its canonical record: the bytes its canonical SHA-256 is of (no newline)." };
        var command = new Command("show",
            "Show the record an alias names: Pith number, title, source and its other versions, key, when and from where it was imported.")
        {
            alias, db, json, canonical,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(json) && result.GetValue(canonical)) result.AddError("--json and --canonical cannot be used together");
        });
        command.SetAction(parse => Run(parse.GetValue(alias)!, parse.GetValue(db), parse.GetValue(json), parse.GetValue(canonical)));
        return command;
    }

    private static int Run(string alias, string? dbOption, bool json, bool canonical)
    {
        using var index = IndexReader.Open(IndexLocation.Resolve(dbOption));
        Resolution resolution;
        using (var resolver = new AliasResolver(index)) resolution = resolver.Resolve(alias);
        if (resolution.Status != ResolutionStatus.Resolved)
        {
            Cli.Complain(ResolutionText.Problem(resolution));
            return ExitCode.Invalid;
        }
        var record = index.ReadRecord(resolution.Matches[0]);
        if (json || canonical)
        {
            var bytes = json ? ParseResult<byte[]>.ForValue(record.Original) : CanonicalRecordLocation.CanonicalBytes(record.Original);
            if (!bytes.Success)
            {
                Cli.Complain($"{record.Match.PithNumber}: the stored record cannot be read back ({bytes.Error}); the index may be damaged: run 'pith audit'");
                return ExitCode.Invalid;
            }
            using var stdout = Console.OpenStandardOutput();
            stdout.Write(bytes.Value);
            return ExitCode.Ok;
        }
        using var text = Cli.OpenStdout();
        WriteSummary(text, record);
        return ExitCode.Ok;
    }

    private static void WriteSummary(StreamWriter output, StoredRecord record)
    {
        var match = record.Match;
        var shortNumber = PithNumber.TryParse(match.PithNumber, out var number, out _) ? $"  ({number.Value.Short})" : "";
        output.WriteLine(match.PithNumber + shortNumber);
        Field(output, "title", record.Title ?? "(none)");
        Field(output, "source", $"{record.SourceKind} {ResolutionText.Versioned(match)}");
        Field(output, "other versions", record.OtherVersions.Count == 0
            ? "none indexed"
            : string.Join(", ", record.OtherVersions.Select(v => $"{ResolutionText.Versioned(v)} {v.PithNumber}")));
        Field(output, "key", record.Unsigned ? "none: UNSIGNED (only a state file, imported with --allow-unsigned, brought this record)" : record.KeyId);
        Field(output, "documents", string.Join(", ", record.DocumentTypes));
        Field(output, "updated", record.UpdatedAt ?? "(not stated)");
        Field(output, "imported", $"{record.ImportedAt} from {record.ImportedFrom} (run {record.RunId})");
        Field(output, "older copies", record.OlderCopies == 0 ? "none" : $"{record.OlderCopies} kept (the resolver reissued this record)");
    }

    private static void Field(StreamWriter output, string name, string value) =>
        output.WriteLine($"  {name,-15}{TerminalText.Sanitize(value)}");
}
