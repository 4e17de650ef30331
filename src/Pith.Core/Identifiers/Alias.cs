namespace Pith.Core.Identifiers;

/// <summary>One alias of a record: its kind (see <see cref="AliasKind"/>) and value.</summary>
public readonly record struct Alias(string Kind, string Value);
