using Pith.Core.Documents;
using Pith.Core.Inputs;
using Xunit;

namespace Pith.Core.Tests.Inputs;

public sealed class BoundedReaderTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pith-read-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Reads_a_file_whole()
    {
        var path = Path.Combine(_folder.FullName, "a.json");
        File.WriteAllText(path, "{\"a\":1}");
        Assert.Equal("{\"a\":1}"u8.ToArray(), BoundedReader.ReadFile(path).Bytes);
    }

    [Fact]
    public void Reads_no_more_than_one_byte_past_the_limit()
    {
        var path = Path.Combine(_folder.FullName, "big.bin");
        using (var file = File.Create(path)) file.SetLength(JsonDocumentReader.MaxBytes * 3L);
        Assert.Equal(JsonDocumentReader.MaxBytes + 1, BoundedReader.ReadFile(path).Bytes!.Length);
        Assert.Equal(JsonDocumentReader.MaxBytes + 1, BoundedReader.Read(new MemoryStream(new byte[JsonDocumentReader.MaxBytes * 2]), []).Length);
    }

    [Fact]
    public void Names_what_cannot_be_read()
    {
        var (bytes, error) = BoundedReader.ReadFile(Path.Combine(_folder.FullName, "missing.json"));
        Assert.Null(bytes);
        Assert.StartsWith("cannot read: ", error, StringComparison.Ordinal);
    }
}
