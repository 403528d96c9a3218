using Backend.Core.Accounting.Export;

namespace Backend.Tests.Accounting;

public sealed class TransliteratorTests
{
    private static readonly Transliterator Cp1252 = new(LegacyEncodings.Windows1252);
    private static readonly Transliterator Latin9 = new(LegacyEncodings.Latin9);

    [Theory]
    [InlineData("Œuvre d’art – 1 000 € Šž", "Œuvre d’art – 1 000 € Šž")]
    [InlineData("Łódź Ğebze ﬁnance", "Lódz Gebze finance")]
    [InlineData("Straße ẞ", "Straße SS")]
    [InlineData("tab\there\r\nnext", "tab here  next")]
    [InlineData("12\u202F345,00\u00A0€", "12 345,00\u00A0€")]
    public void Cp1252_keeps_what_it_has_and_transliterates_the_rest(string input, string expected)
    {
        Assert.Equal(expected, Cp1252.Transliterate(input, out var unmappable));
        Assert.Equal(0, unmappable);
    }

    [Fact]
    public void Latin9_lacks_the_typographic_punctuation_of_cp1252()
    {
        Assert.Equal("Œuvre d'art - 1 000 € \"ok\"...", Latin9.Transliterate("Œuvre d’art – 1 000 € “ok”…", out var unmappable));
        Assert.Equal(0, unmappable);
    }

    [Fact]
    public void Characters_without_equivalent_become_a_visible_placeholder_and_are_counted()
    {
        Assert.Equal("Facture __ _", Cp1252.Transliterate("Facture 发票 😀", out var unmappable));
        Assert.Equal(3, unmappable);
    }

    [Fact]
    public void Every_transliterated_string_encodes_without_fallback()
    {
        var text = string.Concat(Enumerable.Range(0x20, 0x2000).Where(c => c is < 0xD800 or > 0xDFFF).Select(c => (char)c));

        // The encodings throw on an unencodable character, so this fails if anything slips through.
        var cp1252 = LegacyEncodings.Windows1252.GetBytes(Cp1252.Transliterate(text, out _));
        var latin9 = LegacyEncodings.Latin9.GetBytes(Latin9.Transliterate(text, out _));

        // The only '?' is the one in the input: nothing was replaced by a question mark.
        Assert.Single(cp1252, b => b == (byte)'?');
        Assert.Single(latin9, b => b == (byte)'?');
    }
}
