using System.Text.Json.Nodes;
using Pith.Core.Keys;
using Pith.Core.Verification;
using Pith.Testing;
using Xunit;

namespace Pith.Core.Tests.Verification;

public class VerificationResultTests
{
    private static readonly RecordVerifier Default = new(TrustedKeys.Default());

    private static JsonObject Seed() => RecordFactory.Parse(Samples.Seed("3V7SYW4G"));

    public static TheoryData<string> Documents => new("valid", "tampered title", "untrusted key", "unsigned state", "bundle", "not JSON");

    private static VerificationResult Verify(string document) => document switch
    {
        "valid" => Default.Verify(Samples.Seed("3V7SYW4G")),
        "tampered title" => Default.Verify(RecordFactory.ToBytes(Tampered())),
        "untrusted key" => new RecordVerifier(TestKey.Default.OnlyThis()).Verify(Samples.Seed("3V7SYW4G")),
        "unsigned state" => Default.Verify(RecordFactory.ToBytes(MirrorDocumentFactory.State(Seed()))),
        "bundle" => Default.Verify(RecordFactory.ToBytes(MirrorDocumentFactory.Bundle(Seed()))),
        _ => Default.Verify("<html>"u8.ToArray()),
    };

    private static JsonObject Tampered()
    {
        var record = Seed();
        record["paper"]!["title"] = "Another title";
        return record;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_deciding_checks_give_the_same_verdict_and_reason(string document)
    {
        var whole = Verify(document);
        var deciding = whole.WithDecidingChecks();

        Assert.Equal(whole.Valid, deciding.Valid);
        Assert.Equal(whole.Consistent, deciding.Consistent);
        Assert.Equal(whole.Accepted(allowUnsigned: false), deciding.Accepted(allowUnsigned: false));
        Assert.Equal(whole.Accepted(allowUnsigned: true), deciding.Accepted(allowUnsigned: true));
        Assert.Equal(whole.Reason, deciding.Reason);
        Assert.Equal(whole.DocumentType, deciding.DocumentType);
        Assert.Equal(whole.KeyId, deciding.KeyId);
        Assert.Same(whole.Record, deciding.Record);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Only_failed_checks_and_the_signature_are_kept(string document)
    {
        var whole = Verify(document);
        var kept = whole.Checks.Where(c => c.Status == CheckStatus.Fail || c.Name == CheckName.Signature).ToList();

        Assert.Equal(kept, whole.WithDecidingChecks().Checks);
    }

    [Fact]
    public void A_valid_record_keeps_one_check_of_its_forty()
    {
        var whole = Verify("valid");
        var deciding = whole.WithDecidingChecks();

        Assert.True(whole.Checks.Count > 30);
        Assert.Equal([CheckName.Signature], deciding.Checks.Select(c => c.Name));
        Assert.True(deciding.Valid);
    }

    [Fact]
    public void A_tampered_record_keeps_its_failure_as_the_reason()
    {
        var deciding = Verify("tampered title").WithDecidingChecks();

        Assert.False(deciding.Valid);
        Assert.Equal(CheckName.TitleHash, deciding.Reason!.Name);
        Assert.Contains(deciding.Checks, c => c.Name == CheckName.Signature && c.Status == CheckStatus.Pass);
    }
}
