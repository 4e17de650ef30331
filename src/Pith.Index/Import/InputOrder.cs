namespace Pith.Index.Import;

/// <summary>
/// The input position of each row written in one run, by row id. A run adds a row for nearly every record, with ids one
/// after another: those are kept in a flat array in chunks (8 bytes a row, never copied as it grows), the rest in a
/// dictionary, which for every row would take several times the memory and copy itself as it grew.
/// </summary>
internal sealed class InputOrder
{
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;

    private readonly List<long[]> _chunks = [];
    private readonly Dictionary<long, long> _others = [];
    private long _firstId = -1;

    public void Set(long id, long sequence)
    {
        if (_firstId < 0) _firstId = id;
        var offset = id - _firstId;
        // A row before the first, or far past the rows so far (ids need not follow on), goes to the dictionary.
        if (offset < 0 || offset >= ((long)_chunks.Count + 1) * ChunkSize)
        {
            _others[id] = sequence;
            return;
        }
        var chunk = (int)(offset >> ChunkBits);
        if (chunk == _chunks.Count) _chunks.Add(new long[ChunkSize]);
        // Stored plus one: zero is "not written in this run".
        _chunks[chunk][offset & (ChunkSize - 1)] = sequence + 1;
    }

    public bool TryGet(long id, out long sequence)
    {
        var offset = id - _firstId;
        if (_firstId >= 0 && offset >= 0 && offset < (long)_chunks.Count * ChunkSize)
        {
            var stored = _chunks[(int)(offset >> ChunkBits)][offset & (ChunkSize - 1)];
            if (stored != 0)
            {
                sequence = stored - 1;
                return true;
            }
        }
        return _others.TryGetValue(id, out sequence);
    }
}
