using System.Text.Json;
using Pith.Cli.Tests.Import;
using Pith.Core.Keys;
using Pith.Testing;
using Xunit;

namespace Pith.Cli.Tests.Keys;

/// <summary>The user key store, in a temporary XDG_CONFIG_HOME, as every verifying command sees it.</summary>
public sealed class KeysCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _configHome;
    private readonly string _keyFile;
    private readonly string _record;

    public KeysCommandTests()
    {
        _configHome = Path.Combine(_temp.Root, "config");
        _keyFile = PithImport.WriteTestKey(_temp);
        _record = _temp.Write("record.json", RecordFactory.ToBytes(RecordFactory.Create(TestKey.Default)));
    }

    public void Dispose() => _temp.Dispose();

    private string StorePath => Path.Combine(_configHome, "pith", "keys.json");

    private PithResult Pith(params string[] args) =>
        PithProcess.Run(args, environment: new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = _configHome });

    [Fact]
    public void An_added_key_is_trusted_by_verify_import_and_audit_until_removed()
    {
        Pith("verify", _record).AssertExit(1);
        var builtInOnly = Pith("keys", "list");
        builtInOnly.AssertExit(0);
        Assert.Equal($"{TrustedKeys.BuiltInKeyId}  {TrustedKeys.BuiltIn.Fingerprint}  built-in", Assert.Single(builtInOnly.StdoutLines));

        var add = Pith("keys", "add", _keyFile);
        add.AssertExit(0);
        Assert.Equal($"added {TestKey.Default.KeyId}  {TestKey.Default.Trusted.Fingerprint}", Assert.Single(add.StdoutLines));
        Assert.True(File.Exists(StorePath));
        // No temporary file left behind: the store and its lock file only.
        Assert.Equal(["keys.json", "keys.json.lock"], Directory.GetFiles(Path.GetDirectoryName(StorePath)!).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal($"already trusted {TestKey.Default.KeyId}  {TestKey.Default.Trusted.Fingerprint}", Assert.Single(Pith("keys", "add", _keyFile).StdoutLines));

        var list = Pith("keys", "list", "--json");
        list.AssertExit(0);
        var listed = list.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["built-in", "user store"], listed.Select(k => k.GetProperty("origin").GetString()));
        Assert.Equal(TestKey.Default.Trusted.Fingerprint, listed[1].GetProperty("fingerprint").GetString());

        var verify = Pith("verify", "--verbose", _record);
        verify.AssertExit(0);
        Assert.Contains($"(trusted, {StorePath})", verify.Stdout, StringComparison.Ordinal);
        var db = Path.Combine(_temp.Root, "index.db");
        Pith("import", "--db", db, "--quiet", _record).AssertExit(0);
        Pith("audit", "--db", db).AssertExit(0);

        var remove = Pith("keys", "remove", TestKey.Default.KeyId);
        remove.AssertExit(0);
        Assert.Equal($"removed {TestKey.Default.KeyId}", Assert.Single(remove.StdoutLines));
        Pith("verify", _record).AssertExit(1);
        Pith("audit", "--db", db).AssertExit(1);
        Assert.Single(Pith("keys", "list").StdoutLines);
    }

    [Fact]
    public void List_aligns_its_columns_in_text_only()
    {
        TestKey[] keys = [new("k"), new("a-key-id-longer-than-the-built-in-one")];
        foreach (var key in keys) Pith("keys", "add", _temp.Write(key.KeyId + ".json", key.ToKeyFileJson())).AssertExit(0);
        var width = keys[1].KeyId.Length;

        var list = Pith("keys", "list");

        list.AssertExit(0);
        Assert.Equal(
        [
            $"{TrustedKeys.BuiltInKeyId.PadRight(width)}  {TrustedKeys.BuiltIn.Fingerprint}  built-in",
            $"{"k".PadRight(width)}  {keys[0].Trusted.Fingerprint}  user store",
            $"{keys[1].KeyId}  {keys[1].Trusted.Fingerprint}  user store",
        ], list.StdoutLines);
        var json = Pith("keys", "list", "--json");
        Assert.Equal("k", JsonDocument.Parse(json.StdoutLines[1]).RootElement.GetProperty("key_id").GetString());
    }

    [Fact]
    public void The_built_in_key_cannot_be_removed_and_an_unknown_key_is_not_found()
    {
        var builtIn = Pith("keys", "remove", TrustedKeys.BuiltInKeyId);
        builtIn.AssertExit(2);
        Assert.Contains("is the built-in resolver key and cannot be removed", Assert.Single(builtIn.StderrLines), StringComparison.Ordinal);

        var unknown = Pith("keys", "remove", "no-such-key");
        unknown.AssertExit(1);
        Assert.StartsWith("pith: no key 'no-such-key' in the user key store", Assert.Single(unknown.StderrLines), StringComparison.Ordinal);
        Assert.False(File.Exists(StorePath));
    }

    [Fact]
    public void A_key_whose_fingerprint_disagrees_or_whose_id_is_taken_is_refused_and_nothing_is_stored()
    {
        var wrongFingerprint = _temp.Write("wrong.json", TestKey.Default.ToKeyFileJson().Replace(TestKey.Default.Trusted.Fingerprint, new string('0', 32), StringComparison.Ordinal));
        var refused = Pith("keys", "add", wrongFingerprint);
        refused.AssertExit(2);
        Assert.Contains("disagrees with the key's own", Assert.Single(refused.StderrLines), StringComparison.Ordinal);

        var impostor = _temp.Write("impostor.json", new TestKey(TrustedKeys.BuiltInKeyId).ToKeyFileJson());
        var taken = Pith("keys", "add", impostor);
        taken.AssertExit(2);
        Assert.Contains("bound to two different keys", Assert.Single(taken.StderrLines), StringComparison.Ordinal);

        var textKey = _temp.Write("text-key.json",
            $"{{\"key_id\":\"{TestKey.Default.KeyId}\",\"public_key\":\"{Convert.ToBase64String(TestKey.Default.PublicKey)}\",\"public_key_fingerprint\":\"{new string('0', 32)}\"}}");
        var refusedText = Pith("keys", "add", textKey);
        refusedText.AssertExit(2);
        Assert.Contains("disagrees with the key's own", Assert.Single(refusedText.StderrLines), StringComparison.Ordinal);

        Pith("keys", "add", Path.Combine(_temp.Root, "missing.json")).AssertExit(2);
        Assert.False(File.Exists(StorePath));
    }

    [Fact]
    public void A_damaged_store_stops_verifying_commands_with_one_line_naming_it()
    {
        _temp.Write(Path.Combine("config", "pith", "keys.json"), "{\"keys\": [ {\"key_id\": ");
        var result = Pith("verify", _record);
        result.AssertExit(2);
        result.AssertNoStackTrace();
        Assert.Contains(StorePath, Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }
    [Fact]
    public void A_folder_in_place_of_the_store_stops_verifying_commands_with_one_line_naming_it()
    {
        Directory.CreateDirectory(StorePath);

        var result = Pith("verify", _record);

        result.AssertExit(2);
        Assert.Empty(result.Stdout);
        Assert.Equal([$"pith: user key store {StorePath}: cannot read: it is a folder"], result.StderrLines);
    }

    [Fact]
    public void A_fifo_as_the_store_is_refused_without_waiting_for_a_writer()
    {
        if (!OperatingSystem.IsLinux()) return;
        Directory.CreateDirectory(Path.GetDirectoryName(StorePath)!);
        File.Move(Conventions.Fifo.Create(_temp, "store-fifo"), StorePath);

        var store = Pith("verify", _record);
        var list = Pith("keys", "list");

        store.AssertExit(2);
        Assert.Equal([$"pith: user key store {StorePath}: cannot read: not a regular file (a FIFO, socket or device)"], store.StderrLines);
        list.AssertExit(2);
        Assert.Equal([$"pith: user key store {StorePath}: cannot read: not a regular file (a FIFO, socket or device)"], list.StderrLines);
    }
}
