using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Pith.Testing;

/// <summary>
/// Builds the documents mirrors serve besides a record (spec section 8), in the spec's shape, from a record: a bundle
/// (the record's canonical record, aliases and receipt in a <c>record_created</c> event, plus a graph event) and a
/// state file (the merged view). Built from a real seed record they carry its real receipt; from a
/// <see cref="RecordFactory"/> record, the test key's.
/// </summary>
public static class MirrorDocumentFactory
{
    public const string MergeVersion = "pith-open-graph-merge-v1";

    /// <summary>A bundle of <paramref name="record"/>: events[0] is record_created (with the receipt), events[1] a graph snapshot.</summary>
    public static JsonObject Bundle(JsonObject record)
    {
        var number = record["pith_number"]!.GetValue<string>();
        return new JsonObject
        {
            ["bundle_type"] = "pith_open_graph_bundle",
            ["bundle_version"] = "1.0",
            ["pith_number"] = number,
            ["short_pith_number"] = record["short_pith_number"]!.DeepClone(),
            ["canonical_record"] = record["canonical_record"]!.DeepClone(),
            ["canonical_sha256"] = record["canonical_sha256"]!.DeepClone(),
            ["source"] = record["canonical_record"]!["source"]!.DeepClone(),
            ["source_aliases"] = record["aliases"]!.DeepClone(),
            ["events"] = new JsonArray(
                new JsonObject
                {
                    ["event_type"] = "record_created",
                    ["subject_pith_number"] = number,
                    ["target"] = "record",
                    ["created_at"] = record["created_at"]?.DeepClone(),
                    ["payload"] = new JsonObject
                    {
                        ["canonical_record"] = record["canonical_record"]!.DeepClone(),
                        ["canonical_sha256"] = record["canonical_sha256"]!.DeepClone(),
                        ["receipt"] = record["receipt"]!.DeepClone(),
                    },
                },
                GraphEvent(record, number)),
        };
    }

    /// <summary>A state file of <paramref name="record"/>: two valid events, the graph snapshot listed.</summary>
    public static JsonObject State(JsonObject record)
    {
        var number = record["pith_number"]!.GetValue<string>();
        var snapshot = GraphEvent(record, number);
        snapshot.Remove("event_type");
        snapshot.Remove("subject_pith_number");
        return new JsonObject
        {
            ["state_type"] = "pith_open_graph_state",
            ["state_version"] = "1.0",
            ["pith_number"] = number,
            ["merge_version"] = MergeVersion,
            ["event_count"] = 2,
            ["valid_event_count"] = 2,
            ["invalid_event_count"] = 0,
            ["equivocation_count"] = 0,
            ["current"] = new JsonObject
            {
                ["canonical_record"] = record["canonical_record"]!.DeepClone(),
                ["source_aliases"] = record["aliases"]!.DeepClone(),
                ["graph_snapshots"] = new JsonArray(snapshot),
            },
        };
    }

    /// <summary>The events array of a bundle.</summary>
    public static JsonArray Events(JsonObject bundle) => bundle["events"]!.AsArray();

    // Event ids and graph signatures follow rules the spec does not know: these are placeholders of the right shape.
    private static JsonObject GraphEvent(JsonObject record, string number) => new()
    {
        ["event_type"] = "graph_snapshot",
        ["subject_pith_number"] = number,
        ["target"] = "graph",
        ["event_id"] = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("graph event of " + number))),
        ["created_at"] = record["created_at"]?.DeepClone(),
        ["signer"] = new JsonObject
        {
            ["key_id"] = "pith-graph-test",
            ["public_key_fingerprint"] = "00000000000000000000000000000000",
            ["signer_id"] = "pith-test",
            ["signer_type"] = "service",
        },
        ["signature_b64"] = Convert.ToBase64String(new byte[64]),
        ["payload"] = new JsonObject { ["graph_snapshot"] = record["graph_snapshot"]?.DeepClone() ?? new JsonObject() },
    };
}
