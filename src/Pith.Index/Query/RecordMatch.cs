using System.Text.Json;
using Pith.Index.Sqlite;

namespace Pith.Index.Query;

/// <summary>A current record an alias names: its row, Pith number and arXiv source.</summary>
public sealed record RecordMatch(long Id, string PithNumber, string SourceId, long Version)
{
    /// <summary>What a statement read by <see cref="ReadAll"/> selects from <c>records</c> (unqualified: one table).</summary>
    internal const string Columns = "id, pith_number, source_id, source_version";

    /// <summary>The match as JSON, as <c>resolve --json</c> and <c>show --json --with-index</c> write it: <c>{"pith_number", "source_id", "version"}</c>.</summary>
    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("pith_number", PithNumber);
        json.WriteString("source_id", SourceId);
        json.WriteNumber("version", Version);
        json.WriteEndObject();
    }

    /// <summary>The rows of a statement selecting <see cref="Columns"/> (of <c>records</c>, under those names), in its order.</summary>
    internal static List<RecordMatch> ReadAll(Statement statement)
    {
        int id = statement.Column("id"), number = statement.Column("pith_number"), source = statement.Column("source_id"), version = statement.Column("source_version");
        var matches = new List<RecordMatch>(1);
        while (statement.Step()) matches.Add(new RecordMatch(statement.Int64(id), statement.Text(number), statement.Text(source), statement.Int64(version)));
        return matches;
    }
}
