using Pith.Cli.Tests.Import;
using Pith.Testing;
using Xunit;

namespace Pith.Cli.Tests.Usage;

/// <summary>
/// A mistyped option is a usage error in every command (exit 2, the reason, then where the help is), never a file name,
/// key id or stray argument; after <c>--</c> the same word is an argument.
/// </summary>
public sealed class UnknownOptionTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private PithResult Pith(string[] args) => PithProcess.Run(args, workingDirectory: _temp.Root,
        environment: new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = Path.Combine(_temp.Root, "config") });

    public static TheoryData<string[], string> Commands => new()
    {
        { ["keys", "add", "--bogus"], "unknown option '--bogus' (a path starting with '-' can be written ./--bogus, or after '--')" },
        { ["keys", "remove", "--bogus"], "unknown option '--bogus' (a key id starting with '-' can be given after '--')" },
        { ["keys", "list", "--bogus"], "unknown option '--bogus'" },
        { ["stats", "--bogus"], "unknown option '--bogus'" },
        { ["export", "--bogus"], "unknown option '--bogus'" },
        { ["audit", "--bogus"], "unknown option '--bogus'" },
        { ["stats", "stray"], "unexpected argument 'stray'" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void AMistypedOption_IsAUsageError_PointingAtTheCommandsHelp(string[] args, string reason)
    {
        var command = string.Join(' ', args.TakeWhile(a => !a.StartsWith('-') && a != "stray"));

        var result = Pith(args);

        result.AssertExit(2);
        Assert.Empty(result.Stdout);
        Assert.Equal([$"pith: {reason}", $"Try 'pith {command} --help'."], result.StderrLines);
        Assert.False(Directory.Exists(Path.Combine(_temp.Root, "config")), "the key store was touched");
    }

    [Fact]
    public void KeysAdd_ReadsAFileNamedLikeAnOption_AfterDoubleDash()
    {
        _temp.Write("--odd.json", TestKey.Default.ToKeyFileJson());

        var result = Pith(["keys", "add", "--", "--odd.json"]);

        result.AssertExit(0);
        Assert.Equal([$"added {TestKey.Default.KeyId}  {TestKey.Default.Trusted.Fingerprint}"], result.StdoutLines);
    }
}
