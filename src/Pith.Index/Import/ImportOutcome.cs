namespace Pith.Index.Import;

/// <summary>What became of one input.</summary>
public enum ImportOutcome
{
    /// <summary>A new record, now current.</summary>
    Imported,

    /// <summary>A newer copy of a stored record: now current, the older one kept in history.</summary>
    Updated,

    /// <summary>These exact bytes were already stored: nothing written.</summary>
    Unchanged,

    /// <summary>An older copy of a stored record: kept in history, the current one stays.</summary>
    Historical,

    /// <summary>
    /// Another document of a stored record (a bundle or state file, or the record document after its bundle): the
    /// record stays one, the document is noted as a source of it.
    /// </summary>
    Noted,

    /// <summary>
    /// A variant of a stored record (its updated_at, other content; or an updated_at later than this machine's clock): kept,
    /// never current. Also a current copy that gave way to one that came before it in the input, or had a believable date.
    /// </summary>
    Variant,

    /// <summary>Not indexed: the reason is recorded.</summary>
    Rejected,
}
