using Xunit;

namespace Pith.Cli.Tests.Import;

/// <summary>
/// The tests sharing the large <see cref="ImportCorpus"/>. They run alone (not beside other test classes): killing
/// an import at chosen moments only means something when the moments are measured on an unloaded machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ImportCorpusCollection : ICollectionFixture<ImportCorpus>
{
    public const string Name = "Import corpus";
}
