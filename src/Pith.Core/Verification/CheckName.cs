using Pith.Core.Identifiers;

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

    // Bundles and state files (spec section 8).
    public const string BundleVersion = "bundle_version";
    public const string StateVersion = "state_version";
    public const string CurrentCanonicalSha256 = "current.canonical_sha256";
    public const string Events = "events";
    public const string RecordCreated = "record_created";
    public const string SubjectPithNumber = "subject_pith_number";
    public const string CanonicalRecord = "canonical_record";
    public const string EventId = "event_id";
    public const string Receipt = "receipt";
    public const string EventCounts = "counts.events";
    public const string SnapshotCount = "counts.graph_snapshots";
    public const string EquivocationCount = "counts.equivocations";
    public const string Merge = "merge";

    /// <summary>The check of one alias kind: the spec's kinds as constants, since every record lists them.</summary>
    public static string Alias(string kind) => kind switch
    {
        AliasKind.Arxiv => AliasPrefix + AliasKind.Arxiv,
        AliasKind.ArxivVersion => AliasPrefix + AliasKind.ArxivVersion,
        AliasKind.Doi => AliasPrefix + AliasKind.Doi,
        AliasKind.PithShort8 => AliasPrefix + AliasKind.PithShort8,
        AliasKind.PithShort12 => AliasPrefix + AliasKind.PithShort12,
        AliasKind.PithShort16 => AliasPrefix + AliasKind.PithShort16,
        _ => AliasPrefix + kind,
    };

    /// <summary>The prefix of the checks of one bundle event, e.g. <c>events[0].</c>: a check name says which event.</summary>
    public static string Event(int index) => $"events[{index}].";

    /// <summary>The prefix of the checks of one graph snapshot a state file lists.</summary>
    public static string GraphSnapshotAt(int index) => $"current.graph_snapshots[{index}].";
}
