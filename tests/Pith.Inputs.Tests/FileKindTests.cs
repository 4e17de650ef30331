using Xunit;

namespace Pith.Inputs.Tests;

public sealed class FileKindTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pith-filekind-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void An_open_file_reports_its_type_and_exact_size()
    {
        if (!OperatingSystem.IsLinux()) return;
        var path = Path.Combine(_root.FullName, "r.json");
        File.WriteAllBytes(path, new byte[70_001]);
        using var handle = File.OpenHandle(path);

        Assert.True(FileKind.TryGetStatus((int)handle.DangerousGetHandle(), out var regular, out var size));
        Assert.True(regular);
        Assert.Equal(70_001, size);
    }

    [Fact]
    public void An_open_device_is_not_a_regular_file_and_a_closed_descriptor_tells_nothing()
    {
        if (!OperatingSystem.IsLinux()) return;
        using (var device = File.OpenHandle("/dev/null"))
        {
            Assert.True(FileKind.TryGetStatus((int)device.DangerousGetHandle(), out var regular, out _));
            Assert.False(regular);
        }
        Assert.False(FileKind.TryGetStatus(-1, out _, out _));
    }
}
