using Xunit;

namespace Pith.Cli.Tests.Resolve;

/// <summary>The tests sharing one <see cref="ResolveIndex"/> (built once: an import is a process of its own).</summary>
[CollectionDefinition(Name)]
public sealed class ResolveIndexCollection : ICollectionFixture<ResolveIndex>
{
    public const string Name = "Resolve index";
}
