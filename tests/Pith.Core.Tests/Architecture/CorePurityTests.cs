using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Pith.Core.Verification;
using Xunit;

namespace Pith.Core.Tests.Architecture;

/// <summary>
/// Pith.Core takes bytes and gives verdicts: it reaches no file system, console, environment or platform call of its
/// own (those belong to Pith.Inputs and the CLI). Read from the compiled assembly's metadata, so that no spelling of a
/// call escapes the check.
/// </summary>
public sealed class CorePurityTests
{
    private static readonly string[] ForbiddenTypes =
    [
        "System.IO.File", "System.IO.Directory", "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.IO.FileStream",
        "System.IO.FileSystemInfo", "System.IO.RandomAccess", "System.IO.Path", "System.Console", "System.Environment",
        "Microsoft.Win32.SafeHandles.SafeFileHandle", "System.Diagnostics.Process",
    ];

    [Fact]
    public void Core_refers_to_no_file_system_console_or_environment_type()
    {
        using var pe = new PEReader(File.OpenRead(typeof(RecordVerifier).Assembly.Location));
        var metadata = pe.GetMetadataReader();
        var referenced = metadata.TypeReferences
            .Select(handle => metadata.GetTypeReference(handle))
            .Select(type => $"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}")
            .ToHashSet(StringComparer.Ordinal);
        var forbidden = ForbiddenTypes.Where(referenced.Contains).ToList();
        Assert.True(forbidden.Count == 0, "Pith.Core refers to " + string.Join(", ", forbidden));
    }

    [Fact]
    public void Core_declares_no_platform_call()
    {
        var imports = typeof(RecordVerifier).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(method => method.Attributes.HasFlag(MethodAttributes.PinvokeImpl))
            .Select(method => $"{method.DeclaringType}.{method.Name}");
        Assert.Empty(imports);
    }
}
