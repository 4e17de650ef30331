using System.Text.Json.Nodes;
using Pith.Core.Documents;
using Pith.Core.Keys;
using Pith.Core.Verification;
using Pith.Testing;
using Xunit;
using static Pith.Core.Tests.Verification.Outcomes;

namespace Pith.Core.Tests.Verification;

/// <summary>
/// State files (spec section 8) carry no receipt: at best consistent, never valid by themselves. Each consistency
/// check fails when what it guards is tampered with; what needs the events or the merge algorithm is not checked.
/// </summary>
public class StateVerifierTests
{
    private static readonly RecordVerifier Default = new(TrustedKeys.Default());

    private static JsonObject SeedState(string code = "3V7SYW4G") => MirrorDocumentFactory.State(RecordFactory.Parse(Samples.Seed(code)));

    private static VerificationResult Verify(JsonNode state) => Default.Verify(RecordFactory.ToBytes(state));

    private static void AssertOnlyFails(JsonObject state, params string[] expected)
    {
        var result = Verify(state);
        Assert.Equal(expected.Order(StringComparer.Ordinal), Failed(result));
        Assert.False(result.Consistent);
        Assert.False(result.Accepted(allowUnsigned: true));
    }

    [Theory]
    [MemberData(nameof(Samples.SeedCodes), MemberType = typeof(Samples))]
    public void State_files_of_the_seed_records_are_consistent_but_unsigned(string code)
    {
        var result = Verify(SeedState(code));
        Assert.Empty(Failed(result));
        Assert.True(result.Consistent);
        Assert.False(result.Valid);
        Assert.False(result.Accepted(allowUnsigned: false));
        Assert.True(result.Accepted(allowUnsigned: true));
        Assert.Equal(DocumentType.State, result.DocumentType);
        Assert.Equal(Default.Verify(Samples.Seed(code)).PithNumber, result.PithNumber);
        Assert.Null(result.KeyId);
        Assert.Equal(CheckName.Signature, result.Reason!.Name);
        Assert.Contains("consistent, unsigned", result.Reason.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_every_check_in_a_stable_order_and_what_it_cannot_check_as_not_checked()
    {
        var result = Verify(SeedState());
        Assert.Equal(
        [
            "parse", "document_type", "state_version", "schema", "canonical_hash", "canonical_sha256", "current.canonical_sha256", "pith_number",
            "short_pith_number", "alias.arxiv", "alias.arxiv_version", "alias.doi", "alias.pith_short_8", "alias.pith_short_12", "alias.pith_short_16",
            "counts.events", "counts.graph_snapshots", "counts.equivocations", "merge", "current.graph_snapshots[0].event_id",
            "current.graph_snapshots[0].signature", "signature",
        ], result.Checks.Select(c => c.Name));
        Assert.Equal(
            ["canonical_sha256", "counts.equivocations", "current.canonical_sha256", "current.graph_snapshots[0].event_id", "current.graph_snapshots[0].signature", "merge", "short_pith_number", "signature"],
            Skipped(result));
        Assert.Contains(MirrorDocumentFactory.MergeVersion, CheckOf(result, CheckName.Merge).Detail, StringComparison.Ordinal);
        Assert.Equal("valid_event_count 2 + invalid_event_count 0 = event_count 2", CheckOf(result, CheckName.EventCounts).Detail);
    }

    [Theory]
    [InlineData("event_count", 3)]
    [InlineData("valid_event_count", 1)]
    [InlineData("invalid_event_count", 1)]
    [InlineData("event_count", -1)]
    public void Counters_that_do_not_add_up_fail_the_event_counts(string counter, int value)
    {
        var state = SeedState();
        state[counter] = value;
        AssertOnlyFails(state, CheckName.EventCounts);
    }

    [Fact]
    public void A_missing_counter_fails_the_event_counts_and_leaves_the_snapshot_count_unchecked()
    {
        var state = SeedState();
        state.Remove("valid_event_count");
        var result = Verify(state);
        Assert.Equal([CheckName.EventCounts], Failed(result));
        Assert.Contains("valid_event_count is missing", CheckOf(result, CheckName.EventCounts).Detail, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Skip, CheckOf(result, CheckName.SnapshotCount).Status);
    }

    [Fact]
    public void More_graph_snapshots_than_valid_events_fails_the_snapshot_count()
    {
        var state = SeedState();
        state["valid_event_count"] = 0;
        state["invalid_event_count"] = 2;
        AssertOnlyFails(state, CheckName.SnapshotCount);
    }

    [Fact]
    public void A_forged_alias_in_source_aliases_fails_only_that_alias()
    {
        var state = SeedState();
        state["current"]!["source_aliases"]!.AsArray().Single(a => a!["alias_kind"]!.GetValue<string>() == "arxiv_version")!["alias_value"] = "2310.05918v2";
        AssertOnlyFails(state, "alias.arxiv_version");
    }

    [Fact]
    public void A_changed_canonical_record_fails_the_number_and_the_code_aliases()
    {
        var state = SeedState();
        state["current"]!["canonical_record"]!["metadata"]!["license"] = "";
        AssertOnlyFails(state, CheckName.PithNumber, "alias.pith_short_8", "alias.pith_short_12", "alias.pith_short_16");
    }

    [Theory]
    [InlineData("canonical_sha256", "ed7f2c5b86d6fbf545763f092b5bd192d2f586b272e74911db65d28c0ca6bdcd", CheckName.CanonicalSha256)]
    [InlineData("short_pith_number", "pith:3V7SYW4H", CheckName.ShortPithNumber)]
    [InlineData("state_version", "0.9", CheckName.StateVersion)]
    public void A_wrong_stated_field_fails_only_its_check(string field, string value, string check)
    {
        var state = SeedState();
        state[field] = value;
        AssertOnlyFails(state, check);
    }

    [Theory]
    [InlineData(CheckName.CanonicalSha256, CheckName.CurrentCanonicalSha256)]
    [InlineData(CheckName.CurrentCanonicalSha256, CheckName.CanonicalSha256)]
    public void Each_stated_hash_is_its_own_check_one_wrong_fails_while_the_other_right_passes(string wrong, string right)
    {
        var state = SeedState();
        var digest = RecordFactory.Parse(Samples.Seed("3V7SYW4G"))["canonical_sha256"]!.GetValue<string>();
        JsonObject Owner(string check) => check == CheckName.CanonicalSha256 ? state : state["current"]!.AsObject();
        Owner(right)["canonical_sha256"] = digest;
        Owner(wrong)["canonical_sha256"] = new string('0', 64);
        AssertOnlyFails(state, wrong);
        Assert.Equal(CheckStatus.Pass, CheckOf(Verify(state), right).Status);
    }

    [Fact]
    public void A_missing_pith_number_fails()
    {
        var state = SeedState();
        state.Remove("pith_number");
        AssertOnlyFails(state, CheckName.PithNumber);
    }

    [Fact]
    public void A_graph_snapshot_about_another_paper_fails_naming_it()
    {
        var state = SeedState();
        state["current"]!["graph_snapshots"]![0]!["subject_pith_number"] = "pith:2013:D52N3J2WQLSLTFYSDVZ62DOE5U";
        AssertOnlyFails(state, "current.graph_snapshots[0].subject_pith_number");
    }

    [Fact]
    public void A_state_file_without_current_fails_the_schema()
    {
        var state = SeedState();
        state.Remove("current");
        var result = Verify(state);
        Assert.Equal([CheckName.Schema], Failed(result));
        Assert.Null(result.PithNumber);
    }
}
