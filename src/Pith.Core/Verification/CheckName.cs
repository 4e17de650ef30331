namespace Pith.Core.Verification;

/// <summary>The stable names of checks, as they appear in results and in <c>--json</c> output.</summary>
public static class CheckName
{
    /// <summary>The input could not be read (reported by callers that read files, not by the verifier).</summary>
    public const string Read = "read";
    public const string Parse = "parse";
    public const string DocumentType = "document_type";
    public const string Schema = "schema";
    public const string CanonicalHash = "canonical_hash";
    public const string CanonicalSha256 = "canonical_sha256";
    public const string ReceiptCanonicalSha256 = "receipt.canonical_sha256";
    public const string PithNumber = "pith_number";
    public const string ShortPithNumber = "short_pith_number";
    public const string Aliases = "aliases";
    public const string AliasPrefix = "alias.";
    public const string ReceiptAlgorithm = "receipt.algorithm";
    public const string ReceiptSignedMessage = "receipt.signed_message";
    public const string ReceiptKeyId = "receipt.key_id";
    public const string ReceiptFingerprint = "receipt.public_key_fingerprint";
    public const string Signature = "signature";
    public const string Source = "source";
    public const string PaperSubmittedAt = "paper.submitted_at";
    public const string PaperLicense = "paper.license";
    public const string PaperPrimaryCat = "paper.primary_cat";
    public const string PaperCrossCats = "paper.cross_cats";
    public const string TitleHash = "title_hash";
    public const string AbstractHash = "abstract_hash";
    public const string GraphSnapshot = "graph_snapshot";

    public static string Alias(string kind) => AliasPrefix + kind;
}
