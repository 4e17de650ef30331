namespace Pith.Index.Audit;

/// <summary>Which stored copy an audit checked: a current record, an older copy of a reissued record, or a bundle or state file kept beside its record.</summary>
public enum AuditedCopy
{
    Current,
    History,
    Document,
}
