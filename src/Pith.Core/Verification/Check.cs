namespace Pith.Core.Verification;

/// <summary>One named check and its outcome; <see cref="Detail"/> says why (and may quote record text).</summary>
public sealed record Check(string Name, CheckStatus Status, string Detail);
