namespace Pith.Core.Verification;

/// <summary>How far a displayed field of a record is vouched for by its signature (only <c>canonical_record</c> is signed).</summary>
public enum FieldSigning
{
    /// <summary>In the canonical record, or checked equal to it: signed.</summary>
    Signed,

    /// <summary>Checked only up to case and white space (the title against <c>title_canon_sha256</c>, a whole abstract against <c>abstract_canon_sha256</c>).</summary>
    CaseAndWhiteSpace,

    /// <summary>Not signed: anyone can change it and the record still verifies.</summary>
    NotSigned,
}
