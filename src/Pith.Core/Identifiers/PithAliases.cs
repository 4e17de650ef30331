namespace Pith.Core.Identifiers;

/// <summary>
/// The alias rules of spec section 4: every alias follows from the canonical source and the Pith code.
/// The one place these rules live; verify, import and resolve all use it.
/// </summary>
public static class PithAliases
{
    /// <summary>arXiv's DOI prefix: the DOI of arXiv paper X is 10.48550/arxiv.X.</summary>
    public const string ArxivDoiPrefix = "10.48550/arxiv.";

    public static IReadOnlyList<Alias> Derive(string sourceId, long version, PithNumber number) =>
    [
        new(AliasKind.Arxiv, sourceId),
        new(AliasKind.ArxivVersion, sourceId + "v" + version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new(AliasKind.Doi, ArxivDoiPrefix + sourceId),
        new(AliasKind.PithShort8, number.Code[..8]),
        new(AliasKind.PithShort12, number.Code[..12]),
        new(AliasKind.PithShort16, number.Code[..16]),
    ];

    /// <summary>Whether a stated alias value equals the derived one: DOIs compare with ASCII case folding, the rest exactly.</summary>
    public static bool ValueMatches(string kind, string stated, string derived) =>
        kind == AliasKind.Doi
            ? AsciiEqualsIgnoreCase(stated, derived)
            : string.Equals(stated, derived, StringComparison.Ordinal);

    /// <summary>
    /// The form an alias is stored and looked up under: arXiv ids and DOIs with ASCII letters lower-cased
    /// (arXiv archive names and DOIs are case-insensitive), Pith codes upper-cased (base32 is upper case).
    /// </summary>
    public static string NormalizeForLookup(string kind, string value) => kind switch
    {
        AliasKind.PithShort8 or AliasKind.PithShort12 or AliasKind.PithShort16 => value.ToUpperInvariant(),
        _ => LowerAscii(value),
    };

    private static string LowerAscii(string value) => string.Create(value.Length, value, static (span, v) =>
    {
        for (var i = 0; i < v.Length; i++) span[i] = FoldAscii(v[i]);
    });

    // Only A-Z fold to a-z: a DOI is compared case-insensitively over ASCII, nothing else is folded.
    private static bool AsciiEqualsIgnoreCase(string a, string b)
    {
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i] && FoldAscii(a[i]) != FoldAscii(b[i])) return false;
        }
        return true;
    }

    private static char FoldAscii(char c) => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
}
