using System.Text;
using Pith.Core.Identifiers;
using Xunit;

namespace Pith.Core.Tests.Identifiers;

public class Base32Tests
{
    // RFC 4648 section 10 test vectors, without padding.
    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Encodes_rfc4648_vectors(string input, string expected) =>
        Assert.Equal(expected, Base32.Encode(Encoding.ASCII.GetBytes(input)));

    [Fact]
    public void Encodes_all_zero_and_all_ones()
    {
        Assert.Equal(new string('A', 52), Base32.Encode(new byte[32]));
        Assert.Equal(new string('7', 51) + "Q", Base32.Encode(Enumerable.Repeat((byte)0xFF, 32).ToArray()));
    }

    [Theory]
    [InlineData("ABCXYZ234567", true)]
    [InlineData("abc", false)]
    [InlineData("AB1", false)]
    [InlineData("AB8", false)]
    [InlineData("AB=", false)]
    public void Recognises_the_upper_case_alphabet(string text, bool expected) => Assert.Equal(expected, Base32.IsBase32(text));
}
