using System.Text;
using System.Text.Json.Nodes;
using Pith.Core.Keys;
using Pith.Core.Verification;
using Pith.Testing;
using Xunit;

namespace Pith.Core.Tests.Verification;

/// <summary>
/// Each check guards something: tampering exactly that makes that check, and only the checks that depend on it,
/// fail. The seed records are signed by the real resolver key; records that must be re-signed use a test key.
/// </summary>
public class RecordVerifierTests
{
    private static readonly RecordVerifier Default = new(TrustedKeys.Default());
    private static readonly TestKey Test = TestKey.Default;
    private static readonly RecordVerifier WithTestKey = new(Test.OnlyThis());

    // What changes with the canonical digest: every derived field and the signature.
    private static readonly string[] DigestDependents =
    [
        CheckName.CanonicalSha256, CheckName.ReceiptCanonicalSha256, CheckName.PithNumber, CheckName.ShortPithNumber,
        "alias.pith_short_8", "alias.pith_short_12", "alias.pith_short_16", CheckName.Signature,
    ];

    private static JsonObject Seed(string code = "3V7SYW4G") => RecordFactory.Parse(Samples.Seed(code));

    private static VerificationResult Verify(JsonNode record, RecordVerifier? verifier = null) =>
        (verifier ?? Default).Verify(RecordFactory.ToBytes(record));

    private static string[] Failed(VerificationResult result) => Outcomes.Failed(result);

    private static Check CheckOf(VerificationResult result, string name) => Outcomes.CheckOf(result, name);

    private static void AssertOnlyFails(JsonObject record, params string[] expected) => AssertOnlyFails(record, Default, expected);

    private static void AssertOnlyFails(JsonObject record, RecordVerifier verifier, params string[] expected)
    {
        var result = Verify(record, verifier);
        Assert.Equal(expected.Order(StringComparer.Ordinal), Failed(result));
        Assert.False(result.Valid);
    }

    [Theory]
    [MemberData(nameof(Samples.SeedCodes), MemberType = typeof(Samples))]
    public void The_seed_records_are_valid_against_the_built_in_key(string code)
    {
        var result = Default.Verify(Samples.Seed(code));
        Assert.True(result.Valid, string.Join("; ", result.Checks.Where(c => c.Status == CheckStatus.Fail)));
        Assert.StartsWith(code, result.PithNumber!.Value.Code, StringComparison.Ordinal);
        Assert.Equal("pith-v1-2026-05", result.KeyId);
        Assert.Equal(CheckStatus.Pass, CheckOf(result, CheckName.Signature).Status);
    }

