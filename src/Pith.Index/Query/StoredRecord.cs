namespace Pith.Index.Query;

/// <summary>
/// A current record as the index holds it: the original bytes exactly as imported, and what the import learnt
/// (key, when and from where, how many older copies of it are kept, the paper's other versions), whether only a state
/// file brought it (unsigned: no receipt was verified), and every document type seen for it.
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
    IReadOnlyList<string> DocumentTypes);
