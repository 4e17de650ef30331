using System.Text.Json;
using Pith.Core.Json;

namespace Pith.Core.Documents;

/// <summary>What a parsed JSON document claims to be (spec sections 1 and 8), as named in results.</summary>
public static class DocumentType
{
    public const string Record = "pith_number_record";
    public const string Bundle = "pith_open_graph_bundle";
    public const string State = "pith_open_graph_state";

    // Each document names its type in a field of its own; a type is recognised only in its own field.
    private static readonly (string Field, string Type, string What)[] Kinds =
    [
        ("record_type", Record, "a Pith number record"),
        ("bundle_type", Bundle, "a Pith bundle"),
        ("state_type", State, "a Pith state file"),
    ];

    /// <summary>
    /// The type a document states in the first type field it has ("" when that is not a string), or null when it has
    /// none; <paramref name="known"/> is the type when it is one of the three and stated in its own field.
    /// <paramref name="why"/> says why the document is not a known one.
    /// </summary>
    public static string? Of(JsonElement root, out string? known, out string? why)
    {
        known = null;
        if (root.ValueKind == JsonValueKind.Object)
        {
            foreach (var (field, type, what) in Kinds)
            {
                var value = JsonFields.String(root, field);
                if (!value.Present) continue;
                var stated = value.Value ?? "";
                if (stated == type) known = type;
                why = known is null ? $"not {what}: {field} is '{stated}'" : null;
                return stated;
            }
        }
        why = "not a Pith document: no record_type, bundle_type or state_type";
        return null;
    }
}
