namespace Pith.Cli.Tests;

/// <summary>The sample files copied next to the tests, by paths relative to the bin folder (the default working directory).</summary>
public static class Samples
{
    public static readonly string Records = Path.Combine("samples", "records");

    public static readonly string NotRecords = Path.Combine("samples", "not-records");

    public static readonly string RealUnsigned = Path.Combine("samples", "real-unsigned");

    /// <summary>The three signed seed records, in ordinal file-name order, with the Pith numbers the resolver gave them.</summary>
    public static readonly (string Path, string PithNumber)[] Seeds =
    [
        (Path.Combine(Records, "pith-3V7SYW4G.json"), "pith:2023:3V7SYW4G2357KRLWH4ESWW6RSL"),
        (Path.Combine(Records, "pith-D52N3J2W.json"), "pith:2013:D52N3J2WQLSLTFYSDVZ62DOE5U"),
        (Path.Combine(Records, "pith-KXQ2F5Z7.json"), "pith:2018:KXQ2F5Z7VTNKFAXRD3GVC5LN3E"),
    ];

    public static byte[] ReadBytes(string relativePath) => File.ReadAllBytes(Path.Combine(PithProcess.BinDirectory, relativePath));

    /// <summary>The files of a sample folder, as relative paths in ordinal order.</summary>
    public static string[] FilesIn(string relativeFolder) =>
        Directory.GetFiles(Path.Combine(PithProcess.BinDirectory, relativeFolder))
            .Select(full => Path.Combine(relativeFolder, Path.GetFileName(full)))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
