using Xunit;

namespace Pith.Cli.Tests.Serve;

/// <summary>
/// One server for the route tests: <see cref="IndexedCorpus.WithMirrorDocuments"/> (records, a reissue, bundles and state
/// files, a record only a bundle brought, one only a state file brought), served with the test key trusted.
/// </summary>
public sealed class ServedCorpus : IDisposable
{
    public ServedCorpus()
    {
        Corpus = IndexedCorpus.WithMirrorDocuments();
        Server = PithServe.Start(Corpus.Db, "--keys", Corpus.KeyFile);
    }

    public IndexedCorpus Corpus { get; }

    public PithServe Server { get; }

    public HttpClient Client => Server.Client;

    /// <summary>The 26-character code of a Pith number.</summary>
    public static string CodeOf(string pithNumber) => pithNumber[(pithNumber.LastIndexOf(':') + 1)..];

    public void Dispose()
    {
        Server.Dispose();
        Corpus.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ServedCorpusCollection : ICollectionFixture<ServedCorpus>
{
    public const string Name = "served corpus";
}
