using Pith.Index.Import;
using Xunit;

namespace Pith.Index.Tests.Import;

public class InputOrderTests
{
    [Fact]
    public void Gives_back_each_rows_latest_sequence_whatever_its_id()
    {
        var order = new InputOrder();
        var expected = new Dictionary<long, long>();
        void Set(long id, long sequence)
        {
            order.Set(id, sequence);
            expected[id] = sequence;
        }

        // New rows one after another (across chunks), rows from before the run, a row far past the others, sequence 0.
        for (var id = 1_000L; id < 1_000 + 150_000; id++) Set(id, (id * 7) % 200_003);
        Set(5, 0);
        Set(999, 42);
        Set(10_000_000, 7);
        Set(1_500, 3);
        Set(5, 9);

        foreach (var (id, sequence) in expected)
        {
            Assert.True(order.TryGet(id, out var got), $"row {id} not found");
            Assert.Equal(sequence, got);
        }
        foreach (var absent in new long[] { 0, 6, 998, 1_000 + 150_000, 9_999_999 })
            Assert.False(order.TryGet(absent, out _), $"row {absent} was never set");
    }

    [Fact]
    public void Knows_nothing_before_the_first_row()
    {
        Assert.False(new InputOrder().TryGet(1, out _));
    }
}
