using Pith.Core.Documents;

namespace Pith.Core.Keys;

/// <summary>
/// The set of keys receipts are verified against: the resolver key built in, plus what the user adds.
/// A record never brings its own key.
/// </summary>
public sealed class TrustedKeys
{
    /// <summary>The resolver's key, as published in pith-mirrors.json (samples/keys/pith-v1-2026-05.json).</summary>
    public const string BuiltInKeyId = "pith-v1-2026-05";

    private const string BuiltInPublicKeyHex = "b2d552b68890857171a78b36a5dccf368a953413288c353f7c9d9d6f94b709b3";

    private readonly Dictionary<string, TrustedKey> _byId;

    private TrustedKeys(Dictionary<string, TrustedKey> byId) => _byId = byId;

    public static TrustedKey BuiltIn { get; } = new(BuiltInKeyId, Convert.FromHexString(BuiltInPublicKeyHex), "built-in");

    public IReadOnlyCollection<TrustedKey> All => _byId.Values;

    /// <summary>Only the built-in resolver key.</summary>
    public static TrustedKeys Default() => new(new Dictionary<string, TrustedKey>(StringComparer.Ordinal) { [BuiltInKeyId] = BuiltIn });

    /// <summary>These keys and no others (tests and callers that distrust the built-in key).</summary>
    public static ParseResult<TrustedKeys> Only(IEnumerable<TrustedKey> keys) => Combine([], keys);

    /// <summary>The built-in key plus <paramref name="extra"/>; a key id bound to two different keys is refused.</summary>
    public static ParseResult<TrustedKeys> WithBuiltIn(IEnumerable<TrustedKey> extra) => Combine([BuiltIn], extra);

    public TrustedKey? Find(string keyId) => _byId.GetValueOrDefault(keyId);

    private static ParseResult<TrustedKeys> Combine(IEnumerable<TrustedKey> first, IEnumerable<TrustedKey> more)
    {
        var byId = new Dictionary<string, TrustedKey>(StringComparer.Ordinal);
        foreach (var key in first.Concat(more))
        {
            if (byId.TryGetValue(key.KeyId, out var known))
            {
                if (!known.PublicKey.AsSpan().SequenceEqual(key.PublicKey))
                    return ParseResult<TrustedKeys>.ForError($"key id '{key.KeyId}' is bound to two different keys ({known.Origin} and {key.Origin})");
                continue;
            }
            byId[key.KeyId] = key;
        }
        return ParseResult<TrustedKeys>.ForValue(new TrustedKeys(byId));
    }
}

