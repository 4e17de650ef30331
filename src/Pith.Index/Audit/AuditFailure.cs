namespace Pith.Index.Audit;

/// <summary>
/// A stored copy that did not pass the audit: the Pith number it is stored under, which copy it is and its stored
/// document type, where it was imported from, and every problem found, as (check, reason).
/// </summary>
public sealed record AuditFailure(string PithNumber, AuditedCopy Copy, string DocumentType, string ImportedFrom, IReadOnlyList<(string Check, string Reason)> Problems)
{
    /// <summary>The copy as people read it: "current", "older copy" or "kept pith_open_graph_bundle".</summary>
    public string Describe() => Copy switch
    {
        AuditedCopy.Current => "current",
        AuditedCopy.History => "older copy",
        AuditedCopy.Variant => "variant",
        _ => "kept " + DocumentType,
    };
}
