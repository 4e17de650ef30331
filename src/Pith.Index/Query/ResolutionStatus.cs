namespace Pith.Index.Query;

/// <summary>How an alias fared.</summary>
public enum ResolutionStatus
{
    /// <summary>It names one record (or, asked for every version, the records of one paper).</summary>
    Resolved,

    /// <summary>Not an alias form pith knows.</summary>
    Invalid,

    /// <summary>Well formed, but no current record in the index has it.</summary>
    NotFound,

    /// <summary>Several records match (a short code shared by two records): every match is listed, none is picked.</summary>
    Ambiguous,
}
