namespace Pith.Index.Query;

/// <summary>
/// A current record as the index holds it: the original bytes exactly as imported, and what the import learnt
/// (key, when and from where, how many older copies of it are kept, the paper's other versions), whether only a state
/// file brought it (unsigned: no receipt was verified), every document type seen for it, and its variants.
/// </summary>
public sealed record StoredRecord(
    RecordMatch Match,
    string? Title,
    string KeyId,
    string? UpdatedAt,
    string ImportedAt,
    string ImportedFrom,
    long RunId,
    byte[] Original,
    long OlderCopies,
    string SourceKind,
    IReadOnlyList<RecordMatch> OtherVersions,
    bool Unsigned,
    IReadOnlyList<string> DocumentTypes)
{
    /// <summary>Its variants (same Pith number and updated_at, or an updated_at not believed; other content), in storage order.</summary>
    public IReadOnlyList<StoredVariant> Variants { get; init; } = [];
}
