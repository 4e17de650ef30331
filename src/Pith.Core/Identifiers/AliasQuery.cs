using System.Text.RegularExpressions;
using Pith.Core.Documents;

namespace Pith.Core.Identifiers;

/// <summary>
/// An alias as a person pastes it (arXiv ids and links, DOIs and doi.org links, Pith numbers and codes), understood
/// as one kind and one normalised value to look up: the value is in the form <see cref="PithAliases.NormalizeForLookup"/>
/// stores, so parsing and storing cannot disagree.
/// </summary>
public sealed partial record AliasQuery(AliasQueryKind Kind, string Value)
{
    // Host names are compared case-insensitively, as in links. A DOI link keeps any trailing '/': it may be part of the
    // DOI (its suffix may hold any printable character); an arXiv id never ends in one.
    private static readonly string[] DoiHosts = ["doi.org/", "dx.doi.org/", "www.doi.org/"];
    private static readonly string[] ArxivHosts = ["arxiv.org/", "www.arxiv.org/", "export.arxiv.org/"];

    // Not ':', which ends the prefixes 'arXiv:' and 'pith:YYYY:'.
    private static readonly char[] TrailingPunctuation = ['.', ',', ';', '!', '?', ')', ']', '}', '>', '"', '\'', '\u2019', '\u201D'];

    /// <summary>The alias kind stored in the index for this query (null for full Pith numbers and 26-character codes).</summary>
    public string? StoredKind => Kind switch
    {
        AliasQueryKind.Arxiv => AliasKind.Arxiv,
        AliasQueryKind.ArxivVersion => AliasKind.ArxivVersion,
        AliasQueryKind.Doi => AliasKind.Doi,
        AliasQueryKind.PithCode => Value.Length switch
        {
            8 => AliasKind.PithShort8,
            12 => AliasKind.PithShort12,
            16 => AliasKind.PithShort16,
            _ => null,
        },
        _ => null,
    };

    public static ParseResult<AliasQuery> Parse(string text)
    {
        var s = Trim(text);
        if (s.Length == 0) return Error("empty alias");

        // Links, with or without their scheme (people paste what the address bar shows).
        var scheme = StripPrefix(ref s, "https://", "http://");
        if (StripPrefix(ref s, DoiHosts)) return ParseDoi(Uri.UnescapeDataString(LinkPath(s)));
        if (StripPrefix(ref s, ArxivHosts)) return ParseArxivLink(LinkPath(s));
        if (scheme) return Error("a link that is neither arxiv.org nor doi.org");

        if (StripPrefix(ref s, "doi:")) return ParseDoi(s.Trim());
        if (s.StartsWith("10.", StringComparison.Ordinal)) return ParseDoi(s);
        if (StripPrefix(ref s, "arxiv:")) return s.Length == 0 ? Error("no arXiv id after 'arXiv:'") : ParseArxiv(WithoutSubjectClass(s.Trim()));

        if (StripPrefix(ref s, "pith:"))
        {
            var colon = s.IndexOf(':');
            if (colon < 0) return ParseCode(s, "pith:");
            // Any case, as codes are pasted: base32 is upper case.
            var number = PithNumber.Prefix + s[..colon] + ":" + s[(colon + 1)..].ToUpperInvariant();
            return PithNumber.TryParse(number, out var parsed, out var error)
                ? Ok(AliasQueryKind.PithNumber, parsed.Value.ToString())
                : Error($"not a Pith number: {error}");
        }
        var id = WithoutSubjectClass(s);
        if (NewStyleShape().IsMatch(id) || OldStyleShape().IsMatch(id)) return ParseArxiv(id);
        return s.AsSpan().IndexOfAny(" \t") >= 0 ? SpacedAlias(s) : ParseCode(s, "");
    }

    /// <summary>
    /// arXiv's own citation form, <c>arXiv:2310.05918 [cs.LG]</c>, follows the id with its primary category, which
    /// is not part of the id. Its ']' may already be gone: <see cref="Trim"/> takes it as closing punctuation.
    /// </summary>
    private static string WithoutSubjectClass(string id)
    {
        var match = SubjectClassSuffix().Match(id);
        return match.Success ? id[..match.Index] : id;
    }

