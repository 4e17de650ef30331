using System.Text.Json;

namespace Pith.Index.Search;

/// <summary>One record whose title matched: its place in the ranking (1 is best), its bm25 score (lower is better) and what identifies it.</summary>
public sealed record SearchHit(int Rank, double Score, string PithNumber, string SourceId, long SourceVersion, string? Title)
{
    /// <summary>The stable JSON form (<c>pith search --json</c>, the server's search API): one object per hit. Fields are only ever added.</summary>
    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteNumber("rank", Rank);
        json.WriteNumber("score", Math.Round(Score, 6));
        json.WriteString("pith_number", PithNumber);
        json.WriteString("source_id", SourceId);
        json.WriteNumber("source_version", SourceVersion);
        json.WriteString("title", Title);
        json.WriteEndObject();
    }
}
