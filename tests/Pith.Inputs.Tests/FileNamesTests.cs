using Xunit;

namespace Pith.Inputs.Tests;

public sealed class FileNamesTests
{
    // One fact over the cases: a lone surrogate does not survive xUnit's serialisation of theory data.
    private static readonly (byte[] Bytes, string Name, string Text)[] Names =
    [
        ([(byte)'a', 0xFF, (byte)'b'], "a\uDCFFb", @"a\xFFb"),
        ([0xC3, 0xA9, 0x80], "é\uDC80", @"é\x80"),
        ([0xE2, 0x82], "\uDCE2\uDC82", @"\xE2\x82"),
        ([0xED, 0xA0, 0x80], "\uDCED\uDCA0\uDC80", @"\xED\xA0\x80"),
        ([0xF0, 0x9F, 0x98, 0x80], "😀", "😀"),
    ];

    [Fact]
    public void A_name_keeps_its_bytes_and_spells_those_that_are_not_utf8()
    {
        foreach (var (bytes, name, text) in Names)
        {
            Assert.Equal(name, FileNames.Decode(bytes));
            Assert.Equal([.. bytes, 0], FileNames.Encode(name));
            Assert.Equal(text, FileNames.ToText(name));
        }
    }

    [Fact]
    public void Two_names_that_differ_in_a_byte_that_is_not_utf8_stay_two()
    {
        Assert.NotEqual(FileNames.Decode([(byte)'b', 0xFE]), FileNames.Decode([(byte)'b', 0xFF]));
    }
}
