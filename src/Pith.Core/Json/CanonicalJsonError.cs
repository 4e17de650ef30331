namespace Pith.Core.Json;

/// <summary>Why a JSON value has no canonical form the resolver could have hashed.</summary>
public sealed record CanonicalJsonError(string Reason);
