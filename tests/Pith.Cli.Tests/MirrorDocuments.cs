using System.Text.Json.Nodes;
using Pith.Testing;

namespace Pith.Cli.Tests;

/// <summary>Bundles and state files of the seed records (carrying their real receipts), as the tests write them to disk.</summary>
public static class MirrorDocuments
{
    /// <summary>The seed record at <paramref name="seed"/> (an index into <see cref="Samples.Seeds"/>).</summary>
    public static JsonObject Seed(int seed) => RecordFactory.Parse(Samples.ReadBytes(Samples.Seeds[seed].Path));

    public static JsonObject Bundle(int seed) => MirrorDocumentFactory.Bundle(Seed(seed));

    public static JsonObject State(int seed) => MirrorDocumentFactory.State(Seed(seed));
}