    /// <summary>
    /// White space inside an alias: no form has any, so say which form was probably meant (<c>arxiv 2310.05918</c> is
    /// <c>arXiv:2310.05918</c> typed with a space) rather than blame a character for not being base32.
    /// </summary>
    private static ParseResult<AliasQuery> SpacedAlias(string s)
    {
        var space = s.AsSpan().IndexOfAny(" \t");
        var rest = s[space..].Trim();
        var prefix = s[..space] switch
        {
            var w when w.Equals("arxiv", StringComparison.OrdinalIgnoreCase) => "arXiv:",
            var w when w.Equals("doi", StringComparison.OrdinalIgnoreCase) => "doi:",
            var w when w.Equals("pith", StringComparison.OrdinalIgnoreCase) => "pith:",
            _ => null,
        };
        if (prefix is not null && Parse(prefix + rest).Success) return Error($"not an alias form pith knows: did you mean {prefix}{rest}?");
        return Error($"not an alias form pith knows: '{s}' has white space inside");
    }

    /// <summary>
    /// The id in the path of an arxiv.org link: <c>abs/ID</c>, <c>html/ID</c> (the HTML rendering) or <c>pdf/ID</c>
    /// (<c>.pdf</c> or not), a final '/' ignored.
    /// </summary>
    private static ParseResult<AliasQuery> ParseArxivLink(string path)
    {
        var pdf = StripPrefix(ref path, "pdf/");
        if (!pdf && !StripPrefix(ref path, "abs/", "html/")) return Error("an arxiv.org link that is not /abs/, /html/ or /pdf/");
        var id = path.TrimEnd('/');
        if (pdf && id.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) id = id[..^4];
        return id.Length == 0 ? Error("an arxiv.org link with no arXiv id") : ParseArxiv(id);
    }

    /// <summary>
    /// A link's path: without its query (<c>?context=cs</c>) or fragment (<c>#…</c>), which name no part of the paper.
    /// In a doi.org link a DOI's own '?' or '#' is percent-encoded (%3F, %23), so it survives this and is decoded
    /// afterwards; a bare DOI or <c>doi:</c> is not a link, and keeps every character.
    /// </summary>
    private static string LinkPath(string rest)
    {
        var end = rest.IndexOfAny(['?', '#']);
        return end < 0 ? rest : rest[..end];
    }

    private static ParseResult<AliasQuery> ParseCode(string code, string prefix)
    {
        var upper = code.ToUpperInvariant();
        if (upper.Length is not (8 or 12 or 16 or 26))
            return Error($"not an alias form pith knows: a Pith code has 8, 12, 16 or 26 characters, '{prefix}{code}' has {code.Length}");
        if (!Base32.IsBase32(upper)) return Error($"'{prefix}{code}' has a character outside base32 (A-Z, 2-7)");
        return Ok(AliasQueryKind.PithCode, upper);
    }

    private static ParseResult<AliasQuery> ParseDoi(string doi)
    {
        var slash = doi.IndexOf('/');
        if (!doi.StartsWith("10.", StringComparison.Ordinal) || slash < 4) return Error($"not a DOI: '{doi}' (expected 10.PREFIX/SUFFIX)");
        if (slash == doi.Length - 1) return Error($"the DOI '{doi}' has no suffix after '/'");
        return Ok(AliasQueryKind.Doi, PithAliases.NormalizeForLookup(AliasKind.Doi, doi));
    }

