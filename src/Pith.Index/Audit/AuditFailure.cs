namespace Pith.Index.Audit;

/// <summary>
/// A stored copy that did not pass the audit: the Pith number it is stored under, whether it is the current record or
/// an older copy (<see cref="IsHistory"/>), where it was imported from, and every problem found, as (check, reason).
/// </summary>
public sealed record AuditFailure(string PithNumber, bool IsHistory, string ImportedFrom, IReadOnlyList<(string Check, string Reason)> Problems)
{
    public string Copy => IsHistory ? "older copy" : "current";
}
