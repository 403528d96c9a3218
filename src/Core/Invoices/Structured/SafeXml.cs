using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Backend.Core.Invoices.Structured;

/// <summary>
/// Loads untrusted XML: no DTD (so no external entity and no entity expansion), no resolver, a size and a depth cap.
/// The bytes are decoded here rather than by the parser, so a BOM is honoured and a wrong or unknown
/// <c>encoding</c> attribute (common in hand-made exports) does not make a well-formed document unreadable.
/// </summary>
public static class SafeXml
{
    /// <summary>Larger than any real invoice (the biggest EN 16931 example is 3.3 MB), below the 10 MB upload cap.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>UBL with extensions nests about 15 levels; nothing legitimate comes near this.</summary>
    public const int MaxDepth = 64;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static XDocument Load(ReadOnlySpan<byte> content)
    {
        if (content.Length > MaxBytes)
        {
            throw new StructuredInvoiceException($"XML trop volumineux ({content.Length / 1024 / 1024} Mo) : 10 Mo au maximum.");
        }
        var text = Decode(content);
        try
        {
            // Depth first, on a streaming pass: a 10 000-level document never becomes a tree.
            using (var probe = XmlReader.Create(new StringReader(text), Settings()))
            {
                while (probe.Read())
                {
                    if (probe.Depth > MaxDepth)
                    {
                        throw new StructuredInvoiceException($"XML trop imbriqué (plus de {MaxDepth} niveaux).");
                    }
                }
            }
            using var reader = XmlReader.Create(new StringReader(text), Settings());
            return XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException e)
        {
            throw new StructuredInvoiceException($"XML illisible : {Clip(e.Message)}", e);
        }
    }

    /// <summary>The root element's namespace and local name, read without building a tree; null when it is not XML.</summary>
    public static XName? RootName(ReadOnlySpan<byte> content)
    {
        if (content.Length > MaxBytes)
        {
            return null;
        }
        try
        {
            using var reader = XmlReader.Create(new StringReader(Decode(content)), Settings());
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    return XName.Get(reader.LocalName, reader.NamespaceURI);
                }
            }
        }
        catch (XmlException)
        {
        }
        return null;
    }

    /// <summary>Whether the content starts like an XML document (after a BOM and white space).</summary>
    public static bool LooksLikeXml(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }
        else if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return true;
        }
        var i = 0;
        while (i < content.Length && i < 1024 && content[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }
        return i < content.Length && content[i] == (byte)'<';
    }

    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxBytes,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private static string Decode(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(content[3..]);
        }
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(content[2..]);
        }
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(content[2..]);
        }
        try
        {
            return StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8 whatever the declaration says: the Latin-1 family is the only other thing invoices are written in.
            return Encoding.Latin1.GetString(content);
        }
    }

    private static string Clip(string message) => message.Length <= 200 ? message : message[..200];
}
