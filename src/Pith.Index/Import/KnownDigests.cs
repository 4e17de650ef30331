namespace Pith.Index.Import;

/// <summary>
/// The SHA-256 of every document stored, asked about by every input of an import: filled by one thread, then read by
/// any number. Open addressing in one array of digests, probed from a slot the digest's own first bytes choose (they
/// are uniformly spread): a look-up touches one cache line, where a HashSet read a bucket and then an entry, two misses
/// on a large index.
/// </summary>
internal sealed class KnownDigests
{
    // At most three quarters full, so that a probe for an absent digest stops soon.
    private const int LoadNumerator = 3, LoadDenominator = 4;

    // A slot holding the all-zero value is empty; that digest itself is kept aside.
    private UInt256[] _slots;
    private bool _hasZero;

    /// <param name="expected">How many digests will be added: room for them from the start (more still fit).</param>
    public KnownDigests(int expected = 0) => _slots = new UInt256[SlotsFor(Math.Max(0, expected))];

    public int Count { get; private set; }

    /// <summary>Adds <paramref name="digest"/>; false when it was there already.</summary>
    public bool Add(in UInt256 digest)
    {
        if (digest == default)
        {
            if (_hasZero) return false;
            _hasZero = true;
            Count++;
            return true;
        }
        if ((long)(Count + 1) * LoadDenominator > (long)_slots.Length * LoadNumerator) Grow();
        if (!Place(_slots, digest)) return false;
        Count++;
        return true;
    }

    public bool Contains(in UInt256 digest)
    {
        if (digest == default) return _hasZero;
        var slots = _slots;
        return slots[Slot(slots, digest)] == digest;
    }

    private void Grow()
    {
        var larger = new UInt256[SlotsFor(Math.Max(4, Count * 2))];
        foreach (var digest in _slots)
        {
            if (digest != default) Place(larger, digest);
        }
        _slots = larger;
    }

    // False when already there.
    private static bool Place(UInt256[] slots, in UInt256 digest)
    {
        ref var slot = ref slots[Slot(slots, digest)];
        if (slot == digest) return false;
        slot = digest;
        return true;
    }

    // The slot holding the digest, or else the empty slot where its probe stops (the array is never full).
    private static int Slot(UInt256[] slots, in UInt256 digest)
    {
        for (var i = Home(digest, slots.Length); ; i = i + 1 == slots.Length ? 0 : i + 1)
        {
            ref readonly var slot = ref slots[i];
            if (slot == digest || slot == default) return i;
        }
    }

    // The top 32 bits of the first word, scaled to the length (no power-of-two length needed, so no space lost to one).
    private static int Home(in UInt256 digest, int length) => (int)(((digest.A >> 32) * (ulong)length) >> 32);

    private static int SlotsFor(int count) => (int)Math.Min(Array.MaxLength, (long)count * LoadDenominator / LoadNumerator + 1);
}
