using System.Runtime.InteropServices;
using System.Text.Json;
using Pith.Core.Documents;
using Pith.Core.Keys;
using Pith.Inputs.Files;

namespace Pith.Inputs.Keys;

/// <summary>
/// The keys a user has chosen to trust besides the built-in one, kept in <c>$XDG_CONFIG_HOME/pith/keys.json</c>
/// (<c>~/.config/pith/keys.json</c>) as <c>{"keys":[...]}</c>: the same shape <c>--keys</c> reads, so the file can also
/// be given to <c>--keys</c> or edited by hand. Written atomically. A missing file is an empty store. Changes (add,
/// remove) read, change and write the store under an exclusive lock on <c>keys.json.lock</c> beside it, so that
/// concurrent changes all land: none lost, none undone.
/// </summary>
public sealed partial class UserKeyStore(string path)
{
    public string Path { get; } = path;

    /// <summary>Where the store lives: <c>$XDG_CONFIG_HOME/pith/keys.json</c>, else <c>~/.config/pith/keys.json</c> (a relative <c>XDG_CONFIG_HOME</c> is ignored).</summary>
    public static string DefaultPath(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        return System.IO.Path.Combine(XdgBaseDirectory.Resolve("XDG_CONFIG_HOME", ".config", environment), "pith", "keys.json");
    }

    public static UserKeyStore Default() => new(DefaultPath());

    /// <summary>The stored keys (none when there is no store yet), or a one-line reason the store cannot be used.</summary>
    public ParseResult<IReadOnlyList<TrustedKey>> Load()
    {
        // Nothing there is an empty store; a folder or a FIFO in its place is an error naming it.
        if (!File.Exists(Path) && !Directory.Exists(Path)) return ParseResult<IReadOnlyList<TrustedKey>>.ForValue([]);
        var read = KeyFileBytes.Read(Path, regularOnly: true);
        if (!read.Success) return ParseResult<IReadOnlyList<TrustedKey>>.ForError($"user key store {Path}: cannot read: {read.Error}");
        var bytes = read.Value!;
        var keys = KeyFile.Read(bytes, Path);
        // An emptied store (every key removed) is a store with no keys, not a bad key file.
        if (!keys.Success && IsEmptyStore(bytes)) return ParseResult<IReadOnlyList<TrustedKey>>.ForValue([]);
        return keys.Success ? keys : ParseResult<IReadOnlyList<TrustedKey>>.ForError($"user key store: {keys.Error} (fix or remove the file)");
    }

    /// <summary>
    /// Adds <paramref name="keys"/> (saving the store when any is new). Refused, with nothing saved, when a key id is
    /// already bound to another key (the built-in one, a stored one, or another of <paramref name="keys"/>). Returns each
    /// key with whether it was added (false: trusted already).
    /// </summary>
    public ParseResult<IReadOnlyList<(TrustedKey Key, bool Added)>> Add(IReadOnlyList<TrustedKey> keys) => Locked(() =>
    {
        var stored = Load();
        if (!stored.Success) return ParseResult<IReadOnlyList<(TrustedKey, bool)>>.ForError(stored.Error!);
        // The same rule as when the keys are used: one key per key id.
        var combined = TrustedKeys.WithBuiltIn([.. stored.Value!, .. keys]);
        if (!combined.Success) return ParseResult<IReadOnlyList<(TrustedKey, bool)>>.ForError(combined.Error! + "; nothing was added");
        var known = new HashSet<string>([TrustedKeys.BuiltInKeyId, .. stored.Value!.Select(k => k.KeyId)], StringComparer.Ordinal);
        var outcomes = keys.Select(k => (k, known.Add(k.KeyId))).ToList();
        var added = outcomes.Where(o => o.Item2).Select(o => o.k).ToList();
        if (added.Count > 0) Save([.. stored.Value!, .. added]);
        return ParseResult<IReadOnlyList<(TrustedKey, bool)>>.ForValue(outcomes);
    });

    /// <summary>
    /// Removes the key <paramref name="keyId"/> from the store: true when it was there, false when not; an error for the
    /// built-in key (always trusted) or a store that cannot be used.
    /// </summary>
    public (bool Removed, string? Error) Remove(string keyId)
    {
        if (keyId == TrustedKeys.BuiltInKeyId)
            return (false, $"'{keyId}' is the built-in resolver key and cannot be removed: pith always trusts it (distrusting it is not offered)");
        return Locked(() =>
        {
            var stored = Load();
            if (!stored.Success) return (false, stored.Error);
            var kept = stored.Value!.Where(k => k.KeyId != keyId).ToList();
            if (kept.Count == stored.Value!.Count) return (false, (string?)null);
            Save(kept);
            return (true, null);
        });
    }

    /// <summary>
    /// Runs a read-change-write of the store holding an exclusive lock on its lock file (waiting for another pith that
    /// holds it). flock(2) on Unix: the lock goes with the process, so a killed pith leaves none behind.
    /// </summary>
    private T Locked<T>(Func<T> change)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        using var lockFile = new FileStream(Path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite,
            OperatingSystem.IsWindows() ? FileShare.None : FileShare.ReadWrite);
        if (!OperatingSystem.IsWindows())
        {
            var descriptor = (int)lockFile.SafeFileHandle.DangerousGetHandle();
            const int exclusive = 2; // LOCK_EX
            const int interrupted = 4; // EINTR
            while (Flock(descriptor, exclusive) != 0)
            {
                if (Marshal.GetLastPInvokeError() != interrupted)
                    throw new IOException($"cannot lock {Path}.lock: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
            }
        }
        return change();
    }

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(int descriptor, int operation);

    /// <summary>Replaces the store's content with <paramref name="keys"/>, atomically.</summary>
    public void Save(IEnumerable<TrustedKey> keys) => AtomicFile.Write(Path, stream =>
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("keys");
        foreach (var key in keys)
        {
            json.WriteStartObject();
            json.WriteString("key_id", key.KeyId);
            json.WriteString("algorithm", "ed25519");
            json.WriteString("public_key_b64", Convert.ToBase64String(key.PublicKey));
            json.WriteString("public_key_hex", Convert.ToHexStringLower(key.PublicKey));
            json.WriteString("fingerprint_sha256_hex", key.Fingerprint);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    });

    private static bool IsEmptyStore(byte[] bytes)
    {
        var parsed = JsonDocumentReader.Read(bytes);
        if (!parsed.Success) return false;
        using var document = parsed.Value!;
        var root = document.RootElement;
        return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("keys", out var keys)
            && keys.ValueKind == JsonValueKind.Array && keys.GetArrayLength() == 0;
    }
}