    [Fact]
    public void Refuses_a_document_larger_than_a_record_may_be()
    {
        var huge = Default.Verify(new byte[Pith.Core.Documents.JsonDocumentReader.MaxBytes + 100_000]);
        Assert.Equal([CheckName.Parse], Failed(huge));
        Assert.Contains("more than", huge.Reason!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_every_check_in_a_stable_order()
    {
        var result = Default.Verify(Samples.Seed("3V7SYW4G"));
        Assert.Equal(
        [
            "parse", "document_type", "schema", "canonical_hash", "canonical_sha256", "receipt.canonical_sha256", "pith_number",
            "short_pith_number", "alias.arxiv", "alias.arxiv_version", "alias.doi", "alias.pith_short_8", "alias.pith_short_12",
            "alias.pith_short_16", "receipt.algorithm", "receipt.signed_message", "receipt.key_id", "receipt.public_key_fingerprint",
            "signature", "source", "paper.submitted_at", "paper.license", "paper.primary_cat", "paper.cross_cats", "title_hash",
            "abstract_hash", "paper.abstract_excerpt", "graph_snapshot",
            "paper.authors_text", "paper.headline", "updated_at", "created_at", "receipt.signed_at", "receipt.first_computed_at", "receipt.last_reissued_at", "inbound_citations",
            "schema_version", "attestation_state", "verification_status", "receipt.kind", "receipt.signature_status", "receipt.receipt_version",
            "receipt.builder_version",
        ], result.Checks.Select(c => c.Name));
        Assert.Equal("dd7f2c5b86d6fbf545763f092b5bd192d2f586b272e74911db65d28c0ca6bdcd", CheckOf(result, CheckName.CanonicalHash).Detail);
    }

    public static IEnumerable<object[]> RealUnsigned() => Samples.RealUnsignedFiles.Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(RealUnsigned))]
    public void Real_unsigned_records_fail_only_for_their_missing_signature(string file)
    {
        var result = Default.Verify(File.ReadAllBytes(Path.Combine(Samples.RealUnsigned, file)));
        Assert.Equal([CheckName.Signature], Failed(result));
        Assert.Contains("unsigned", CheckOf(result, CheckName.Signature).Detail, StringComparison.Ordinal);
        Assert.False(result.Valid);
        Assert.StartsWith(Path.GetFileNameWithoutExtension(file), result.PithNumber!.Value.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_canonical_field_fails_every_derived_check_and_the_signature()
    {
        var record = Seed();
        record["canonical_record"]!["metadata"]!["license"] = "http://creativecommons.org/licenses/by/3.0/";
        AssertOnlyFails(record, [.. DigestDependents, CheckName.PaperLicense]);
    }

    [Fact]
    public void A_changed_canonical_field_with_everything_rederived_fails_only_the_signature()
    {
        var record = Seed();
        record["canonical_record"]!["metadata"]!["primary_cat"] = "cs.AI";
        record["paper"]!["primary_cat"] = "cs.AI";
        RecordFactory.Rederive(record);
        AssertOnlyFails(record, CheckName.Signature);
    }

    [Fact]
    public void One_flipped_bit_of_the_signature_fails_only_the_signature()
    {
        var record = Seed();
        var signature = Convert.FromBase64String(record["receipt"]!["signature_b64"]!.GetValue<string>());
        signature[17] ^= 0x04;
        record["receipt"]!["signature_b64"] = Convert.ToBase64String(signature);
        AssertOnlyFails(record, CheckName.Signature);
    }

    [Fact]
    public void An_unknown_key_id_fails_the_key_check_and_leaves_the_signature_unverified()
    {
        var record = Seed();
        record["receipt"]!["key_id"] = "pith-v9-2030-01";
        var result = Verify(record);
        Assert.Equal([CheckName.ReceiptKeyId], Failed(result));
        Assert.Equal(CheckStatus.Skip, CheckOf(result, CheckName.Signature).Status);
        Assert.Equal(CheckStatus.Skip, CheckOf(result, CheckName.ReceiptFingerprint).Status);
        Assert.False(result.Valid);
        Assert.Equal("pith-v9-2030-01", result.KeyId);
    }

    [Fact]
    public void A_missing_fingerprint_fails_only_the_fingerprint()
    {
        var record = Seed();
        record["receipt"]!.AsObject().Remove("public_key_fingerprint");
        AssertOnlyFails(record, CheckName.ReceiptFingerprint);
    }

    [Fact]
    public void A_wrong_fingerprint_fails_only_the_fingerprint()
    {
        var record = Seed();
        record["receipt"]!["public_key_fingerprint"] = "8d4b5ee74e4693bcd1df2446408b0d55";
        AssertOnlyFails(record, CheckName.ReceiptFingerprint);
    }

    [Theory]
    [InlineData("pith:2023:3V7SYW4G2357KRLWH4ESWW6RSM")]
    [InlineData("pith:2024:3V7SYW4G2357KRLWH4ESWW6RSL")]
    [InlineData("pith:2023:3V7SYW4G2357KRLWH4ESWW6RSI")]
    public void A_wrong_pith_number_fails_only_the_pith_number(string number)
    {
        var record = Seed();
        record["pith_number"] = number;
        AssertOnlyFails(record, CheckName.PithNumber);
    }

    [Fact]
    public void A_wrong_short_number_fails_only_the_short_number()
    {
        var record = Seed();
        record["short_pith_number"] = "pith:3V7SYW4H";
        AssertOnlyFails(record, CheckName.ShortPithNumber);
    }

    [Theory]
    [InlineData("arxiv", "2310.05919")]
    [InlineData("arxiv_version", "2310.05918v2")]
    [InlineData("doi", "10.48550/arxiv.2310.05917")]
    [InlineData("pith_short_8", "3V7SYW4H")]
    [InlineData("pith_short_12", "3V7SYW4G2358")]
    [InlineData("pith_short_16", "3V7SYW4G2357KRLX")]
    public void A_forged_alias_fails_only_that_alias(string kind, string forged)
    {
        var record = Seed();
        record["aliases"]!.AsArray().Single(a => a!["alias_kind"]!.GetValue<string>() == kind)!["alias_value"] = forged;
        AssertOnlyFails(record, "alias." + kind);
    }

    [Fact]
    public void A_doi_alias_in_another_case_is_the_same_doi()
    {
        var record = Seed();
        record["aliases"]!.AsArray().Single(a => a!["alias_kind"]!.GetValue<string>() == "doi")!["alias_value"] = "10.48550/ARXIV.2310.05918";
        Assert.True(Verify(record).Valid);
    }

    [Fact]
    public void Missing_and_unknown_aliases_are_not_checked_and_say_so()
    {
        var record = Seed();
        var aliases = record["aliases"]!.AsArray();
        aliases.Remove(aliases.Single(a => a!["alias_kind"]!.GetValue<string>() == "doi"));
        aliases.Add(new JsonObject { ["alias_kind"] = "orcid", ["alias_value"] = "0000-0001" });
        var result = Verify(record);
        Assert.True(result.Valid);
        Assert.Equal(CheckStatus.Skip, CheckOf(result, "alias.doi").Status);
        Assert.Equal(CheckStatus.Skip, CheckOf(result, "alias.orcid").Status);
    }

    [Fact]
    public void A_malformed_alias_list_fails_the_alias_check()
    {
        var record = Seed();
        record["aliases"]!.AsArray().Add(42);
        AssertOnlyFails(record, CheckName.Aliases);
    }

    [Fact]
    public void A_wrong_receipt_hash_fails_only_the_receipt_hash()
    {
        var record = Seed();
        record["receipt"]!["canonical_sha256"] = "ed7f2c5b86d6fbf545763f092b5bd192d2f586b272e74911db65d28c0ca6bdcd";
        AssertOnlyFails(record, CheckName.ReceiptCanonicalSha256);
    }

    [Fact]
    public void A_wrong_top_level_hash_fails_only_the_top_level_hash()
    {
        var record = Seed();
        record["canonical_sha256"] = "ed7f2c5b86d6fbf545763f092b5bd192d2f586b272e74911db65d28c0ca6bdcd";
        AssertOnlyFails(record, CheckName.CanonicalSha256);
    }

    [Fact]
    public void Missing_stated_hash_and_numbers_fail()
    {
        var record = Seed();
        record.Remove("canonical_sha256");
        record.Remove("pith_number");
        record.Remove("short_pith_number");
        AssertOnlyFails(record, CheckName.CanonicalSha256, CheckName.PithNumber, CheckName.ShortPithNumber);
    }

    [Fact]
    public void A_changed_title_fails_only_the_title_hash()
    {
        var record = Seed();
        record["paper"]!["title"] = "Grokking as Compression: A Linear Complexity Perspective";
        AssertOnlyFails(record, CheckName.TitleHash);
    }

    [Fact]
    public void A_title_differing_only_in_case_and_spacing_still_matches()
    {
        var record = Seed();
        record["paper"]!["title"] = "  GROKKING as\tCompression:\nA Nonlinear   Complexity Perspective ";
        Assert.True(Verify(record).Valid);
    }

    [Theory]
    [InlineData("submitted_at", "2023-10-10T17:59:18Z", CheckName.PaperSubmittedAt)]
    [InlineData("license", "", CheckName.PaperLicense)]
    [InlineData("primary_cat", "cs.AI", CheckName.PaperPrimaryCat)]
    public void A_changed_paper_field_fails_only_its_cross_check(string field, string value, string check)
    {
        var record = Seed();
        record["paper"]![field] = value;
        AssertOnlyFails(record, check);
    }

    [Fact]
    public void Cross_categories_compare_as_a_sorted_list()
    {
        var record = Seed();
        record["paper"]!["cross_cats"] = new JsonArray("stat.ML", "cs.AI");
        Assert.True(Verify(record).Valid);
        record["paper"]!["cross_cats"] = new JsonArray("stat.ML", "cs.AI", "cs.CL");
        AssertOnlyFails(record, CheckName.PaperCrossCats);
    }

    [Fact]
    public void A_changed_top_level_source_fails_only_the_source_check()
    {
        var record = Seed();
        record["source"]!["version"] = 2;
        AssertOnlyFails(record, CheckName.Source);
    }

    [Fact]
    public void An_unknown_algorithm_fails_and_leaves_the_signature_unverified()
    {
        var record = Seed();
        record["receipt"]!["algorithm"] = "rsa-pss";
        var result = Verify(record);
        Assert.Equal([CheckName.ReceiptAlgorithm], Failed(result));
        Assert.Equal(CheckStatus.Skip, CheckOf(result, CheckName.Signature).Status);
        Assert.False(result.Valid);
    }

    [Fact]
    public void An_unknown_signed_message_fails()
    {
        var record = Seed();
        record["receipt"]!["signed_message"] = "canonical_sha256_hex";
        AssertOnlyFails(record, CheckName.ReceiptSignedMessage);
    }

    [Fact]
    public void A_record_without_signature_is_unsigned()
    {
        var record = Seed();
        record["receipt"]!.AsObject().Remove("signature_b64");
        AssertOnlyFails(record, CheckName.Signature);
        Assert.Contains("unsigned", Verify(record).Reason!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_without_receipt_is_unsigned()
    {
        var record = Seed();
        record.Remove("receipt");
        AssertOnlyFails(record, CheckName.ReceiptCanonicalSha256, CheckName.Signature);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void A_signature_that_is_not_64_bytes_of_base64_fails(string signature)
    {
        var record = Seed();
        record["receipt"]!["signature_b64"] = signature;
        AssertOnlyFails(record, CheckName.Signature);
    }

    [Fact]
    public void A_test_key_record_is_valid_only_where_the_test_key_is_trusted()
    {
        var record = RecordFactory.Create(Test);
        Assert.True(Verify(record, WithTestKey).Valid);
        AssertOnlyFails(record, Default, CheckName.ReceiptKeyId);
    }

    [Fact]
    public void A_signature_by_another_key_under_a_trusted_key_id_fails()
    {
        var record = RecordFactory.Create(new TestKey("someone-else"));
        record["receipt"]!["key_id"] = Test.KeyId;
        record["receipt"]!["public_key_fingerprint"] = Test.Trusted.Fingerprint;
        AssertOnlyFails(record, WithTestKey, CheckName.Signature);
    }

    [Theory]
    [InlineData("{\"x\":1,\"sub\":{\"a\":\"b\"}}")]
    [InlineData("{\"graph_snapshot\":{}}")]
    [InlineData("{\"license\":1}")]
    public void A_canonical_record_off_schema_fails_the_schema(string extraField)
    {
        var record = Seed();
        foreach (var (name, value) in JsonNode.Parse(extraField)!.AsObject().ToList())
            record["canonical_record"]!["metadata"]![name] = value?.DeepClone();
        var result = Verify(record);
        Assert.Equal([CheckName.Schema], Failed(result));
        Assert.Null(result.PithNumber);
    }

    [Theory]
    [InlineData("schema_version", "2.0", "schema_version")]
    [InlineData("source.kind", "github", "kind")]
    [InlineData("source.version", "0", "positive integer")]
    [InlineData("source.id", "", "non-empty")]
    [InlineData("metadata.submitted_at", "2023-10-09", "YYYY-MM-DD")]
    [InlineData("metadata.title_canon_sha256", "ABC", "64 lower-case hex")]
    [InlineData("metadata.title_canon_sha256", "2203e59062cc1535f4d3267ecfcc0a9297235d26ec39b79980bd19b9c6fd78fb\n", "64 lower-case hex")]
    [InlineData("metadata.submitted_at", "2023-10-09T17:59:18Z\n", "YYYY-MM-DD")]
    public void Schema_failures_name_the_field(string path, string value, string reason)
    {
        var record = Seed();
        var parts = path.Split('.');
        var owner = parts.Length == 1 ? record["canonical_record"]! : record["canonical_record"]![parts[0]]!;
        owner[parts[^1]] = path == "source.version" ? JsonValue.Create(0) : JsonValue.Create(value);
        var result = Verify(record);
        Assert.Equal([CheckName.Schema], Failed(result));
        Assert.Contains(reason, CheckOf(result, CheckName.Schema).Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("123456789012345678901234567890", "is a positive integer larger than pith handles (at most 9223372036854775807)")]
    [InlineData("-123456789012345678901234567890", "is not a positive integer")]
    [InlineData("1.5", "is not a positive integer")]
    [InlineData("\"2\"", "is not a positive integer")]
    public void A_source_version_pith_cannot_take_is_refused_for_what_it_is(string version, string reason)
    {
        var record = Seed();
        record["canonical_record"]!["source"]!["version"] = JsonNode.Parse(version);
        var result = Verify(record);
        Assert.Equal([CheckName.Schema], Failed(result));
        Assert.Equal("canonical_record.source.version " + reason, CheckOf(result, CheckName.Schema).Detail);
    }

    [Fact]
    public void A_lone_surrogate_in_the_canonical_record_is_refused()
    {
        var text = Encoding.UTF8.GetString(Samples.Seed("3V7SYW4G")).Replace("\"primary_cat\":\"cs.LG\",\"submitted_at\"", "\"primary_cat\":\"cs.LG\\ud800\",\"submitted_at\"", StringComparison.Ordinal);
        var result = Default.Verify(Encoding.UTF8.GetBytes(text));
        Assert.Equal([CheckName.Schema], Failed(result));
        Assert.Contains("lone surrogate", CheckOf(result, CheckName.Schema).Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"record_type\":\"something_else\"}", "not a Pith number record")]
    [InlineData("{\"record_type\":\"pith_open_graph_bundle\"}", "not a Pith number record: record_type is 'pith_open_graph_bundle'")]
    [InlineData("{\"bundle_type\":\"pith_number_record\"}", "not a Pith bundle")]
    [InlineData("{\"state_type\":1}", "not a Pith state file: state_type is ''")]
    [InlineData("{\"hello\":\"world\"}", "not a Pith document")]
    [InlineData("[1,2,3]", "not a Pith document")]
    public void Other_json_is_not_a_record(string json, string reason)
    {
        var result = Default.Verify(Encoding.UTF8.GetBytes(json));
        Assert.Equal([CheckName.DocumentType], Failed(result));
        Assert.Contains(reason, result.Reason!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_with_a_duplicate_key_is_refused_before_any_hashing()
    {
        var text = Encoding.UTF8.GetString(Samples.Seed("3V7SYW4G")).Replace("{\"record_type\"", "{\"pith_number\":\"x\",\"record_type\"", StringComparison.Ordinal);
        var result = Default.Verify(Encoding.UTF8.GetBytes(text));
        Assert.Equal([CheckName.Parse], Failed(result));
        Assert.Single(result.Checks);
    }

    [Fact]
    public void Non_records_fail_to_parse_with_one_line()
    {
        foreach (var file in Directory.EnumerateFiles(Samples.NotRecords))
        {
            var result = Default.Verify(File.ReadAllBytes(file));
            Assert.Equal([CheckName.Parse], Failed(result));
            Assert.DoesNotContain('\n', result.Reason!.Detail);
        }
    }

    [Fact]
    public void A_whole_abstract_as_excerpt_is_checked_and_a_partial_one_is_not()
    {
        var record = RecordFactory.Create(Test, abstractText: "A short abstract,\nwith a line break.");
        var result = Verify(record, WithTestKey);
        Assert.Equal(CheckStatus.Pass, CheckOf(result, CheckName.AbstractHash).Status);
        record["paper"]!["abstract_excerpt"] = "A short abstract,";
        result = Verify(record, WithTestKey);
        Assert.Equal(CheckStatus.Skip, CheckOf(result, CheckName.AbstractHash).Status);
        Assert.Contains("excerpt only", CheckOf(result, CheckName.AbstractHash).Detail, StringComparison.Ordinal);
        Assert.True(result.Valid);
    }

    [Fact]
    public void A_non_ascii_title_says_that_normalisation_is_unknown()
    {
        var record = RecordFactory.Create(Test, title: "Schrödinger's ΣΑΣ and İstanbul");
        var result = Verify(record, WithTestKey);
        Assert.True(result.Valid);
        Assert.Contains("normalises Unicode first is unknown", CheckOf(result, CheckName.TitleHash).Detail, StringComparison.Ordinal);
        record["paper"]!["title"] = "Schrödinger's ΣΑΣ and Istanbul";
        AssertOnlyFails(record, WithTestKey, CheckName.TitleHash);
    }

    [Fact]
    public void A_paper_that_is_not_an_object_fails()
    {
        var record = Seed();
        record["paper"] = "Grokking";
        AssertOnlyFails(record, "paper");
    }

    [Fact]
    public void Graph_snapshots_are_not_checked_and_say_why()
    {
        var check = CheckOf(Default.Verify(Samples.Seed("3V7SYW4G")), CheckName.GraphSnapshot);
        Assert.Equal(CheckStatus.Skip, check.Status);
        Assert.Contains("unknown", check.Detail, StringComparison.Ordinal);
    }
}
