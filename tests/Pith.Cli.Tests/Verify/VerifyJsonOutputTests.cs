using System.Text.Json;
using Xunit;

namespace Pith.Cli.Tests.Verify;

/// <summary>The <c>--json</c> contract: JSON Lines, one object per input in input order, with a stable schema.</summary>
public sealed class VerifyJsonOutputTests
{
    private const string MediaType = "application/vnd.pith.verification+json;version=1";

    private static readonly string[] Statuses = ["pass", "fail", "skip"];

    [Fact]
    public void MixedInputs_OneObjectPerInputInInputOrder_WithTheDocumentedSchema()
    {
        using var temp = new TempFolder();
        var notPith = temp.Write("not-pith.json", """{"hello": "world"}""");
        var missing = Path.Combine(temp.Root, "missing.json");
        var unsigned = Samples.FilesIn(Samples.RealUnsigned)[0];
        var notRecord = Samples.FilesIn(Samples.NotRecords)[0];
        var (seed, seedNumber) = Samples.Seeds[1];
        string[] inputs = [unsigned, seed, notRecord, notPith, missing];

        var result = PithProcess.Run(["verify", "--json", .. inputs]);

        result.AssertExit(2); // the missing path outranks the invalid inputs
        var verdicts = JsonLines.Parse(result);
        Assert.Equal(inputs, verdicts.Select(v => v.GetProperty("path").GetString()));
        foreach (var verdict in verdicts) AssertSchema(verdict);

        var (u, s, n, p, m) = (verdicts[0], verdicts[1], verdicts[2], verdicts[3], verdicts[4]);
        Assert.False(u.GetProperty("valid").GetBoolean());
        Assert.Equal("pith-v1-2026-05", u.GetProperty("key_id").GetString());

        Assert.True(s.GetProperty("valid").GetBoolean());
        Assert.Equal("pith_number_record", s.GetProperty("document_type").GetString());
        Assert.Equal(seedNumber, s.GetProperty("pith_number").GetString());
        Assert.Equal("pith-v1-2026-05", s.GetProperty("key_id").GetString());
        Assert.Empty(JsonLines.ChecksWithStatus(s, "fail"));

        // Not JSON: nothing is known, so the nullable fields are null rather than absent or empty.
        Assert.Equal(JsonValueKind.Null, n.GetProperty("document_type").ValueKind);
        Assert.Equal(JsonValueKind.Null, n.GetProperty("pith_number").ValueKind);
        Assert.Equal(JsonValueKind.Null, n.GetProperty("key_id").ValueKind);
        Assert.Equal(["parse"], JsonLines.ChecksWithStatus(n, "fail"));

        Assert.Equal(["document_type"], JsonLines.ChecksWithStatus(p, "fail"));
        Assert.Equal(["read"], JsonLines.ChecksWithStatus(m, "fail"));
        Assert.False(m.GetProperty("valid").GetBoolean());
    }

    /// <summary>One schema for every input and every document type (records, bundles, state files).</summary>
    internal static void AssertSchema(JsonElement verdict)
    {
        Assert.Equal(JsonValueKind.Object, verdict.ValueKind);
        Assert.Equal(MediaType, verdict.GetProperty("media_type").GetString());
        Assert.Equal(JsonValueKind.String, verdict.GetProperty("path").ValueKind);
        Assert.Contains(verdict.GetProperty("document_type").ValueKind, new[] { JsonValueKind.String, JsonValueKind.Null });
        Assert.Contains(verdict.GetProperty("valid").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        Assert.Contains(verdict.GetProperty("pith_number").ValueKind, new[] { JsonValueKind.String, JsonValueKind.Null });
        Assert.Contains(verdict.GetProperty("key_id").ValueKind, new[] { JsonValueKind.String, JsonValueKind.Null });
        var checks = verdict.GetProperty("checks");
        Assert.Equal(JsonValueKind.Array, checks.ValueKind);
        Assert.NotEmpty(checks.EnumerateArray());
        foreach (var check in checks.EnumerateArray())
        {
            Assert.Equal(JsonValueKind.String, check.GetProperty("name").ValueKind);
            Assert.Contains(check.GetProperty("status").GetString(), Statuses);
            Assert.Equal(JsonValueKind.String, check.GetProperty("detail").ValueKind);
        }
        // valid is the verdict of the checks: no failure and a passing signature.
        var expectValid = !JsonLines.ChecksWithStatus(verdict, "fail").Any() && JsonLines.ChecksWithStatus(verdict, "pass").Contains("signature");
        Assert.Equal(expectValid, verdict.GetProperty("valid").GetBoolean());
        // consistent: no check failed (what a state file, which carries no receipt, can be at best).
        Assert.Equal(!JsonLines.ChecksWithStatus(verdict, "fail").Any(), verdict.GetProperty("consistent").GetBoolean());
    }
}
