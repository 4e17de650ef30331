using System.Text.Json;
using Pith.Core.Json;

namespace Pith.Core.Verification;

/// <summary>
/// What bundles and state files share beyond the canonical record: their format version, and the parts of graph
/// events whose rules the spec does not know (section 8), reported as not checked rather than passed.
/// </summary>
internal static class EventChecks
{
    /// <summary>The only bundle and state version the spec describes.</summary>
    public const string KnownVersion = "1.0";

    public const string UnknownEventId = "what event_id hashes is unknown (spec section 8): not checked";

    public const string UnknownGraphSignature = "how graph events are signed is unknown (spec section 8): not checked";

    /// <summary>The document's <paramref name="field"/> (bundle_version, state_version): absent is not checked, another value fails.</summary>
    public static void CheckVersion(List<Check> checks, JsonElement root, string field, string document)
    {
        var version = JsonFields.String(root, field);
        if (version.Problem is not null) checks.Fail(field, version.Problem);
        else if (!version.Present) checks.Skip(field, $"the {document} does not state it");
        else if (version.Value == KnownVersion) checks.Pass(field, KnownVersion);
        else checks.Fail(field, $"'{version.Value}' is not {KnownVersion}, the only version the spec describes");
    }

    /// <summary>The parts of one graph event (bundle event or state snapshot) whose rules are unknown: its id and its signature.</summary>
    public static void SkipUnknowns(List<Check> checks, JsonElement graphEvent, string prefix, string what)
    {
        SkipEventId(checks, graphEvent, prefix);
        checks.Skip(prefix + CheckName.Signature, $"{what}: {UnknownGraphSignature}");
    }

    /// <summary>The event's id, when it has one: unknown even for a <c>record_created</c> event, whose receipt is checked instead of a signature.</summary>
    public static void SkipEventId(List<Check> checks, JsonElement graphEvent, string prefix)
    {
        if (JsonFields.Member(graphEvent, "event_id").Present) checks.Skip(prefix + CheckName.EventId, UnknownEventId);
    }
}
