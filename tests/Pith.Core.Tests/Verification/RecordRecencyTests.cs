using Pith.Core.Verification;
using Xunit;

namespace Pith.Core.Tests.Verification;

public class RecordRecencyTests
{
    private static readonly byte[] Low = new byte[32];
    private static readonly byte[] High = Enumerable.Repeat((byte)0xFF, 32).ToArray();

    [Fact]
    public void The_later_updated_at_is_newer_whatever_its_format()
    {
        Assert.True(RecordRecency.Compare("2026-07-05T06:58:51.293543+00:00", Low, "2026-05-17T23:52:20Z", High) > 0);
        Assert.True(RecordRecency.Compare("2026-05-17T23:52:20Z", High, "2026-05-17T23:52:20.000001+00:00", Low) < 0);
        Assert.True(RecordRecency.Compare("2026-05-17T23:52:20Z", Low, null, High) > 0);
    }

    [Fact]
    public void Ties_break_on_the_bytes_hash_in_both_directions()
    {
        Assert.True(RecordRecency.Compare("2026-05-17T23:52:20Z", High, "2026-05-17T23:52:20+00:00", Low) > 0);
        Assert.True(RecordRecency.Compare("2026-05-17T23:52:20Z", Low, "2026-05-17T23:52:20+00:00", High) < 0);
        Assert.True(RecordRecency.Compare("garbage", High, null, Low) > 0);
    }
}
