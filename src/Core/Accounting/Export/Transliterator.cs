using System.Globalization;
using System.Text;

namespace Backend.Core.Accounting.Export;

/// <summary>
/// Makes text encodable in a single-byte code page: characters it has are kept, others become their closest
/// equivalent ("ł" → "l", "Ğ" → "G", "‐" → "-", "ﬁ" → "fi"). What has no equivalent (CJK, emoji) becomes
/// <see cref="Placeholder"/> and is counted, so the caller can report it: never a silent '?'.
/// Control characters (tabs, line breaks) become spaces so they cannot break a line-based format.
/// </summary>
public sealed class Transliterator
{
    public const char Placeholder = '_';

    private static readonly Dictionary<Rune, string> Equivalents = new()
    {
        [new Rune('ł')] = "l", [new Rune('Ł')] = "L", [new Rune('đ')] = "d", [new Rune('Đ')] = "D",
        [new Rune('ħ')] = "h", [new Rune('Ħ')] = "H", [new Rune('ı')] = "i", [new Rune('ŀ')] = "l", [new Rune('Ŀ')] = "L",
        [new Rune('ø')] = "o", [new Rune('Ø')] = "O", [new Rune('æ')] = "ae", [new Rune('Æ')] = "AE",
        [new Rune('œ')] = "oe", [new Rune('Œ')] = "OE", [new Rune('ß')] = "ss", [new Rune('ẞ')] = "SS",
        [new Rune('þ')] = "th", [new Rune('Þ')] = "TH", [new Rune('ð')] = "d", [new Rune('Ð')] = "D",
        [new Rune('\u2010')] = "-", [new Rune('\u2011')] = "-", [new Rune('\u2012')] = "-", [new Rune('\u2013')] = "-",
        [new Rune('\u2014')] = "-", [new Rune('\u2212')] = "-",
        [new Rune('\u2018')] = "'", [new Rune('\u2019')] = "'", [new Rune('\u201A')] = "'", [new Rune('\u2032')] = "'",
        [new Rune('\u201C')] = "\"", [new Rune('\u201D')] = "\"", [new Rune('\u201E')] = "\"", [new Rune('\u00AB')] = "\"", [new Rune('\u00BB')] = "\"",
        [new Rune('\u2026')] = "...", [new Rune('\u2022')] = "-", [new Rune('\u20AC')] = "EUR",
        [new Rune('\u00A0')] = " ", [new Rune('\u202F')] = " ", [new Rune('\u2009')] = " ", [new Rune('\u2007')] = " ",
        [new Rune('\u2122')] = "TM", [new Rune('\u00A9')] = "(c)", [new Rune('\u00AE')] = "(R)", [new Rune('\u2116')] = "No",
    };

    private readonly HashSet<char> _encodable;

    public Transliterator(Encoding encoding)
    {
        if (!encoding.IsSingleByte)
        {
            throw new ArgumentException("Only single-byte code pages are supported.", nameof(encoding));
        }
        Encoding = encoding;
        // A single-byte code page has at most 256 characters: ask it which, rather than trusting a hand-made list.
        _encodable = [];
        for (var b = 0x20; b <= 0xFF; b++)
        {
            try
            {
                var c = encoding.GetString([(byte)b]);
                if (c.Length == 1 && !char.IsControl(c[0]))
                {
                    _encodable.Add(c[0]);
                }
            }
            catch (DecoderFallbackException)
            {
                // Unassigned in this code page (e.g. 0x81 in CP1252).
            }
        }
    }

    public Encoding Encoding { get; }

    /// <param name="unmappable">How many characters became <see cref="Placeholder"/>.</param>
    public string Transliterate(string? text, out int unmappable)
    {
        unmappable = 0;
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsBmp && _encodable.Contains((char)rune.Value))
            {
                builder.Append((char)rune.Value);
            }
            else if (Rune.IsControl(rune))
            {
                builder.Append(' ');
            }
            else if (Equivalents.TryGetValue(rune, out var equivalent) && equivalent.All(_encodable.Contains))
            {
                builder.Append(equivalent);
            }
            else if (Decompose(rune) is { Length: > 0 } decomposed)
            {
                builder.Append(decomposed);
            }
            else
            {
                builder.Append(Placeholder);
                unmappable++;
            }
        }
        return builder.ToString();
    }

    // Compatibility decomposition splits "Ğ" into "G" + breve and "ﬁ" into "fi"; the marks are dropped.
    private string? Decompose(Rune rune)
    {
        var decomposed = rune.ToString().Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder();
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }
            if (!_encodable.Contains(c))
            {
                return null;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }
}
