namespace Pith.Cli.Tests;

/// <summary>A fresh folder under the system temp folder for one test's generated files, deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("pith-cli-tests-").FullName;

    /// <summary>Writes <paramref name="bytes"/> at <paramref name="relativePath"/> (folders created) and returns the full path.</summary>
    public string Write(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Write(string relativePath, string text) => Write(relativePath, System.Text.Encoding.UTF8.GetBytes(text));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test that passed.
        }
    }
}
