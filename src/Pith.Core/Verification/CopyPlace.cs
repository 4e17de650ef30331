namespace Pith.Core.Verification;

/// <summary>Where a copy of a stored record goes (see <see cref="RecordRecency"/>).</summary>
public enum CopyPlace
{
    /// <summary>A reissue: it becomes current, and the current copy becomes an older copy (history).</summary>
    Reissue,

    /// <summary>It becomes current, and the current copy is kept as a variant (its date was not believed, or it came later in the same run).</summary>
    Displaces,

    /// <summary>A variant: kept, never current.</summary>
    Variant,

    /// <summary>An older copy: kept in history.</summary>
    Older,

    /// <summary>An older copy that takes the place in history of one with its stamp that came later in the same run (kept as a variant).</summary>
    DisplacesOlder,
}
