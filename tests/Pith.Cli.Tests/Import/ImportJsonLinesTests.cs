using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pith.Testing;
using Xunit;

namespace Pith.Cli.Tests.Import;

/// <summary>.jsonl files and standard input: each line its own input, rejects named by path and line.</summary>
public sealed class ImportJsonLinesTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _keys;
    private readonly JsonObject[] _records;

    public ImportJsonLinesTests()
    {
        _keys = PithImport.WriteTestKey(_temp);
        _records = [.. Enumerable.Range(1, 3).Select(i => RecordFactory.Create(TestKey.Default, sourceId: $"2401.0000{i}", title: $"Lines paper {i}"))];
    }

    public void Dispose() => _temp.Dispose();

    private string Db => Path.Combine(_temp.Root, "index.db");

    // Lines 1, 2 and 5 are records, line 3 is blank, line 4 is not JSON; line 2 ends in CRLF as exported on Windows.
    private byte[] Lines() => Encoding.UTF8.GetBytes(
        Compact(_records[0]) + "\n" + Compact(_records[1]) + "\r\n" + "   \n" + "{\"record_type\": \n" + Compact(_records[2]) + "\n");

    [Fact]
    public void JsonLinesFile_EachLineAnInput_BlankLinesSkipped_BadLineRejectedByPathAndLine()
    {
        var file = _temp.Write(Path.Combine("export", "file.jsonl"), Lines());

        var result = PithImport.Run(Db, "--keys", _keys, "--json", file);

        result.AssertExit(1);
        var summary = PithImport.Summary(result);
        Assert.Equal([3L, 0, 0, 0, 1], PithImport.Counts(summary));
        var reject = Assert.Single(summary.GetProperty("rejects").EnumerateArray());
        Assert.Equal(file, reject.GetProperty("path").GetString());
        Assert.Equal(4, reject.GetProperty("line").GetInt64());
        Assert.Equal("parse", reject.GetProperty("check").GetString());
        Assert.Equal([$"{file}|4|parse: "], IndexFile.Query(Db, "SELECT path || '|' || line || '|' || substr(reason, 1, 7) FROM rejects"));
        // Each record remembers the line it came from.
        Assert.Equal(new[] { 1, 2, 5 }.Select(line => $"{file}:{line}").Order(StringComparer.Ordinal),
            IndexFile.Query(Db, "SELECT imported_from FROM records ORDER BY imported_from"));
    }

    [Fact]
    public void JsonLinesFile_HumanOutputNamesPathAndLine()
    {
        var file = _temp.Write("file.jsonl", Lines());

        var result = PithImport.Run(Db, "--keys", _keys, file);

        result.AssertExit(1);
        Assert.StartsWith($"REJECT {file}:4: parse: ", result.StderrLines[0], StringComparison.Ordinal);
        Assert.Contains("pith import: imported 3, updated 0, unchanged 0, older copies kept 0, variants 0, rejected 1 (parse: 1)", result.StderrLines);
    }

    [Fact]
    public void StandardInput_JsonLines_WhenTheFirstLineIsACompleteValue()
    {
        var result = PithImport.Run(Db, ["--keys", _keys, "--json", "-"], stdin: Lines());

        result.AssertExit(1);
        var summary = PithImport.Summary(result);
        Assert.Equal([3L, 0, 0, 0, 1], PithImport.Counts(summary));
        var reject = Assert.Single(summary.GetProperty("rejects").EnumerateArray());
        Assert.Equal("-", reject.GetProperty("path").GetString());
        Assert.Equal(4, reject.GetProperty("line").GetInt64());
        Assert.Equal(["-:1", "-:2", "-:5"], IndexFile.Query(Db, "SELECT imported_from FROM records ORDER BY imported_from"));
    }

    [Fact]
    public void StandardInput_OnePrettyPrintedRecord_IsOneDocument()
    {
        var pretty = Encoding.UTF8.GetBytes(_records[0].ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        Assert.True(pretty.Count(b => b == '\n') > 10);

        var result = PithImport.Run(Db, ["--keys", _keys, "--json", "-"], stdin: pretty);

        result.AssertExit(0);
        Assert.Equal([1L, 0, 0, 0, 0], PithImport.Counts(PithImport.Summary(result)));
        Assert.Equal([$"-|{_records[0]["pith_number"]!.GetValue<string>()}"],
            IndexFile.Query(Db, "SELECT imported_from || '|' || pith_number FROM records"));
        using var connection = IndexFile.Open(Db);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT original FROM record_originals";
        // Stored exactly as it came, indentation and all.
        Assert.Equal(pretty, (byte[])command.ExecuteScalar()!);
    }

    [Fact]
    public void StandardInput_SameRecordsAgain_AreUnchanged()
    {
        var file = _temp.Write("file.jsonl", Lines());
        PithImport.Run(Db, "--keys", _keys, file).AssertExit(1);

        var result = PithImport.Run(Db, ["--keys", _keys, "--json", "-"], stdin: Lines());

        result.AssertExit(1);
        Assert.Equal([0L, 0, 3, 0, 1], PithImport.Counts(PithImport.Summary(result)));
    }

    private static string Compact(JsonObject record) => record.ToJsonString();
}
