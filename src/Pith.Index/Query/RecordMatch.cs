using Pith.Index.Sqlite;

namespace Pith.Index.Query;

/// <summary>A current record an alias names: its row, Pith number and arXiv source.</summary>
public sealed record RecordMatch(long Id, string PithNumber, string SourceId, long Version)
{
    /// <summary>The rows of a statement selecting <c>id, pith_number, source_id, source_version</c>, in its order.</summary>
    internal static List<RecordMatch> ReadAll(Statement statement)
    {
        var matches = new List<RecordMatch>(1);
        while (statement.Step()) matches.Add(new RecordMatch(statement.Int64(0), statement.Text(1), statement.Text(2), statement.Int64(3)));
        return matches;
    }
}
