using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pith.Core.Documents;
using Pith.Core.Json;
using Pith.Testing;
using Xunit;

namespace Pith.Core.Tests.Documents;

/// <summary>Where each document keeps its canonical record, and its canonical JSON as <c>pith show --canonical</c> writes it.</summary>
public class CanonicalRecordLocationTests
{
    private static readonly JsonObject Seed = RecordFactory.Parse(Samples.Seed("3V7SYW4G"));

    private static byte[] ExpectedBytes()
    {
        var (bytes, _) = CanonicalJson.Serialize(JsonSerializer.SerializeToElement(Seed["canonical_record"]));
        return bytes!;
    }

    public static TheoryData<string> Documents => new("record", "bundle", "state");

    private static JsonObject Document(string kind) => kind switch
    {
        "bundle" => MirrorDocumentFactory.Bundle(Seed),
        "state" => MirrorDocumentFactory.State(Seed),
        _ => Seed.DeepClone().AsObject(),
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Canonical_bytes_are_the_canonical_json_of_the_canonical_record_wherever_the_document_keeps_it(string kind)
    {
        var result = CanonicalRecordLocation.CanonicalBytes(RecordFactory.ToBytes(Document(kind)));

        Assert.Null(result.Error);
        Assert.Equal(ExpectedBytes(), result.Value);
    }

    [Fact]
    public void A_state_file_keeps_it_in_current_only()
    {
        var state = MirrorDocumentFactory.State(Seed);
        state["canonical_record"] = new JsonObject { ["decoy"] = true };
        Assert.Equal(ExpectedBytes(), CanonicalRecordLocation.CanonicalBytes(RecordFactory.ToBytes(state)).Value);

        state.Remove("current");
        Assert.Equal("no current (the merged view)", CanonicalRecordLocation.CanonicalBytes(RecordFactory.ToBytes(state)).Error);
    }

    [Theory]
    [InlineData("not json", "not JSON: the file does not start with '{'")]
    [InlineData("{\"record_type\":\"pith_number_record\"}", "no canonical_record")]
    [InlineData("{\"state_type\":\"pith_open_graph_state\",\"current\":{}}", "no current.canonical_record")]
    [InlineData("{\"state_type\":\"pith_open_graph_state\",\"current\":[]}", "current is not an object")]
    [InlineData("{\"canonical_record\":{}}", "not a Pith document: no record_type, bundle_type or state_type")]
    public void A_document_without_a_readable_canonical_record_gives_the_reason(string text, string reason)
    {
        var result = CanonicalRecordLocation.CanonicalBytes(Encoding.UTF8.GetBytes(text));

        Assert.Null(result.Value);
        Assert.Equal(reason, result.Error);
    }
}
