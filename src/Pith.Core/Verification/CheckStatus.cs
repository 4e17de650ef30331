namespace Pith.Core.Verification;

/// <summary>The outcome of one check. <see cref="Skip"/> is "not checked", always with its reason.</summary>
public enum CheckStatus
{
    Pass,
    Fail,
    Skip,
}
