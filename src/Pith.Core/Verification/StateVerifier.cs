using System.Text.Json;
using Pith.Core.Documents;
using Pith.Core.Identifiers;
using Pith.Core.Json;

namespace Pith.Core.Verification;

/// <summary>
/// Verifies a state file (spec section 8), the merged current view of a paper's events. It carries no receipt, so it
/// can only be consistent: its canonical record hashes to its Pith number and aliases, and its counters agree with one
/// another and with what it lists. It is never valid by itself ("consistent, unsigned"); the merge is not checked.
/// </summary>
internal static class StateVerifier
{
    private const string Document = "state file";

    public const string Unsigned =
        "a state file carries no receipt: consistent, unsigned (it is not signed by itself; --allow-unsigned accepts consistency alone)";

    private static readonly string[] Counters = ["event_count", "valid_event_count", "invalid_event_count", "equivocation_count"];

    /// <summary>A state file; <paramref name="holder"/> is its <c>current</c> (<see cref="CanonicalRecordLocation"/>), which holds its canonical record.</summary>
    public static VerificationResult Verify(JsonElement root, JsonField<JsonElement> holder, List<Check> checks)
    {
        const string type = DocumentType.State;
        EventChecks.CheckVersion(checks, root, CheckName.StateVersion, Document);
        if (!holder.Usable) return RecordVerifier.Done(type, checks.Fail(CheckName.Schema, holder.Problem!));
        var current = holder.Value;
        if (CanonicalChecks.Read(checks, current) is not { } derived) return RecordVerifier.Done(type, checks);
        var (record, digest, digestHex, number) = derived;
        var aliases = PithAliases.Derive(record.SourceId, record.SourceVersion, number);

        // The spec's outline of a state file states no canonical_sha256; each one stated (at the top, in current) must agree.
        checks.Equal(CheckName.CanonicalSha256, JsonFields.String(root, "canonical_sha256"), digestHex, required: false);
        checks.Equal(CheckName.CurrentCanonicalSha256, JsonFields.String(current, "canonical_sha256"), digestHex, required: false);
        CanonicalChecks.CheckNumbers(checks, root, number, shortRequired: false);
        CanonicalChecks.CheckAliases(checks, current, "source_aliases", aliases, Document);
        CheckCounters(checks, root, current, number.ToString());
        checks.Skip(CheckName.Signature, Unsigned);

        var facts = new VerifiedRecord(number, digest, record.SourceKind, record.SourceId, record.SourceVersion, record.SubmittedAt,
            Title: null, aliases, SignatureB64: null, UpdatedAt: null);
        return new VerificationResult(type, checks, facts, keyId: null);
    }

    /// <summary>
    /// The relations between the counters and the list that can be checked without the events (which a state file does
    /// not carry): valid + invalid = event_count, and no more graph snapshots listed than valid events. What needs the
    /// events or the merge algorithm is not checked.
    /// </summary>
    private static void CheckCounters(List<Check> checks, JsonElement root, JsonElement current, string number)
    {
        var counts = new long[Counters.Length];
        string? problem = null;
        for (var i = 0; i < Counters.Length && problem is null; i++)
        {
            var field = JsonFields.Member(root, Counters[i]);
            if (!field.Present) problem = $"{Counters[i]} is missing";
            else if (field.Value.ValueKind != JsonValueKind.Number || !field.Value.TryGetInt64(out counts[i]) || counts[i] < 0)
                problem = $"{Counters[i]} is not a non-negative integer";
        }
        var (total, valid, invalid) = (counts[0], counts[1], counts[2]);
        if (problem is not null) checks.Fail(CheckName.EventCounts, problem);
        else if (valid + invalid == total) checks.Pass(CheckName.EventCounts, $"valid_event_count {valid} + invalid_event_count {invalid} = event_count {total}");
        else checks.Fail(CheckName.EventCounts, $"valid_event_count {valid} + invalid_event_count {invalid} is not event_count {total}");

        var snapshots = JsonFields.Array(current, "graph_snapshots");
        var listed = snapshots.Usable ? snapshots.Value.GetArrayLength() : 0;
        if (snapshots.Problem is not null) checks.Fail(CheckName.SnapshotCount, "current." + snapshots.Problem);
        else if (!snapshots.Present) checks.Skip(CheckName.SnapshotCount, "the state file lists no current.graph_snapshots");
        else if (problem is not null) checks.Skip(CheckName.SnapshotCount, "valid_event_count is unusable: cannot compare");
        else if (listed <= valid) checks.Pass(CheckName.SnapshotCount, $"{listed} graph snapshots listed, no more than valid_event_count {valid}");
        else checks.Fail(CheckName.SnapshotCount, $"{listed} graph snapshots listed, more than valid_event_count {valid}: each is a valid event");

        checks.Skip(CheckName.EquivocationCount, "what the merge counts as an equivocation is unknown, and the events are not in the state file: not checked");
        var merge = JsonFields.String(root, "merge_version");
        checks.Skip(CheckName.Merge,
            $"the merge algorithm{(merge.Usable ? $" ({merge.Value})" : "")} is unknown (spec section 8): whether current is the merge of the events, and the counts themselves, are not checked");

        if (!snapshots.Usable) return;
        var index = 0;
        foreach (var snapshot in snapshots.Value.EnumerateArray())
        {
            var prefix = CheckName.GraphSnapshotAt(index++);
            if (snapshot.ValueKind != JsonValueKind.Object)
            {
                checks.Fail(prefix.TrimEnd('.'), "not an object");
                continue;
            }
            var subject = JsonFields.String(snapshot, "subject_pith_number");
            if (subject.Present) checks.Equal(prefix + CheckName.SubjectPithNumber, subject, number, required: true, about: "graph snapshot");
            EventChecks.SkipUnknowns(checks, snapshot, prefix, "graph snapshot");
        }
    }
}
