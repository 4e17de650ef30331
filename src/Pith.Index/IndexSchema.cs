namespace Pith.Index;

/// <summary>The SQLite index (built by the import issue).</summary>
internal static class IndexSchema
{
    public const int Version = 0;
}
