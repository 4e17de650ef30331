namespace Pith.Inputs;

/// <summary>A path the user named that cannot be read at all (missing, not permitted).</summary>
public sealed record InputError(string Path, string Reason);
