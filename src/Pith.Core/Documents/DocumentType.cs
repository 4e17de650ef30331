namespace Pith.Core.Documents;

/// <summary>What a parsed JSON document claims to be (spec section 1), as named in results.</summary>
public static class DocumentType
{
    public const string Record = "pith_number_record";
    public const string Bundle = "pith_open_graph_bundle";
    public const string State = "pith_open_graph_state";
}
