using System.Text;
using Xunit;

namespace Pith.Cli.Tests.Verify;

/// <summary>
/// <c>pith verify</c> reads a <c>.jsonl</c> file, and standard input whose first line is a complete document, as JSON
/// Lines, exactly as import does: one verdict per line, named <c>path:line</c>.
/// </summary>
public sealed class VerifyJsonLinesInputTests
{
    private static byte[] Lines(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    private static string Seed(int i) => Encoding.UTF8.GetString(Samples.ReadBytes(Samples.Seeds[i].Path));

    [Fact]
    public void An_export_verifies_line_by_line()
    {
        using var temp = new TempFolder();
        var db = Path.Combine(temp.Root, "index.db");
        var export = Path.Combine(temp.Root, "e.jsonl");
        PithProcess.Run(["import", "--db", db, "--quiet", Samples.Records]).AssertExit(0);
        PithProcess.Run(["export", "--db", db, "--out", export]).AssertExit(0);

        var result = PithProcess.Run("verify", export);

        result.AssertExit(0);
        Assert.Equal(Samples.Seeds.Select((s, i) => $"OK {s.PithNumber} {export}:{i + 1}"), result.StdoutLines);
        Assert.Equal("pith verify: 3 valid, 0 invalid, 0 unreadable", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void Each_line_gets_its_own_verdict_blank_lines_are_skipped_and_a_bad_line_fails_alone()
    {
        using var temp = new TempFolder();
        var file = temp.Write("mixed.jsonl", Lines(Seed(0), "", "{\"not\":\"a record\"}", Seed(2)));

        var result = PithProcess.Run("verify", file);

        result.AssertExit(1);
        Assert.Equal(
            [
                $"OK {Samples.Seeds[0].PithNumber} {file}:1",
                $"FAIL {file}:3: document_type: not a Pith document: no record_type, bundle_type or state_type",
                $"OK {Samples.Seeds[2].PithNumber} {file}:4",
            ],
            result.StdoutLines);
    }

    [Fact]
    public void Standard_input_whose_first_line_is_a_document_is_json_lines()
    {
        var result = PithProcess.Run(["verify", "-"], stdin: Lines(Seed(1), Seed(0)));

        result.AssertExit(0);
        Assert.Equal([$"OK {Samples.Seeds[1].PithNumber} -:1", $"OK {Samples.Seeds[0].PithNumber} -:2"], result.StdoutLines);
    }

    [Fact]
    public void A_pretty_printed_document_on_standard_input_is_one_document()
    {
        var pretty = System.Text.Json.Nodes.JsonNode.Parse(Seed(0))!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

        var result = PithProcess.Run(["verify", "-"], stdin: Encoding.UTF8.GetBytes(pretty));

        result.AssertExit(0);
        Assert.Equal([$"OK {Samples.Seeds[0].PithNumber} -"], result.StdoutLines);
    }
}
