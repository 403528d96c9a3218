using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Backend.Core.Invoices.Structured;

/// <summary>
/// The text a page's content streams write as literal strings, read from PdfPig's tokens without building the page
/// (no font program is parsed, which is what makes PdfPig's page text cost tens of milliseconds). Exact for PDFs
/// written with single-byte encodings (WinAnsi, standard fonts: most office and invoicing software); a page that
/// draws with CID fonts yields little here, and the caller then asks PdfPig for the laid-out text.
/// </summary>
internal static class PageLiteralText
{
    private const int MaxContentBytes = 4 * 1024 * 1024;
    private const int MaxPages = 64;

    /// <summary>Per page, in page order, the literal strings of its content streams (a space between text operations).</summary>
    public static IReadOnlyList<string> Read(PdfDocument document)
    {
        var pages = new List<DictionaryToken>();
        if (Resolve(document, document.Structure.Catalog.CatalogDictionary, "Pages") is DictionaryToken root)
        {
            Collect(document, root, pages, 0);
        }
        return pages.Select(p => Text(document, p)).ToList();
    }

    private static void Collect(PdfDocument document, DictionaryToken node, List<DictionaryToken> pages, int depth)
    {
        if (depth > 16 || pages.Count >= MaxPages)
        {
            return;
        }
        if (Resolve(document, node, "Kids") is ArrayToken kids)
        {
            foreach (var kid in kids.Data)
            {
                if (Deref(document, kid) is DictionaryToken child)
                {
                    Collect(document, child, pages, depth + 1);
                }
            }
        }
        else if (Resolve(document, node, "Contents") is not null)
        {
            pages.Add(node);
        }
    }

    private static string Text(PdfDocument document, DictionaryToken page)
    {
        var streams = Resolve(document, page, "Contents") switch
        {
            StreamToken s => [s],
            ArrayToken a => a.Data.Select(t => Deref(document, t)).OfType<StreamToken>().ToList(),
            _ => new List<StreamToken>(),
        };
        var text = new StringBuilder();
        foreach (var stream in streams)
        {
            if (Decode(document, stream) is { } bytes)
            {
                Literals(bytes, text);
            }
        }
        return text.ToString();
    }

    private static byte[]? Decode(PdfDocument document, StreamToken stream)
    {
        var raw = stream.Data.ToArray();
        var filter = Resolve(document, stream.StreamDictionary, "Filter");
        if (filter is null)
        {
            return raw;
        }
        if (filter is not NameToken { Data: "FlateDecode" } && !(filter is ArrayToken { Data: [NameToken { Data: "FlateDecode" }] }))
        {
            return null;
        }
        try
        {
            using var inflater = new ZLibStream(new MemoryStream(raw, writable: false), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = inflater.Read(buffer, 0, buffer.Length)) > 0 && output.Length < MaxContentBytes)
            {
                output.Write(buffer, 0, read);
            }
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    // Strings inside one TJ array are joined (kerning splits words); other strings are separated by a space.
    private static void Literals(byte[] content, StringBuilder text)
    {
        var inArray = false;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (c == '[')
            {
                inArray = true;
            }
            else if (c == ']')
            {
                inArray = false;
                text.Append(' ');
            }
            else if (c == '(')
            {
                var depth = 1;
                for (i++; i < content.Length && depth > 0; i++)
                {
                    var b = content[i];
                    if (b == '\\' && i + 1 < content.Length)
                    {
                        var n = content[++i];
                        if (n is >= (byte)'0' and <= (byte)'7')
                        {
                            var value = n - '0';
                            for (var k = 0; k < 2 && i + 1 < content.Length && content[i + 1] is >= (byte)'0' and <= (byte)'7'; k++)
                            {
                                value = value * 8 + (content[++i] - '0');
                            }
                            text.Append(WinAnsi((byte)value));
                        }
                        else
                        {
                            text.Append(n switch { (byte)'n' => '\n', (byte)'r' => ' ', (byte)'t' => ' ', _ => (char)n });
                        }
                        continue;
                    }
                    if (b == '(')
                    {
                        depth++;
                    }
                    else if (b == ')' && --depth == 0)
                    {
                        break;
                    }
                    text.Append(WinAnsi(b));
                }
                if (!inArray)
                {
                    text.Append(' ');
                }
            }
        }
    }

    // WinAnsi's printable range is Latin-1 except 0x80–0x9F; only the no-break spaces and the euro matter for amounts.
    private static char WinAnsi(byte b) => b switch
    {
        0x80 => '€',
        0xA0 => '\u00A0',
        _ => (char)b,
    };

    private static IToken? Resolve(PdfDocument document, DictionaryToken dictionary, string key) =>
        dictionary.TryGet(NameToken.Create(key), out var token) ? Deref(document, token) : null;

    private static IToken? Deref(PdfDocument document, IToken token)
    {
        for (var hops = 0; token is IndirectReferenceToken reference; hops++)
        {
            if (hops > 8)
            {
                return null;
            }
            token = document.Structure.GetObject(reference.Data).Data;
        }
        return token;
    }
}
