namespace Pith.Core.Identifiers;

/// <summary>The alias kinds of spec section 4, as records name them.</summary>
public static class AliasKind
{
    public const string Arxiv = "arxiv";
    public const string ArxivVersion = "arxiv_version";
    public const string Doi = "doi";
    public const string PithShort8 = "pith_short_8";
    public const string PithShort12 = "pith_short_12";
    public const string PithShort16 = "pith_short_16";

    /// <summary>Every kind the spec defines, in the order checks are reported.</summary>
    public static readonly IReadOnlyList<string> All = [Arxiv, ArxivVersion, Doi, PithShort8, PithShort12, PithShort16];
}
