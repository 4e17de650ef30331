using Pith.Index.Import;
using Pith.Testing;
using Xunit;

namespace Pith.Index.Tests.Import;

/// <summary>The digests of the documents stored, which a re-import looks its inputs up in (<see cref="KnownDigests"/>).</summary>
public sealed class KnownBytesTests : IDisposable
{
    private readonly TestIndex _index = new();

    public void Dispose() => _index.Dispose();

    [Fact]
    public void A_count_of_stored_documents_far_beyond_what_the_file_holds_does_not_size_the_set()
    {
        var record = RecordFactory.Create(TestKey.Default);
        _index.Import(record);
        using (var database = _index.Open()) database.Execute("UPDATE index_counts SET records = 4000000000000");

        var again = _index.Import(record);

        Assert.Equal((0L, 1L), (again.Imported, again.Unchanged));
    }
}