    private static ParseResult<AliasQuery> ParseArxiv(string id)
    {
        var newStyle = NewStyle().Match(id);
        if (newStyle.Success)
        {
            var yymm = int.Parse(newStyle.Groups["yymm"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var month = yymm % 100;
            var digits = newStyle.Groups["seq"].Value.Length;
            if (month is < 1 or > 12) return Error($"'{id}' is not an arXiv id: month {month:00} does not exist");
            if (yymm < 704) return Error($"'{id}' is not an arXiv id: new-style ids start in April 2007 (0704)");
            if (yymm <= 1412 && digits != 4) return Error($"'{id}' is not an arXiv id: until 1412 the number has 4 digits");
            if (yymm >= 1501 && digits != 5) return Error($"'{id}' is not an arXiv id: from 1501 the number has 5 digits");
            return Versioned(newStyle.Groups["yymm"].Value + "." + newStyle.Groups["seq"].Value, newStyle.Groups["v"]);
        }
        var oldStyle = OldStyle().Match(id);
        if (oldStyle.Success)
        {
            var month = int.Parse(oldStyle.Groups["num"].Value.AsSpan(2, 2), System.Globalization.CultureInfo.InvariantCulture);
            if (month is < 1 or > 12) return Error($"'{id}' is not an arXiv id: month {month:00} does not exist");
            // The subject class is not part of the id: math.GT/0309136 is math/0309136.
            return Versioned(oldStyle.Groups["archive"].Value.ToLowerInvariant() + "/" + oldStyle.Groups["num"].Value, oldStyle.Groups["v"]);
        }
        return Error($"'{id}' is not an arXiv id (expected YYMM.NNNNN or archive/YYMMNNN, optionally with vN)");
    }

    private static ParseResult<AliasQuery> Versioned(string id, Group version)
    {
        if (!version.Success) return Ok(AliasQueryKind.Arxiv, PithAliases.NormalizeForLookup(AliasKind.Arxiv, id));
        if (version.Value.TrimStart('0').Length == 0) return Error($"'{id}v{version.Value}': arXiv versions start at v1");
        return Ok(AliasQueryKind.ArxivVersion, PithAliases.NormalizeForLookup(AliasKind.ArxivVersion, id + "v" + version.Value.TrimStart('0')));
    }

    // Surrounding white space, and punctuation a copy from running text brings along.
    private static string Trim(string text)
    {
        var s = text.Trim();
        while (s.Length > 0 && (Array.IndexOf(TrailingPunctuation, s[^1]) >= 0 || char.IsWhiteSpace(s[^1]))) s = s[..^1];
        while (s.Length > 0 && s[0] is '<' or '(' or '[' or '"' or '\'' or '\u2018' or '\u201C') s = s[1..].TrimStart();
        return s;
    }

    private static bool StripPrefix(ref string s, params string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                s = s[prefix.Length..];
                return true;
            }
        }
        return false;
    }

    private static ParseResult<AliasQuery> Ok(AliasQueryKind kind, string value) => ParseResult<AliasQuery>.ForValue(new AliasQuery(kind, value));

    private static ParseResult<AliasQuery> Error(string reason) => ParseResult<AliasQuery>.ForError(reason);

    [GeneratedRegex(@"^(?<yymm>[0-9]{4})\.(?<seq>[0-9]{4,5})(?:[vV](?<v>[0-9]+))?\z")]
    private static partial Regex NewStyle();

    [GeneratedRegex(@"^(?<archive>[A-Za-z]+(?:-[A-Za-z]+)?)(?:\.[A-Za-z]{2})?/(?<num>[0-9]{7})(?:[vV](?<v>[0-9]+))?\z")]
    private static partial Regex OldStyle();

    // " [cs.LG]", " [hep-th]", " [q-bio.NC]": one bracketed category after white space, its ']' optional.
    [GeneratedRegex(@"\s+\[[A-Za-z-]+(?:\.[A-Za-z-]+)?\]?\z")]
    private static partial Regex SubjectClassSuffix();

    // Shapes that say "this was meant as an arXiv id", so that a malformed one gets the arXiv reason.
    [GeneratedRegex(@"^[0-9]{4}\.[0-9]+([vV][0-9]*)?\z")]
    private static partial Regex NewStyleShape();

    [GeneratedRegex(@"^[A-Za-z-]+(\.[A-Za-z]+)?/[0-9]+([vV][0-9]*)?\z")]
    private static partial Regex OldStyleShape();
}
