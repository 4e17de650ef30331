using System.Text.Json.Nodes;
using Pith.Core.Keys;
using Pith.Core.Verification;
using Pith.Testing;
using Xunit;

namespace Pith.Core.Tests.Verification;

/// <summary>Which fields of a record are signed: the marking show displays, and the fields verify lists as not signed.</summary>
public class RecordFieldsTests
{
    private const string Abstract = "We attribute grokking to compression.";

    private static Dictionary<string, DisplayField> Displayed(JsonObject record) =>
        RecordFields.Displayed(RecordFactory.ToBytes(record)).ToDictionary(f => f.Name);

    [Fact]
    public void Canonical_fields_are_signed_the_title_up_to_case_and_the_rest_not()
    {
        var record = RecordFactory.Create(TestKey.Default, abstractText: Abstract);
        record["paper"]!["authors_text"] = "A. Author";
        record["paper"]!["headline"] = "A headline";

        var fields = Displayed(record);

        Assert.Equal(FieldSigning.CaseAndWhiteSpace, fields["paper.title"].Signing);
        Assert.Equal((FieldSigning.NotSigned, "A. Author"), (fields["paper.authors_text"].Signing, fields["paper.authors_text"].Value));
        Assert.Equal(FieldSigning.NotSigned, fields["paper.headline"].Signing);
        Assert.Equal(FieldSigning.NotSigned, fields["updated_at"].Signing);
        Assert.Equal(("arxiv 2310.05918v1", FieldSigning.Signed), (fields["source"].Value, fields["source"].Signing));
        foreach (var name in new[] { "submitted_at", "license", "primary_cat", "cross_cats" }) Assert.Equal(FieldSigning.Signed, fields[name].Signing);
        Assert.Equal("cs.AI, stat.ML", fields["cross_cats"].Value);
        // The whole abstract hashes to abstract_canon_sha256, which is blind to case and white space, like the title's.
        Assert.Equal(FieldSigning.CaseAndWhiteSpace, fields["paper.abstract_excerpt"].Signing);
    }

    [Fact]
    public void An_abstract_excerpt_that_is_not_the_whole_abstract_is_not_signed()
    {
        var record = RecordFactory.Create(TestKey.Default, abstractText: Abstract);
        record["paper"]!["abstract_excerpt"] = "We attribute grokking";

        Assert.Equal(FieldSigning.NotSigned, Displayed(record)["paper.abstract_excerpt"].Signing);
    }

    [Fact]
    public void Nothing_a_state_file_brings_is_signed_it_has_no_receipt()
    {
        var state = MirrorDocumentFactory.State(RecordFactory.Create(TestKey.Default));

        var fields = RecordFields.Displayed(RecordFactory.ToBytes(state));

        Assert.Contains(fields, f => f.Name == "source");
        Assert.All(fields, f => Assert.Equal(FieldSigning.NotSigned, f.Signing));
    }

    [Fact]
    public void A_title_that_does_not_hash_to_the_canonical_one_is_not_signed()
    {
        var record = RecordFactory.Create(TestKey.Default);
        record["paper"]!["title"] = "Another title";

        Assert.Equal(FieldSigning.NotSigned, Displayed(record)["paper.title"].Signing);
    }

    [Fact]
    public void Verify_lists_every_unsigned_field_the_record_has_as_not_checked()
    {
        var record = RecordFactory.Create(TestKey.Default);
        record["paper"]!["authors_text"] = "A. Author";
        record["inbound_citations"] = new JsonObject { ["count"] = 3 };
        // What a receipt says of itself is not signed either: a status of "revoked" changes nothing that is checked.
        record["receipt"]!["signature_status"] = "revoked";
        record["verification_status"] = new JsonObject { ["storage_verified"] = true };
        var verifier = new RecordVerifier(TestKey.Default.OnlyThis());

        var result = verifier.Verify(RecordFactory.ToBytes(record));

        Assert.True(result.Valid);
        var notSigned = result.Checks.Where(c => c.Detail == RecordFields.NotSignedDetail).Select(c => c.Name).ToList();
        Assert.Equal(
            ["paper.authors_text", "updated_at", "created_at", "inbound_citations", "schema_version", "verification_status", "receipt.kind",
             "receipt.signature_status", "receipt.receipt_version"],
            notSigned);
        Assert.All(result.Checks.Where(c => c.Detail == RecordFields.NotSignedDetail), c => Assert.Equal(CheckStatus.Skip, c.Status));
    }
}
