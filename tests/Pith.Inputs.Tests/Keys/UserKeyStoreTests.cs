using Pith.Core.Keys;
using Pith.Inputs.Keys;
using Pith.Testing;
using Xunit;

namespace Pith.Inputs.Tests.Keys;

public sealed class UserKeyStoreTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pith-keys-");

    public void Dispose() => _folder.Delete(recursive: true);

    private UserKeyStore Store => new(Path.Combine(_folder.FullName, "pith", "keys.json"));

    [Fact]
    public void Lives_under_xdg_config_home_else_under_home()
    {
        Assert.Equal(Path.Combine("/cfg", "pith", "keys.json"), UserKeyStore.DefaultPath(n => n == "XDG_CONFIG_HOME" ? "/cfg" : "/home/u"));
        Assert.Equal(Path.Combine("/home/u", ".config", "pith", "keys.json"), UserKeyStore.DefaultPath(n => n == "HOME" ? "/home/u" : ""));
    }

    [Theory]
    [InlineData("cfg")]
    [InlineData("./cfg")]
    [InlineData("~/cfg")]
    public void A_relative_xdg_config_home_is_ignored(string relative) =>
        Assert.Equal(Path.Combine("/home/u", ".config", "pith", "keys.json"),
            UserKeyStore.DefaultPath(n => n switch { "XDG_CONFIG_HOME" => relative, "HOME" => "/home/u", _ => null }));

    [Fact]
    public void A_missing_store_is_empty_and_added_keys_are_read_back_as_key_files_are()
    {
        Assert.Empty(Store.Load().Value!);
        var a = new TestKey("store-a");
        var added = Store.Add([a.Trusted]);
        Assert.True(added.Success, added.Error);
        Assert.True(Assert.Single(added.Value!).Added);

        var loaded = Assert.Single(Store.Load().Value!);
        Assert.Equal(a.KeyId, loaded.KeyId);
        Assert.Equal(a.PublicKey, loaded.PublicKey);
        Assert.Equal(Store.Path, loaded.Origin);
        // The store is a key file like any other.
        Assert.Equal(a.PublicKey, Assert.Single(KeyFile.Read(File.ReadAllBytes(Store.Path), "x").Value!).PublicKey);

        Assert.False(Assert.Single(Store.Add([a.Trusted]).Value!).Added);
        Assert.Single(Store.Load().Value!);
    }

    [Fact]
    public void Refuses_a_key_id_bound_to_another_key_and_adds_nothing()
    {
        var a = new TestKey("store-a");
        Store.Add([a.Trusted]);
        var impostor = new TrustedKey(a.KeyId, new TestKey("other").PublicKey, "impostor.json");
        var b = new TestKey("store-b");
        var refused = Store.Add([b.Trusted, impostor]);
        Assert.False(refused.Success);
        Assert.Contains("bound to two different keys", refused.Error, StringComparison.Ordinal);
        Assert.Equal([a.KeyId], Store.Load().Value!.Select(k => k.KeyId));

        var builtInImpostor = new TrustedKey(TrustedKeys.BuiltInKeyId, a.PublicKey, "impostor.json");
        Assert.False(Store.Add([builtInImpostor]).Success);
    }

    [Fact]
    public void Removes_stored_keys_but_never_the_built_in_one()
    {
        var a = new TestKey("store-a");
        Store.Add([a.Trusted]);
        Assert.Equal((false, null), Store.Remove("absent"));
        var (removed, error) = Store.Remove(TrustedKeys.BuiltInKeyId);
        Assert.False(removed);
        Assert.Contains("built-in", error, StringComparison.Ordinal);
        Assert.Equal((true, null), Store.Remove(a.KeyId));
        Assert.Empty(Store.Load().Value!);
    }

    [Fact]
    public void A_damaged_store_is_an_error_naming_it()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Store.Path)!);
        File.WriteAllText(Store.Path, "{\"keys\": [");
        var loaded = Store.Load();
        Assert.False(loaded.Success);
        Assert.Contains(Store.Path, loaded.Error, StringComparison.Ordinal);
    }
}
