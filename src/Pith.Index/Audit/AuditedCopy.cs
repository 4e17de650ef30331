namespace Pith.Index.Audit;

/// <summary>
/// Which stored copy an audit checked: a current record, an older copy of a reissued record, a bundle or state file kept
/// beside its record, or a variant of a record.
/// </summary>
public enum AuditedCopy
{
    Current,
    History,
    Document,
    Variant,
}
