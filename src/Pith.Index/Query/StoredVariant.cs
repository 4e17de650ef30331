namespace Pith.Index.Query;

/// <summary>A variant of a record as the index holds it (<c>record_variants</c>): its stated updated_at, when and from where it was imported, its bytes.</summary>
public sealed record StoredVariant(long Id, string? UpdatedAt, string ImportedAt, string ImportedFrom, long RunId, byte[] Original);
