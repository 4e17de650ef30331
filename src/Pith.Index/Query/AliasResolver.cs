using Pith.Core.Identifiers;
using Pith.Index.Sqlite;

namespace Pith.Index.Query;

/// <summary>
/// Resolves aliases as people paste them (parsed by <see cref="AliasQuery"/>) to the current records of the index:
/// a full Pith number or 26-character code names one record; a short code may name several (ambiguous: all are
/// listed, none is picked); an unversioned arXiv id or DOI names the paper, i.e. its newest version indexed, or
/// every version when asked; a versioned id names exactly that version. The statements are prepared once, so
/// resolving many aliases costs one index look-up each.
/// </summary>
public sealed class AliasResolver : IDisposable
{
    private readonly Statement _byNumber;
    private readonly Statement _byCode;
    private readonly Statement _byAlias;

    // The parameters' indexes, looked up once: each look-up binds by index.
    private readonly int _numberValue;
    private readonly int _codeValue;
    private readonly int _aliasValue;
    private readonly int _aliasKind;

    public AliasResolver(IndexReader index)
    {
        _byNumber = index.Prepare($"SELECT {RecordMatch.Columns} FROM records WHERE pith_number = $value");
        _byCode = index.Prepare($"SELECT {RecordMatch.Columns} FROM records WHERE code = $value ORDER BY pith_number");
        _byAlias = index.Prepare(
            """
            SELECT r.id AS id, r.pith_number AS pith_number, r.source_id AS source_id, r.source_version AS source_version
            FROM aliases a JOIN records r ON r.id = a.record_id
            WHERE a.normalized = $value AND a.kind = $kind
            ORDER BY r.source_version, r.pith_number
            """);
        _numberValue = _byNumber.Parameter("$value");
        _codeValue = _byCode.Parameter("$value");
        _aliasValue = _byAlias.Parameter("$value");
        _aliasKind = _byAlias.Parameter("$kind");
    }

    public void Dispose()
    {
        _byNumber.Dispose();
        _byCode.Dispose();
        _byAlias.Dispose();
    }

    /// <summary>Resolves <paramref name="text"/>; with <paramref name="allVersions"/>, an unversioned id or DOI gives every version.</summary>
    public Resolution Resolve(string text, bool allVersions = false)
    {
        var parsed = AliasQuery.Parse(text);
        if (!parsed.Success) return new Resolution(text, null, ResolutionStatus.Invalid, [], parsed.Error);
        var query = parsed.Value!;
        var matches = Find(query);
        if (matches.Count == 0) return new Resolution(text, query, ResolutionStatus.NotFound, [], "not in the index");
        if (query.Kind is AliasQueryKind.Arxiv or AliasQueryKind.Doi)
        {
            if (allVersions) return new Resolution(text, query, ResolutionStatus.Resolved, matches, null);
            // Sorted by version: the newest are the last.
            var newest = matches[^1].Version;
            matches = matches.FindAll(m => m.Version == newest);
        }
        return matches.Count == 1
            ? new Resolution(text, query, ResolutionStatus.Resolved, matches, null)
            : new Resolution(text, query, ResolutionStatus.Ambiguous, matches, $"ambiguous: {matches.Count} records match");
    }

    private List<RecordMatch> Find(AliasQuery query)
    {
        var (statement, value) = query.Kind == AliasQueryKind.PithNumber ? (_byNumber, _numberValue)
            : query.StoredKind is { } kind ? (_byAlias.Bind(_aliasKind, kind), _aliasValue)
            : (_byCode, _codeValue);
        try
        {
            return RecordMatch.ReadAll(statement.Bind(value, query.Value));
        }
        finally
        {
            // Idle statements are reset: a statement part-way through its rows cannot be bound again.
            statement.Reset();
        }
    }
}
