using System.Text.Json;
using System.Text.Json.Nodes;
using Pith.Cli.Tests.Import;
using Pith.Testing;
using Xunit;

namespace Pith.Cli.Tests.Resolve;

/// <summary>
/// <c>pith show</c> of a record with a variant: each displayed field marked signed, checked up to case and white space,
/// or not signed; the variants and the fields they differ in; the same as JSON with <c>--json --with-index</c>. And
/// <c>verify --verbose</c> lists the unsigned fields as not checked.
/// </summary>
public sealed class ShowVariantsTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _db;
    private readonly string _variantPath;
    private readonly string _pithNumber;
    private readonly JsonObject _record;

    public ShowVariantsTests()
    {
        var keys = PithImport.WriteTestKey(_temp);
        _db = Path.Combine(_temp.Root, "index.db");
        _record = RecordFactory.Create(TestKey.Default);
        _record["paper"]!["authors_text"] = "Ziming Liu, Max Tegmark";
        _pithNumber = _record["pith_number"]!.GetValue<string>();
        var variant = RecordFactory.Parse(RecordFactory.ToBytes(_record));
        variant["paper"]!["title"] = "GROKKING as Compression: A Nonlinear Complexity Perspective";
        variant["paper"]!["authors_text"] = "Someone \u001b[31mElse";
        var genuinePath = _temp.Write("genuine.json", RecordFactory.ToBytes(_record));
        _variantPath = _temp.Write("variant.json", RecordFactory.ToBytes(variant));
        PithImport.Run(_db, "--keys", keys, "--quiet", genuinePath).AssertExit(0);
        PithImport.Run(_db, "--keys", keys, "--quiet", _variantPath).AssertExit(0);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Text_marks_each_field_and_lists_the_variants_with_the_fields_they_differ_in()
    {
        var result = PithProcess.Run("show", "--db", _db, _pithNumber);

        result.AssertExit(0);
        var lines = result.StdoutLines;
        Assert.Contains("  title          Grokking as Compression: A Nonlinear Complexity Perspective  [checked up to case and white space]", lines);
        Assert.Contains("  authors        Ziming Liu, Max Tegmark  [not signed]", lines);
        Assert.Contains("  source         arxiv 2310.05918v1  [signed]", lines);
        Assert.Contains("  license        http://creativecommons.org/licenses/by/4.0/  [signed]", lines);
        Assert.Contains("  updated        2026-07-05T06:58:51.293543+00:00  [not signed]", lines);
        Assert.Contains("  variants       1 kept, never current (same updated_at or one not believed, other content)", lines);
        Assert.Matches($@"^    1\. differs in paper\.authors_text, paper\.title; imported \S+ from {System.Text.RegularExpressions.Regex.Escape(_variantPath)} \(run 2\)$", lines[^1]);
        Assert.DoesNotContain('\u001b', result.Stdout);
    }

    [Fact]
    public void Json_with_index_is_the_record_and_what_pith_knows_of_it()
    {
        var result = PithProcess.Run("show", "--db", _db, "--json", "--with-index", _pithNumber);

        result.AssertExit(0);
        var line = Assert.Single(result.StdoutLines);
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.True(JsonNode.DeepEquals(_record, JsonNode.Parse(root.GetProperty("record").GetRawText())));
        var pith = root.GetProperty("pith");
        Assert.Equal(_pithNumber, pith.GetProperty("pith_number").GetString());
        Assert.Equal("pith-test-2026", pith.GetProperty("key_id").GetString());
        Assert.Equal(1, pith.GetProperty("run_id").GetInt64());
        Assert.Equal(["pith_number_record"], pith.GetProperty("documents").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, pith.GetProperty("older_copies").GetInt64());
        var fields = pith.GetProperty("fields");
        Assert.Equal("case_and_white_space", fields.GetProperty("paper.title").GetProperty("signed").GetString());
        Assert.Equal("not_signed", fields.GetProperty("paper.authors_text").GetProperty("signed").GetString());
        Assert.Equal("not_signed", fields.GetProperty("updated_at").GetProperty("signed").GetString());
        Assert.Equal("signed", fields.GetProperty("submitted_at").GetProperty("signed").GetString());
        // The whole abstract, checked against abstract_canon_sha256: only up to case and white space, like the title.
        Assert.Equal("case_and_white_space", fields.GetProperty("paper.abstract_excerpt").GetProperty("signed").GetString());
        var variant = Assert.Single(pith.GetProperty("variants").EnumerateArray());
        Assert.Equal(_variantPath, variant.GetProperty("imported_from").GetString());
        Assert.Equal(["paper.authors_text", "paper.title"], variant.GetProperty("differs_in").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void A_whole_abstract_in_other_case_still_verifies_and_is_marked_checked_up_to_case_not_signed()
    {
        var keys = Path.Combine(_temp.Root, "test-key.json");
        var shouting = RecordFactory.Create(TestKey.Default, sourceId: "2401.00009", abstractText: "We attribute grokking to compression.");
        shouting["paper"]!["abstract_excerpt"] = "WE ATTRIBUTE   GROKKING TO COMPRESSION.";
        var path = _temp.Write("shouting.json", RecordFactory.ToBytes(shouting));
        PithImport.Run(_db, "--keys", keys, "--quiet", path).AssertExit(0);

        var result = PithProcess.Run("show", "--db", _db, "--json", "--with-index", shouting["pith_number"]!.GetValue<string>());

        result.AssertExit(0);
        using var json = JsonDocument.Parse(result.Stdout);
        var excerpt = json.RootElement.GetProperty("pith").GetProperty("fields").GetProperty("paper.abstract_excerpt");
        Assert.Equal(("WE ATTRIBUTE   GROKKING TO COMPRESSION.", "case_and_white_space"), (excerpt.GetProperty("value").GetString(), excerpt.GetProperty("signed").GetString()));
    }

    [Fact]
    public void With_index_goes_with_json()
    {
        var result = PithProcess.Run("show", "--db", _db, "--with-index", _pithNumber);

        result.AssertExit(2);
        Assert.Contains("--with-index goes with --json", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_verbose_lists_the_unsigned_fields_as_not_checked()
    {
        var keys = Path.Combine(_temp.Root, "test-key.json");

        var text = PithProcess.Run("verify", "--keys", keys, "--verbose", _variantPath);
        var json = PithProcess.Run("verify", "--keys", keys, "--verbose", "--json", _variantPath);

        text.AssertExit(0);
        Assert.Contains(text.StdoutLines, l => l.Trim() == "skip  paper.authors_text: not checked: not signed");
        Assert.Contains(text.StdoutLines, l => l.Trim() == "skip  updated_at: not checked: not signed");
        using var document = JsonDocument.Parse(json.Stdout);
        Assert.Contains(document.RootElement.GetProperty("checks").EnumerateArray(),
            c => c.GetProperty("name").GetString() == "paper.authors_text" && c.GetProperty("status").GetString() == "skip"
                 && c.GetProperty("detail").GetString() == "not checked: not signed");
    }
}
