namespace Pith.Core.Verification;

/// <summary>One field of a stored record as pith displays it: its name (its path in the record), its value as text, and how far it is signed.</summary>
public sealed record DisplayField(string Name, string Value, FieldSigning Signing);
