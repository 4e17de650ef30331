using System.Text.RegularExpressions;
using Xunit;

namespace Pith.Cli.Tests.Verify;

/// <summary><c>pith verify</c> on the shipped sample folders: real records, real non-records, real unsigned records.</summary>
public sealed class VerifySamplesTests
{
    [Fact]
    public void SignedSeedRecords_AllVerify_OneOkLineEach()
    {
        var result = PithProcess.Run("verify", Samples.Records);

        result.AssertExit(0);
        Assert.Equal(Samples.Seeds.Select(s => $"OK {s.PithNumber} {s.Path}"), result.StdoutLines);
        Assert.Contains("3 valid, 0 invalid, 0 unreadable", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void NotRecords_FailParsingWithOneLineReasonEach_NoStackTrace()
    {
        var files = Samples.FilesIn(Samples.NotRecords);
        Assert.NotEmpty(files);

        var result = PithProcess.Run("verify", Samples.NotRecords);

        result.AssertExit(1);
        Assert.Equal(files.Length, result.StdoutLines.Count);
        foreach (var (file, line) in files.Zip(result.StdoutLines))
        {
            Assert.StartsWith($"FAIL {file}: parse: ", line, StringComparison.Ordinal);
            Assert.Contains("not JSON", line, StringComparison.Ordinal);
        }
        result.AssertNoStackTrace();
    }

    [Fact]
    public void RealUnsignedRecords_FailOnTheSignatureAlone()
    {
        var files = Samples.FilesIn(Samples.RealUnsigned);
        Assert.Equal(30, files.Length);

        var result = PithProcess.Run("verify", Samples.RealUnsigned);

        result.AssertExit(1);
        Assert.Equal(files.Length, result.StdoutLines.Count);
        foreach (var (file, line) in files.Zip(result.StdoutLines))
        {
            Assert.StartsWith($"FAIL {file}: signature: ", line, StringComparison.Ordinal);
            Assert.Contains("unsigned", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RealUnsignedRecords_Json_SignatureIsTheOnlyFailedCheck()
    {
        var files = Samples.FilesIn(Samples.RealUnsigned);

        var result = PithProcess.Run("verify", "--json", Samples.RealUnsigned);

        result.AssertExit(1);
        var verdicts = JsonLines.Parse(result);
        Assert.Equal(files, verdicts.Select(v => v.GetProperty("path").GetString()));
        foreach (var verdict in verdicts)
        {
            Assert.False(verdict.GetProperty("valid").GetBoolean());
            Assert.Equal(["signature"], JsonLines.ChecksWithStatus(verdict, "fail"));
            // Everything but the signature is real and consistent: the derived number is the one the file is named after.
            var code = Path.GetFileNameWithoutExtension(verdict.GetProperty("path").GetString()!);
            Assert.Matches($"^pith:[0-9]{{4}}:{code}$", verdict.GetProperty("pith_number").GetString());
        }
    }

    [Fact]
    public void Verbose_ListsEveryCheckWithItsOutcome()
    {
        var (path, number) = Samples.Seeds[0];

        var result = PithProcess.Run("verify", "--verbose", path);

        result.AssertExit(0);
        var lines = result.StdoutLines;
        Assert.Equal($"OK {number} {path}", lines[0]);
        var checks = lines.Skip(1).Select(line => Regex.Match(line, @"^  (pass|fail|skip) +([a-z0-9_.]+): ")).ToArray();
        Assert.All(checks, m => Assert.True(m.Success));
        var passed = checks.Where(m => m.Groups[1].Value == "pass").Select(m => m.Groups[2].Value).ToHashSet();
        foreach (var name in new[] { "parse", "canonical_hash", "pith_number", "alias.doi", "receipt.key_id", "signature", "title_hash" })
            Assert.Contains(name, passed);
        Assert.DoesNotContain(checks, m => m.Groups[1].Value == "fail");
    }

    [Fact]
    public void Verbose_ListsAnExcerptThatIsNotTheWholeAbstract_AndTheGraphSnapshot_AsNotSigned()
    {
        // The seed's abstract_excerpt is the first 600 characters only, and it carries a graph snapshot: nothing signs either.
        var (path, _) = Samples.Seeds[0];

        var result = PithProcess.Run("verify", "--verbose", path);

        result.AssertExit(0);
        Assert.Contains("  skip  paper.abstract_excerpt: not checked: not signed", result.StdoutLines);
        Assert.Contains(result.StdoutLines, l => l.StartsWith("  skip  graph_snapshot: not checked: not signed", StringComparison.Ordinal));
    }
}
