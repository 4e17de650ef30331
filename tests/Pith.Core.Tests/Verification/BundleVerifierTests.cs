using System.Text.Json.Nodes;
using Pith.Core.Documents;
using Pith.Core.Keys;
using Pith.Core.Verification;
using Pith.Testing;
using Xunit;
using static Pith.Core.Tests.Verification.Outcomes;

namespace Pith.Core.Tests.Verification;

/// <summary>
/// Bundles (spec section 8) built from the seed records carry the resolver's real receipt and verify against the
/// built-in key; each tampering fails exactly the check that guards it. Variants that must be re-signed use the test key.
/// </summary>
public class BundleVerifierTests
{
    private static readonly RecordVerifier Default = new(TrustedKeys.Default());
    private static readonly RecordVerifier WithTestKey = new(TestKey.Default.OnlyThis());

    private static JsonObject SeedBundle(string code = "3V7SYW4G") => MirrorDocumentFactory.Bundle(RecordFactory.Parse(Samples.Seed(code)));

    private static VerificationResult Verify(JsonNode bundle, RecordVerifier? verifier = null) => (verifier ?? Default).Verify(RecordFactory.ToBytes(bundle));

    private static JsonObject Event(JsonObject bundle, int index) => MirrorDocumentFactory.Events(bundle)[index]!.AsObject();

    private static void AssertOnlyFails(JsonObject bundle, params string[] expected)
    {
        var result = Verify(bundle);
        Assert.Equal(expected.Order(StringComparer.Ordinal), Failed(result));
        Assert.False(result.Valid);
    }

    [Theory]
    [MemberData(nameof(Samples.SeedCodes), MemberType = typeof(Samples))]
    public void Bundles_of_the_seed_records_are_valid_against_the_built_in_key(string code)
    {
        var result = Verify(SeedBundle(code));
        Assert.True(result.Valid, string.Join("; ", result.Checks.Where(c => c.Status == CheckStatus.Fail)));
        Assert.Equal(DocumentType.Bundle, result.DocumentType);
        Assert.Equal(Default.Verify(Samples.Seed(code)).PithNumber, result.PithNumber);
        Assert.Equal("pith-v1-2026-05", result.KeyId);
        Assert.Equal(Default.Verify(Samples.Seed(code)).Record!.Aliases, result.Record!.Aliases);
    }

