namespace Pith.Core.Identifiers;

/// <summary>What a pasted alias was understood as.</summary>
public enum AliasQueryKind
{
    /// <summary>An unversioned arXiv id: names the paper (every version).</summary>
    Arxiv,

    /// <summary>An arXiv id with its version: names exactly that version.</summary>
    ArxivVersion,

    /// <summary>A DOI (compared with ASCII case folding).</summary>
    Doi,

    /// <summary>A full Pith number, <c>pith:YYYY:CODE</c>.</summary>
    PithNumber,

    /// <summary>A Pith code of 8, 12, 16 or 26 characters, bare or as <c>pith:CODE</c>.</summary>
    PithCode,
}
