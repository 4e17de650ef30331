namespace Pith.Cli.Tests.Resolve;

/// <summary>
/// Every form the issue lists in which a person pastes an alias of a record: arXiv ids bare, with <c>arXiv:</c>, as
/// abs/pdf/export links, with and without version, old-style ids with a subject class, in other cases; DOIs bare,
/// with <c>doi:</c>, as doi.org/dx.doi.org/www.doi.org links (percent-encoded too); links without their scheme, with a
/// trailing '/', a query or a fragment; arXiv's citation form with its category (<c>arXiv:ID [cs.LG]</c>) and
/// its /html/ links; Pith numbers in full and short; bare codes of
/// 8, 12, 16 and 26 characters in any case; surrounded by white space and the punctuation of running text.
/// </summary>
public static class AliasForms
{
    /// <summary>Forms that name the paper (every version): they resolve to its newest version indexed.</summary>
    public static IEnumerable<string> Unversioned(string id)
    {
        var doi = "10.48550/arXiv." + id;
        string[] forms =
        [
            id, id.ToUpperInvariant(), $"  {id}\t", $"arXiv:{id}", $"ARXIV:{id}", $"arxiv: {id}", $"({id}).", $"arXiv:{id},",
            $"https://arxiv.org/abs/{id}", $"http://arxiv.org/abs/{id}", $"https://www.arxiv.org/abs/{id}", $"<https://arxiv.org/abs/{id}>",
            $"https://arxiv.org/pdf/{id}", $"https://arxiv.org/pdf/{id}.pdf", $"https://export.arxiv.org/abs/{id}",
            doi, doi.ToUpperInvariant(), doi.ToLowerInvariant(), $"doi:{doi}", $"DOI: {doi}", $"https://doi.org/{doi}",
            $"http://dx.doi.org/{doi}", $"https://doi.org/{Uri.EscapeDataString(doi)}", $"\"{doi}\";",
            $"arxiv.org/abs/{id}", $"www.arxiv.org/abs/{id}", $"https://arxiv.org/abs/{id}/", $"https://arxiv.org/abs/{id}?context=cs",
            $"https://arxiv.org/pdf/{id}#page=2", $"doi.org/{doi}", $"www.doi.org/{doi}", $"https://www.doi.org/{doi}?utm_source=x",
            $"arXiv:{id} [cs.LG]", $"{id} [hep-th].", $"https://arxiv.org/html/{id}",
        ];
        return forms.Concat(SubjectClassForms(id, ""));
    }

    /// <summary>Forms that name exactly this version, or this record.</summary>
    public static IEnumerable<string> Versioned(string id, int version, string pithNumber)
    {
        var v = $"{id}v{version}";
        var code = pithNumber[^26..];
        var year = pithNumber[5..9];
        string[] forms =
        [
            v, $"{id}V{version}", $"arXiv:{v}", $" arXiv:{v}. ", $"https://arxiv.org/abs/{v}", $"https://arxiv.org/pdf/{v}",
            $"https://arxiv.org/pdf/{v}.pdf", $"http://export.arxiv.org/abs/{v}", $"arxiv.org/abs/{v}/", $"https://arxiv.org/abs/{v}?context=cs#S1",
            $"www.arxiv.org/pdf/{v}.pdf?download=1", $"arXiv:{v} [cs.LG]", $"https://arxiv.org/html/{v}", $"https://arxiv.org/html/{v}/#S2",
            pithNumber, $"pith:{year}:{code.ToLowerInvariant()}", $"PITH:{year}:{code}", $"({pithNumber})",
            $"pith:{code[..8]}", $"pith:{code[..8].ToLowerInvariant()}", code[..8], code[..8].ToLowerInvariant(),
            code[..12], code[..16].ToLowerInvariant(), code, code.ToLowerInvariant(), $"'{code[..8]}'.",
        ];
        return forms.Concat(SubjectClassForms(id, $"v{version}"));
    }

    // Old-style math ids are written with their subject class too: math.GT/0309136 is math/0309136.
    private static IEnumerable<string> SubjectClassForms(string id, string version) =>
        id.StartsWith("math/", StringComparison.Ordinal)
            ? [$"math.GT{id[4..]}{version}", $"arXiv:MATH.gt{id[4..]}{version}", $"https://arxiv.org/abs/math.GT{id[4..]}{version}"]
            : [];
}
