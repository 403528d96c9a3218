using System.Globalization;
using System.Text;

namespace Backend.Core.Invoices.Extraction;

/// <summary>
/// Lower-cases and strips accents one character at a time, so an index in the folded text is the same
/// index in the original: labels are matched on the folded text, values are cut from the original.
/// </summary>
internal static class TextFold
{
    public static string Fold(string text)
    {
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            chars[i] = FoldChar(text[i]);
        }
        return new string(chars);
    }

    private static char FoldChar(char c)
    {
        switch (c)
        {
            case '\u00A0' or '\u202F' or '\u2007' or '\u2009' or '\t':
                return ' ';
            case '’' or '‘' or '`' or '´':
                return '\'';
            case '–' or '—' or '−':
                return '-';
            case 'œ':
                return 'o';
            case 'æ':
                return 'a';
        }
        if (c < 128)
        {
            return char.ToLowerInvariant(c);
        }
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        foreach (var d in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
            {
                return char.ToLowerInvariant(d);
            }
        }
        return c;
    }
}