    [Fact]
    public void Reports_every_check_in_a_stable_order_and_what_it_cannot_check_as_not_checked()
    {
        var result = Verify(SeedBundle());
        Assert.Equal(
        [
            "parse", "document_type", "bundle_version", "schema", "canonical_hash", "canonical_sha256", "events", "record_created",
            "events[0].subject_pith_number", "events[0].schema", "events[0].canonical_hash", "events[0].canonical_sha256",
            "events[0].canonical_record", "events[1].subject_pith_number", "events[1].event_id", "events[1].signature",
            "receipt.canonical_sha256", "pith_number", "short_pith_number", "alias.arxiv", "alias.arxiv_version", "alias.doi",
            "alias.pith_short_8", "alias.pith_short_12", "alias.pith_short_16", "receipt.algorithm", "receipt.signed_message",
            "receipt.key_id", "receipt.public_key_fingerprint", "signature", "source",
        ], result.Checks.Select(c => c.Name));
        Assert.Equal(["events[1].event_id", "events[1].signature"], Skipped(result));
        Assert.Contains("event_id hashes is unknown", CheckOf(result, "events[1].event_id").Detail, StringComparison.Ordinal);
        Assert.Contains("graph events are signed is unknown", CheckOf(result, "events[1].signature").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_test_key_bundle_is_valid_only_where_the_test_key_is_trusted()
    {
        var bundle = MirrorDocumentFactory.Bundle(RecordFactory.Create(TestKey.Default));
        Assert.True(Verify(bundle, WithTestKey).Valid);
        var result = Verify(bundle);
        Assert.Equal([CheckName.ReceiptKeyId], Failed(result));
        Assert.Equal(CheckStatus.Skip, CheckOf(result, CheckName.Signature).Status);
    }

    [Fact]
    public void An_event_payload_disagreeing_with_the_canonical_record_fails_naming_the_event()
    {
        var bundle = SeedBundle();
        var payload = Event(bundle, 0)["payload"]!.AsObject();
        payload["canonical_record"]!["metadata"]!["license"] = "http://creativecommons.org/licenses/by/3.0/";
        payload["canonical_sha256"] = Convert.ToHexStringLower(RecordFactory.CanonicalDigest(payload["canonical_record"]!));

        var result = Verify(bundle);

        Assert.Equal(["events[0].canonical_record"], Failed(result));
        Assert.False(result.Valid);
        Assert.Equal("events[0].canonical_record", result.Reason!.Name);
        Assert.StartsWith("record_created event: its payload's canonical record hashes to", result.Reason.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_payload_whose_stated_hash_disagrees_with_its_canonical_record_fails_naming_the_event()
    {
        var bundle = SeedBundle();
        Event(bundle, 0)["payload"]!["canonical_sha256"] = "ed7f2c5b86d6fbf545763f092b5bd192d2f586b272e74911db65d28c0ca6bdcd";
        AssertOnlyFails(bundle, "events[0].canonical_sha256");
        Assert.StartsWith("record_created event: stated ed7f", Verify(bundle).Reason!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_payload_off_schema_fails_its_schema_check()
    {
        var bundle = SeedBundle();
        Event(bundle, 0)["payload"]!["canonical_record"]!["metadata"]!["extra"] = 1;
        AssertOnlyFails(bundle, "events[0].schema");
    }

    [Theory]
    [InlineData("arxiv", "2310.05919")]
    [InlineData("doi", "10.48550/arxiv.2310.05917")]
    [InlineData("pith_short_8", "3V7SYW4H")]
    public void A_forged_alias_in_source_aliases_fails_only_that_alias(string kind, string forged)
    {
        var bundle = SeedBundle();
        bundle["source_aliases"]!.AsArray().Single(a => a!["alias_kind"]!.GetValue<string>() == kind)!["alias_value"] = forged;
        AssertOnlyFails(bundle, "alias." + kind);
    }

    [Fact]
    public void A_bundle_without_a_record_created_event_fails_for_that_reason()
    {
        var bundle = SeedBundle();
        MirrorDocumentFactory.Events(bundle).RemoveAt(0);

        var result = Verify(bundle);

        Assert.Equal([CheckName.ReceiptCanonicalSha256, CheckName.RecordCreated, CheckName.Signature], Failed(result));
        Assert.Equal(CheckName.RecordCreated, result.Reason!.Name);
        Assert.Contains("no record_created event", result.Reason.Detail, StringComparison.Ordinal);
        Assert.False(result.Valid);
    }

    [Fact]
    public void A_bundle_without_events_fails_the_events_check()
    {
        var bundle = SeedBundle();
        bundle.Remove("events");
        AssertOnlyFails(bundle, CheckName.Events, CheckName.RecordCreated, CheckName.ReceiptCanonicalSha256, CheckName.Signature);
    }

    [Fact]
    public void An_event_about_another_pith_number_fails_naming_the_event()
    {
        var bundle = SeedBundle();
        Event(bundle, 1)["subject_pith_number"] = "pith:2013:D52N3J2WQLSLTFYSDVZ62DOE5U";
        AssertOnlyFails(bundle, "events[1].subject_pith_number");
        Assert.StartsWith("graph_snapshot event: stated pith:2013:", Verify(bundle).Reason!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_payload_that_is_not_an_object_fails_naming_the_event()
    {
        var bundle = SeedBundle();
        Event(bundle, 1)["payload"] = "graph";
        AssertOnlyFails(bundle, "events[1].payload");
        Assert.StartsWith("graph_snapshot event: payload is not an object", Verify(bundle).Reason!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_that_is_not_an_object_fails()
    {
        var bundle = SeedBundle();
        MirrorDocumentFactory.Events(bundle).Add(7);
        AssertOnlyFails(bundle, "events[2]");
    }

    [Fact]
    public void A_flipped_bit_of_the_receipt_signature_fails_only_the_signature()
    {
        var bundle = SeedBundle();
        var receipt = Event(bundle, 0)["payload"]!["receipt"]!;
        var signature = Convert.FromBase64String(receipt["signature_b64"]!.GetValue<string>());
        signature[3] ^= 0x10;
        receipt["signature_b64"] = Convert.ToBase64String(signature);
        AssertOnlyFails(bundle, CheckName.Signature);
    }

    [Fact]
    public void A_changed_top_level_canonical_record_fails_its_hash_the_events_and_the_receipt()
    {
        var bundle = SeedBundle();
        bundle["canonical_record"]!["metadata"]!["primary_cat"] = "cs.AI";
        AssertOnlyFails(bundle,
            CheckName.CanonicalSha256, "events[0].canonical_record", "events[0].subject_pith_number", "events[1].subject_pith_number",
            CheckName.ReceiptCanonicalSha256, CheckName.PithNumber, CheckName.ShortPithNumber, "alias.pith_short_8", "alias.pith_short_12",
            "alias.pith_short_16", CheckName.Signature);
    }

    [Theory]
    [InlineData("canonical_sha256", "ed7f2c5b86d6fbf545763f092b5bd192d2f586b272e74911db65d28c0ca6bdcd", CheckName.CanonicalSha256)]
    [InlineData("pith_number", "pith:2024:3V7SYW4G2357KRLWH4ESWW6RSL", CheckName.PithNumber)]
    [InlineData("short_pith_number", "pith:3V7SYW4H", CheckName.ShortPithNumber)]
    [InlineData("bundle_version", "2.0", CheckName.BundleVersion)]
    public void A_wrong_stated_field_fails_only_its_check(string field, string value, string check)
    {
        var bundle = SeedBundle();
        bundle[field] = value;
        AssertOnlyFails(bundle, check);
    }

    [Fact]
    public void A_changed_top_level_source_fails_only_the_source_check()
    {
        var bundle = SeedBundle();
        bundle["source"]!["version"] = 2;
        AssertOnlyFails(bundle, CheckName.Source);
    }

    [Fact]
    public void Only_the_first_record_created_receipt_is_verified_and_the_others_say_so()
    {
        var bundle = SeedBundle();
        var again = Event(bundle, 0).DeepClone().AsObject();
        again["payload"]!["receipt"]!["signature_b64"] = Convert.ToBase64String(new byte[64]);
        MirrorDocumentFactory.Events(bundle).Add(again);

        var result = Verify(bundle);

        Assert.True(result.Valid);
        Assert.Equal("record_created event: only the first record_created event's receipt (events[0]) is verified", CheckOf(result, "events[2].receipt").Detail);
        Assert.Equal(CheckStatus.Skip, CheckOf(result, "events[2].receipt").Status);
    }

    [Fact]
    public void A_truncated_bundle_is_a_one_line_parse_error()
    {
        var bytes = RecordFactory.ToBytes(SeedBundle());
        var result = Default.Verify(bytes.AsMemory(0, bytes.Length / 2));
        Assert.Equal([CheckName.Parse], Failed(result));
        Assert.Single(result.Checks);
        Assert.DoesNotContain('\n', result.Reason!.Detail);
        Assert.Null(result.DocumentType);
    }

    [Fact]
    public void The_document_type_field_is_what_makes_it_a_bundle()
    {
        var bundle = SeedBundle();
        bundle["bundle_type"] = "pith_open_graph_bundle_v2";
        var result = Verify(bundle);
        Assert.Equal([CheckName.DocumentType], Failed(result));
        Assert.Contains("not a Pith bundle", result.Reason!.Detail, StringComparison.Ordinal);
    }
}
