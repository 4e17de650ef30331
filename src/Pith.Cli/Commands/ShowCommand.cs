using System.CommandLine;
using System.Text.Json;
using Pith.Cli.Rendering;
using Pith.Core.Documents;
using Pith.Core.Identifiers;
using Pith.Core.Verification;
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
        var withIndex = new Option<bool>("--with-index")
        {
            Description = "With --json: write {\"record\": the stored record, \"pith\": what pith knows of it} on one line (where it came from, documents, " +
                          "variants, each displayed field marked signed or not).",
        };
        var canonical = new Option<bool>("--canonical") { Description = "Write the canonical JSON of its canonical record: the bytes its canonical SHA-256 is of (no newline)." };
        var command = new Command("show",
            "Show the record an alias names: Pith number, title, source and its other versions, key, when and from where it was imported.")
        {
            alias, db, json, withIndex, canonical,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(json) && result.GetValue(canonical)) result.AddError("--json and --canonical cannot be used together");
            if (result.GetValue(withIndex) && !result.GetValue(json)) result.AddError("--with-index goes with --json");
        });
        command.SetAction(parse => Run(parse.GetValue(alias)!, parse.GetValue(db), parse.GetValue(json), parse.GetValue(withIndex), parse.GetValue(canonical)));
        return command;
    }

    private static int Run(string alias, string? dbOption, bool json, bool withIndex, bool canonical)
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
        if (withIndex) return WriteWithIndex(new RecordView(record));
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
        WriteSummary(text, new RecordView(record));
        return ExitCode.Ok;
    }

    private static int WriteWithIndex(RecordView view)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var json = new Utf8JsonWriter(stdout, JsonOutput.WriterOptions))
        {
            if (!view.WriteJson(json))
            {
                Cli.Complain($"{view.Record.Match.PithNumber}: the stored record cannot be read back; the index may be damaged: run 'pith audit'");
                return ExitCode.Invalid;
            }
        }
        stdout.WriteByte((byte)'\n');
        return ExitCode.Ok;
    }

    private static void WriteSummary(StreamWriter output, RecordView view)
    {
        var record = view.Record;
        var match = record.Match;
        var shortNumber = PithNumber.TryParse(match.PithNumber, out var number, out _) ? $"  ({number.Value.Short})" : "";
        output.WriteLine(match.PithNumber + shortNumber);
        var fields = view.Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        void Marked(string label, string name, string? value = null)
        {
            if (fields.TryGetValue(name, out var field)) Field(output, label, value ?? field.Value, field.Signing);
        }
        if (fields.ContainsKey("paper.title")) Marked("title", "paper.title");
        else Field(output, "title", record.Title ?? "(none)");
        Marked("authors", "paper.authors_text");
        Marked("source", "source", $"{record.SourceKind} {ResolutionText.Versioned(match)}");
        Marked("submitted", "submitted_at");
        Marked("license", "license");
        Marked("categories", "primary_cat", fields.TryGetValue("cross_cats", out var cross) && cross.Value.Length > 0
            ? $"{fields["primary_cat"].Value} ({cross.Value})"
            : null);
        if (fields.TryGetValue("paper.headline", out var headline) && headline.Value.Length > 0) Marked("headline", "paper.headline");
        Field(output, "other versions", record.OtherVersions.Count == 0
            ? "none indexed"
            : string.Join(", ", record.OtherVersions.Select(v => $"{ResolutionText.Versioned(v)} {v.PithNumber}")));
        Field(output, "key", record.Unsigned ? "none: UNSIGNED (only a state file, imported with --allow-unsigned, brought this record)" : record.KeyId);
        Field(output, "documents", string.Join(", ", record.DocumentTypes));
        if (fields.ContainsKey("updated_at")) Marked("updated", "updated_at");
        else Field(output, "updated", record.UpdatedAt ?? "(not stated)");
        Field(output, "imported", $"{record.ImportedAt} from {record.ImportedFrom} (run {record.RunId})");
        Field(output, "older copies", record.OlderCopies == 0 ? "none" : $"{record.OlderCopies} kept (the resolver reissued this record)");
        Field(output, "variants", view.Variants.Count == 0 ? "none" : $"{view.Variants.Count} kept, never current (same updated_at or one not believed, other content)");
        var n = 0;
        foreach (var (variant, differsIn) in view.Variants)
        {
            var differs = differsIn.Count == 0 ? "differs in nothing displayed" : "differs in " + string.Join(", ", differsIn);
            output.WriteLine(TerminalText.Sanitize($"    {++n}. {differs}; imported {variant.ImportedAt} from {variant.ImportedFrom} (run {variant.RunId})"));
        }
    }

    private static void Field(StreamWriter output, string name, string value) =>
        output.WriteLine($"  {name,-15}{TerminalText.Sanitize(value)}");

    // The field's value, then how far its signature vouches for it (ours: not from the record).
    private static void Field(StreamWriter output, string name, string value, FieldSigning signing) =>
        output.WriteLine($"  {name,-15}{TerminalText.Sanitize(value)}  [{signing.Describe()}]");
}
