using System.Text.Json;
using Pith.Core.Documents;
using Pith.Core.Identifiers;
using Pith.Core.Json;

namespace Pith.Core.Verification;

/// <summary>
/// Verifies a bundle (spec section 8): its canonical record as a record's, every event payload's canonical record
/// against it, every event's subject, and the receipt its <c>record_created</c> event carries. What the spec leaves
/// unknown (event ids, graph event signatures) is reported as not checked. Valid when the receipt verifies and no
/// check failed.
/// </summary>
internal sealed class BundleVerifier(ReceiptChecks receipts)
{
    public const string RecordCreatedEvent = "record_created";
    private const string Document = "bundle";

    /// <summary>A bundle; <paramref name="holder"/> holds its canonical record (<see cref="CanonicalRecordLocation"/>).</summary>
    public VerificationResult Verify(JsonElement root, JsonElement holder, List<Check> checks)
    {
        const string type = DocumentType.Bundle;
        EventChecks.CheckVersion(checks, root, CheckName.BundleVersion, Document);
        if (CanonicalChecks.Read(checks, holder) is not { } derived) return RecordVerifier.Done(type, checks);
        var (record, digest, digestHex, number) = derived;
        var aliases = PithAliases.Derive(record.SourceId, record.SourceVersion, number);

        checks.Equal(CheckName.CanonicalSha256, JsonFields.String(root, "canonical_sha256"), digestHex, required: true);
        var receipt = CheckEvents(checks, root, derived);
        ReceiptChecks.CheckHash(checks, receipt, digestHex);
        CanonicalChecks.CheckNumbers(checks, root, number, shortRequired: true);
        CanonicalChecks.CheckAliases(checks, holder, "source_aliases", aliases, Document);
        var (keyId, signature) = receipts.Check(checks, receipt, digest, "the bundle carries no signed receipt");
        CanonicalChecks.CheckSource(checks, root, record, Document);

        var facts = new VerifiedRecord(number, digest, record.SourceKind, record.SourceId, record.SourceVersion, record.SubmittedAt,
            Title: null, aliases, signature, UpdatedAt: null);
        return new VerificationResult(type, checks, facts, keyId);
    }

    /// <summary>
    /// The <c>record_created</c> check, then each event's: its subject, its payload's canonical record (when it carries
    /// one) and what is unknown. Returns the receipt of the first <c>record_created</c> event, or why there is none.
    /// </summary>
    private static JsonField<JsonElement> CheckEvents(List<Check> checks, JsonElement root, DerivedRecord bundle)
    {
        var events = JsonFields.Array(root, "events");
        if (!events.Usable)
        {
            var why = events.Problem ?? "the bundle has no events";
            checks.Fail(CheckName.Events, why);
            checks.Fail(CheckName.RecordCreated, "no record_created event: the bundle carries no receipt");
            return NoReceipt(why);
        }
        // Each event's type, read once: the receipt's event is found first, the events are checked after.
        var types = events.Value.EnumerateArray().Select(EventType).ToList();
        var created = types.IndexOf(RecordCreatedEvent);
        checks.Pass(CheckName.Events, $"{types.Count} event{(types.Count == 1 ? "" : "s")}");
        if (created < 0)
        {
            checks.Fail(CheckName.RecordCreated, "the bundle has no record_created event: it carries no receipt");
            return NoReceipt("no record_created event");
        }
        checks.Pass(CheckName.RecordCreated, $"events[{created}] carries the receipt");

        var number = bundle.Number.ToString();
        var receipt = NoReceipt($"events[{created}] (record_created) has no receipt in its payload");
        var index = 0;
        foreach (var item in events.Value.EnumerateArray())
        {
            var prefix = CheckName.Event(index);
            var eventType = types[index];
            var what = $"{eventType ?? "untyped"} event";
            if (item.ValueKind != JsonValueKind.Object)
            {
                checks.Fail(prefix.TrimEnd('.'), "not an object");
                index++;
                continue;
            }
            checks.Equal(prefix + CheckName.SubjectPithNumber, JsonFields.String(item, "subject_pith_number"), number, required: true, about: what);
            var payload = JsonFields.Object(item, "payload");
            if (payload.Problem is not null) checks.Fail(prefix + "payload", $"{what}: {payload.Problem}");
            else if (payload.Present && JsonFields.Member(payload.Value, CanonicalRecordLocation.Member).Present) CheckPayload(checks, payload.Value, bundle, prefix, what);

            if (eventType == RecordCreatedEvent) EventChecks.SkipEventId(checks, item, prefix);
            else EventChecks.SkipUnknowns(checks, item, prefix, what);
            var eventReceipt = payload.Usable ? JsonFields.Object(payload.Value, "receipt") : default;
            if (index == created && eventReceipt.Present) receipt = eventReceipt;
            else if (eventReceipt.Present)
                checks.Skip(prefix + CheckName.Receipt, $"{what}: only the first record_created event's receipt (events[{created}]) is verified");
            index++;
        }
        return receipt;
    }

    /// <summary>A payload's canonical record: readable, hashing to what the payload states and to the bundle's own.</summary>
    private static void CheckPayload(List<Check> checks, JsonElement payload, DerivedRecord bundle, string prefix, string what)
    {
        if (CanonicalChecks.Read(checks, payload, prefix) is not { } carried) return;
        checks.Equal(prefix + CheckName.CanonicalSha256, JsonFields.String(payload, "canonical_sha256"), carried.DigestHex, required: true, about: what);
        if (carried.DigestHex == bundle.DigestHex)
            checks.Pass(prefix + CheckName.CanonicalRecord, "equals the bundle's canonical record (same canonical hash)");
        else
            checks.Fail(prefix + CheckName.CanonicalRecord,
                $"{what}: its payload's canonical record hashes to {carried.DigestHex}, the bundle's canonical record to {bundle.DigestHex}");
    }

    private static string? EventType(JsonElement item)
    {
        var type = JsonFields.String(item, "event_type");
        return type.Usable ? type.Value : null;
    }

    private static JsonField<JsonElement> NoReceipt(string why) => new(false, default, why);
}
