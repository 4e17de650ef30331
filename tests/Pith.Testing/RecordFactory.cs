using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pith.Core.Identifiers;
using Pith.Core.Json;
using Pith.Core.Text;

namespace Pith.Testing;

/// <summary>
/// Builds full Pith number records in the resolver's shape (like samples/records), consistent in every
/// derived field and signed with a <see cref="TestKey"/>; and re-derives and re-signs a tampered record.
/// </summary>
public static class RecordFactory
{
    /// <summary>A new, valid, signed record for an arXiv paper.</summary>
    public static JsonObject Create(
        TestKey key,
        string sourceId = "2310.05918",
        int version = 1,
        string title = "Grokking as Compression: A Nonlinear Complexity Perspective",
        string abstractText = "We attribute grokking to compression.",
        string submittedAt = "2023-10-09T17:59:18Z",
        string license = "http://creativecommons.org/licenses/by/4.0/",
        string primaryCat = "cs.LG",
        string[]? crossCats = null,
        string updatedAt = "2026-07-05T06:58:51.293543+00:00")
    {
        crossCats ??= ["stat.ML", "cs.AI"];
        var sortedCats = crossCats.OrderBy(c => c, CodePointComparer.Instance).ToArray();
        var source = new JsonObject { ["kind"] = "arxiv", ["id"] = sourceId, ["version"] = version };
        var record = new JsonObject
        {
            ["record_type"] = "pith_number_record",
            ["schema_url"] = "https://pith.science/schemas/pith-number/v1.json",
            ["pith_number"] = null,
            ["short_pith_number"] = null,
            ["schema_version"] = "1.0",
            ["canonical_sha256"] = null,
            ["source"] = source.DeepClone(),
            ["paper"] = new JsonObject
            {
                ["title"] = title,
                ["license"] = license,
                ["cross_cats"] = new JsonArray(crossCats.Select(c => (JsonNode?)c).ToArray()),
                ["primary_cat"] = primaryCat,
                ["submitted_at"] = submittedAt,
                ["abstract_excerpt"] = abstractText.Length > 600 ? abstractText[..600] : abstractText,
            },
            ["canonical_record"] = new JsonObject
            {
                ["source"] = source,
                ["metadata"] = new JsonObject
                {
                    ["license"] = license,
                    ["primary_cat"] = primaryCat,
                    ["submitted_at"] = submittedAt,
                    ["cross_cats_sorted"] = new JsonArray(sortedCats.Select(c => (JsonNode?)c).ToArray()),
                    ["title_canon_sha256"] = CanonicalText.Sha256Hex(title),
                    ["abstract_canon_sha256"] = CanonicalText.Sha256Hex(abstractText),
                },
                ["schema_version"] = "1.0",
            },
            ["receipt"] = new JsonObject
            {
                ["kind"] = "pith_receipt",
                ["algorithm"] = "ed25519",
                ["signed_message"] = "canonical_sha256_bytes",
                ["receipt_version"] = "0.3",
                ["signature_status"] = "signed_v1",
            },
            ["aliases"] = new JsonArray(),
            ["created_at"] = updatedAt,
            ["updated_at"] = updatedAt,
        };
        return Resign(record, key);
    }

    /// <summary>
    /// Re-derives every field that follows from <c>canonical_record</c> (hashes, Pith numbers, aliases) and signs
    /// it with <paramref name="key"/>, leaving the rest as it is.
    /// </summary>
    public static JsonObject Resign(JsonObject record, TestKey key)
    {
        var digest = Rederive(record);
        var receipt = record["receipt"]!.AsObject();
        receipt["key_id"] = key.KeyId;
        receipt["public_key_fingerprint"] = key.Trusted.Fingerprint;
        receipt["signature_b64"] = Convert.ToBase64String(key.Sign(digest));
        return record;
    }

    /// <summary>
    /// Re-derives the fields that follow from <c>canonical_record</c> but leaves the receipt's key and signature:
    /// a consistent record whose only flaw can be its signature. Returns the new digest.
    /// </summary>
    public static byte[] Rederive(JsonObject record)
    {
        var digest = CanonicalDigest(record["canonical_record"]!);
        var hex = Convert.ToHexStringLower(digest);
        var canonical = record["canonical_record"]!;
        var number = PithNumber.Derive(digest, canonical["metadata"]!["submitted_at"]!.GetValue<string>());
        var aliases = PithAliases.Derive(canonical["source"]!["id"]!.GetValue<string>(), long.Parse(canonical["source"]!["version"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture), number);
        record["pith_number"] = number.ToString();
        record["short_pith_number"] = number.Short;
        record["canonical_sha256"] = hex;
        record["aliases"] = new JsonArray(aliases.Select(a => (JsonNode?)new JsonObject
        {
            ["alias_kind"] = a.Kind,
            ["alias_value"] = a.Value,
            ["created_at"] = "2026-07-05T06:58:51.293543+00:00",
        }).ToArray());
        record["receipt"]!["canonical_sha256"] = hex;
        return digest;
    }

    /// <summary>The canonical digest of a node, computed by the writer under test's sibling: Core's CanonicalJson.</summary>
    public static byte[] CanonicalDigest(JsonNode canonicalRecord)
    {
        using var doc = JsonDocument.Parse(canonicalRecord.ToJsonString());
        var (digest, error) = CanonicalJson.Sha256(doc.RootElement);
        return digest ?? throw new InvalidOperationException(error!.Reason);
    }

    public static byte[] ToBytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    /// <summary>
    /// The same JSON document in other bytes: every object's keys in reverse order, indented with CRLF line breaks, and
    /// non-ASCII characters and '+' escaped (\u00e9, \u002B).
    /// </summary>
    public static byte[] Reformatted(JsonNode node)
    {
        var options = new JsonSerializerOptions { WriteIndented = true, NewLine = "\r\n" };
        return Encoding.UTF8.GetBytes(Reversed(node)!.ToJsonString(options));
    }

    private static JsonNode? Reversed(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Reverse().Select(p => KeyValuePair.Create(p.Key, Reversed(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Reversed).ToArray()),
        _ => node?.DeepClone(),
    };

    public static JsonObject Parse(byte[] bytes) => JsonNode.Parse(bytes)!.AsObject();
}
