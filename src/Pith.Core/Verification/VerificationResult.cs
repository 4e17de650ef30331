using Pith.Core.Identifiers;

namespace Pith.Core.Verification;

/// <summary>
/// Everything verification found about one document: each check with its outcome, and the verdict.
/// Valid means no check failed and the signature verified against a trusted key; consistent, only that no check failed
/// (a state file, which carries no receipt, is at best consistent).
/// </summary>
public sealed class VerificationResult
{
    /// <summary>The media type of the serialised result; the version changes only with an incompatible schema.</summary>
    public const string MediaType = "application/vnd.pith.verification+json;version=1";

    public VerificationResult(string? documentType, IReadOnlyList<Check> checks, VerifiedRecord? record, string? keyId)
    {
        DocumentType = documentType;
        Checks = checks;
        Record = record;
        KeyId = keyId;
        var failed = false;
        var signed = false;
        foreach (var check in checks)
        {
            failed |= check.Status == CheckStatus.Fail;
            signed |= check.Status == CheckStatus.Pass && check.Name == CheckName.Signature;
        }
        Consistent = !failed;
        Valid = signed && !failed;
    }

    /// <summary>A result that is one failed check: an input that could not be read, or is too large to be read.</summary>
    public static VerificationResult Failed(string check, string detail) => new(null, [new Check(check, CheckStatus.Fail, detail)], null, null);

    /// <summary>The document's type field (see <see cref="Documents.DocumentType"/>), or null when it has none.</summary>
    public string? DocumentType { get; }

    public bool Valid { get; }

    /// <summary>No check failed: true of every valid result, and of a state file whose contents agree with themselves.</summary>
    public bool Consistent { get; }

    /// <summary>
    /// Whether to accept the document: valid, or, when the user accepts consistency alone (<paramref name="allowUnsigned"/>),
    /// a consistent state file (the only document that carries no receipt by design).
    /// </summary>
    public bool Accepted(bool allowUnsigned) => Valid || (allowUnsigned && Consistent && DocumentType == Documents.DocumentType.State);

    public IReadOnlyList<Check> Checks { get; }

    /// <summary>What the canonical record says, when it could be read and hashed (even if other checks failed).</summary>
    public VerifiedRecord? Record { get; }

    /// <summary>The key id the receipt names (trusted or not), or null.</summary>
    public string? KeyId { get; }

    /// <summary>The derived Pith number: never the one the file states.</summary>
    public PithNumber? PithNumber => Record?.PithNumber;

    /// <summary>
    /// The same verdict (type, record, key id, validity, <see cref="Reason"/>) holding only the checks that decide it: each
    /// failed check and the signature's. For a consumer that holds many results at once and reports only why one was
    /// refused (an import), so that a result waiting to be written is a few hundred bytes rather than forty checks.
    /// </summary>
    public VerificationResult WithDecidingChecks()
    {
        var deciding = new List<Check>(1);
        foreach (var check in Checks)
        {
            if (check.Status == CheckStatus.Fail || check.Name == CheckName.Signature) deciding.Add(check);
        }
        return deciding.Count == Checks.Count ? this : new VerificationResult(DocumentType, deciding, Record, KeyId);
    }

    /// <summary>The first failed check, or for an invalid result without one, the first check that kept it from being valid.</summary>
    public Check? Reason =>
        Valid ? null : Checks.FirstOrDefault(c => c.Status == CheckStatus.Fail) ?? Checks.FirstOrDefault(c => c.Name == CheckName.Signature);
}
