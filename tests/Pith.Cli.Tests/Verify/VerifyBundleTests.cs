using System.Text.Json.Nodes;
using Pith.Testing;
using Xunit;

namespace Pith.Cli.Tests.Verify;

/// <summary>
/// <c>pith verify</c> on bundles and state files (spec section 8) built from the seed records: bundles verify with the
/// real key, state files are consistent but unsigned, tampering fails naming the check, and the unknowns are listed.
/// </summary>
public sealed class VerifyBundleTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Write(string name, JsonNode document) => _temp.Write(name, RecordFactory.ToBytes(document));

    [Fact]
    public void BundlesOfTheSeedRecords_AllVerifyWithTheRealKey()
    {
        for (var i = 0; i < Samples.Seeds.Length; i++) Write(Path.Combine("bundles", $"{i}-bundle.json"), MirrorDocuments.Bundle(i));

        var result = PithProcess.Run("verify", Path.Combine(_temp.Root, "bundles"));

        result.AssertExit(0);
        Assert.Equal(
            Samples.Seeds.Select((s, i) => $"OK {s.PithNumber} {Path.Combine(_temp.Root, "bundles", $"{i}-bundle.json")}"),
            result.StdoutLines);
    }

    [Fact]
    public void StateFile_IsConsistentButUnsigned_Exit1_UnlessAllowUnsigned()
    {
        var path = Write("state.json", MirrorDocuments.State(0));
        var expected = $"UNSIGNED {Samples.Seeds[0].PithNumber} {path}: consistent, unsigned (a state file carries no receipt)";

        var strict = PithProcess.Run("verify", path, Samples.Seeds[1].Path);
        var allowed = PithProcess.Run("verify", "--allow-unsigned", path, Samples.Seeds[1].Path);

        strict.AssertExit(1);
        allowed.AssertExit(0);
        Assert.Equal(expected, strict.StdoutLines[0]);
        Assert.Equal(expected, allowed.StdoutLines[0]);
        Assert.Contains("1 valid, 1 consistent but unsigned, 0 invalid, 0 unreadable", strict.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AllowUnsigned_DoesNotAcceptAnInconsistentStateFile_NorAnUnsignedRecord()
    {
        var state = MirrorDocuments.State(0);
        state["event_count"] = 5;
        var path = Write("state.json", state);
        var unsignedRecord = Samples.FilesIn(Samples.RealUnsigned)[0];

        var result = PithProcess.Run("verify", "--allow-unsigned", path, unsignedRecord);

        result.AssertExit(1);
        Assert.StartsWith($"FAIL {path}: counts.events: valid_event_count 2 + invalid_event_count 0 is not event_count 5", result.StdoutLines[0], StringComparison.Ordinal);
        Assert.StartsWith($"FAIL {unsignedRecord}: signature: ", result.StdoutLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Json_OneSchemaForRecordBundleAndStateFile_TheDocumentTypeSaysWhich()
    {
        var bundle = Write("bundle.json", MirrorDocuments.Bundle(0));
        var state = Write("state.json", MirrorDocuments.State(0));

        var result = PithProcess.Run("verify", "--json", Samples.Seeds[0].Path, bundle, state);

        result.AssertExit(1);
        var verdicts = JsonLines.Parse(result);
        foreach (var verdict in verdicts) VerifyJsonOutputTests.AssertSchema(verdict);
        Assert.Equal(["pith_number_record", "pith_open_graph_bundle", "pith_open_graph_state"], verdicts.Select(v => v.GetProperty("document_type").GetString()));
        Assert.All(verdicts, v => Assert.Equal(Samples.Seeds[0].PithNumber, v.GetProperty("pith_number").GetString()));
        Assert.Equal([true, true, false], verdicts.Select(v => v.GetProperty("valid").GetBoolean()));
        Assert.Equal([true, true, true], verdicts.Select(v => v.GetProperty("consistent").GetBoolean()));
        // Field names and order are the same for the three.
        Assert.Single(verdicts.Select(v => string.Join(",", v.EnumerateObject().Select(p => p.Name))).Distinct());
        Assert.Equal(["events[1].event_id", "events[1].signature"], JsonLines.ChecksWithStatus(verdicts[1], "skip"));
        Assert.Contains("merge", JsonLines.ChecksWithStatus(verdicts[2], "skip"));
        Assert.Contains("unsigned", JsonLines.Check(verdicts[2], "signature").GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Verbose_ListsWhatIsNotChecked_WithTheReason()
    {
        var path = Write("bundle.json", MirrorDocuments.Bundle(1));

        var result = PithProcess.Run("verify", "--verbose", path);

        result.AssertExit(0);
        Assert.Contains("  skip  events[1].event_id: what event_id hashes is unknown (spec section 8): not checked", result.StdoutLines);
        Assert.Contains(result.StdoutLines, l => l.StartsWith("  skip  events[1].signature: graph_snapshot event: how graph events are signed is unknown", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, l => l.StartsWith("  pass  signature: Ed25519 signature over the canonical digest verifies with pith-v1-2026-05", StringComparison.Ordinal));
    }

    [Fact]
    public void TamperedBundles_FailNamingTheCheck()
    {
        var payload = MirrorDocuments.Bundle(0);
        MirrorDocumentFactory.Events(payload)[0]!["payload"]!["canonical_record"]!["metadata"]!["primary_cat"] = "cs.AI";
        var alias = MirrorDocuments.Bundle(0);
        alias["source_aliases"]!.AsArray().Single(a => a!["alias_kind"]!.GetValue<string>() == "doi")!["alias_value"] = "10.48550/arxiv.2310.05919";
        var noCreated = MirrorDocuments.Bundle(0);
        MirrorDocumentFactory.Events(noCreated).RemoveAt(0);
        var paths = new[] { Write("a-payload.json", payload), Write("b-alias.json", alias), Write("c-no-created.json", noCreated) };

        var result = PithProcess.Run(["verify", .. paths]);

        result.AssertExit(1);
        Assert.Equal(3, result.StdoutLines.Count);
        Assert.StartsWith($"FAIL {paths[0]}: events[0].canonical_sha256: record_created event: stated dd7f2c5b", result.StdoutLines[0], StringComparison.Ordinal);
        Assert.Equal($"FAIL {paths[1]}: alias.doi: stated 10.48550/arxiv.2310.05919, derived 10.48550/arxiv.2310.05918", result.StdoutLines[1]);
        Assert.Equal($"FAIL {paths[2]}: record_created: the bundle has no record_created event: it carries no receipt", result.StdoutLines[2]);
    }

    [Fact]
    public void TruncatedBundle_OneLineParseError()
    {
        var bytes = RecordFactory.ToBytes(MirrorDocuments.Bundle(2));
        var path = _temp.Write("truncated.json", bytes[..(bytes.Length - 40)]);

        var result = PithProcess.Run("verify", path);

        result.AssertExit(1);
        var line = Assert.Single(result.StdoutLines);
        Assert.StartsWith($"FAIL {path}: parse: malformed JSON", line, StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }

    [Fact]
    public void TestKeyBundle_VerifiesOnlyWithItsKeyFile()
    {
        var record = RecordFactory.Create(TestKey.Default, sourceId: "2401.00001");
        var path = Write("bundle.json", MirrorDocumentFactory.Bundle(record));
        var keys = _temp.Write("test-key.json", TestKey.Default.ToKeyFileJson());

        var untrusted = PithProcess.Run("verify", path);
        var trusted = PithProcess.Run("verify", "--keys", keys, path);

        untrusted.AssertExit(1);
        Assert.StartsWith($"FAIL {path}: receipt.key_id: ", Assert.Single(untrusted.StdoutLines), StringComparison.Ordinal);
        trusted.AssertExit(0);
        Assert.Equal([$"OK {record["pith_number"]!.GetValue<string>()} {path}"], trusted.StdoutLines);
    }
}
