using Pith.Core.Identifiers;

namespace Pith.Core.Verification;

/// <summary>The facts of a record as derived from its canonical record: what an index stores and resolves by.</summary>
public sealed record VerifiedRecord(
    PithNumber PithNumber,
    byte[] Digest,
    string SourceKind,
    string SourceId,
    long SourceVersion,
    string SubmittedAt,
    string? Title,
    IReadOnlyList<Alias> Aliases,
    string? SignatureB64,
    string? UpdatedAt)
{
    public string DigestHex => Convert.ToHexStringLower(Digest);
}
