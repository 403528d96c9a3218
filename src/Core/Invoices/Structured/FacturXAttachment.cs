using System.IO.Compression;
using System.Xml.Linq;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Backend.Core.Invoices.Structured;

/// <summary>
/// Finds the invoice XML a Factur-X / ZUGFeRD / XRechnung PDF carries, in-process: walks the catalog's
/// <c>/Names /EmbeddedFiles</c> name tree and its PDF/A-3 <c>/AF</c> array with PdfPig's tokens, inflates each <c>.xml</c>
/// attachment under a size cap (a compressed bomb stops at the cap instead of filling memory) and keeps the one whose
/// root element is an invoice. Other attachments (a delivery note PDF, images) are never decoded.
/// </summary>
public static class FacturXAttachment
{
    private const int MaxTreeDepth = 16;
    private const int MaxAttachments = 64;

    private static readonly string[] KnownNames = ["factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml", "order-x.xml"];

    /// <summary>An attachment whose root element says it is an invoice.</summary>
    public sealed record Found(string FileName, byte[] Xml, XName Root);

    /// <returns>The invoice attachment, or null when the PDF carries no XML attachment at all.</returns>
    /// <exception cref="StructuredInvoiceException">An XML attachment exists but cannot be decoded or is not an invoice.</exception>
    public static Found? Find(PdfDocument document)
    {
        var specs = new List<(string Name, DictionaryToken Spec)>();
        var catalog = document.Structure.Catalog.CatalogDictionary;
        var visited = new HashSet<long>();
        if (Resolve(document, catalog, "Names") is DictionaryToken names && Resolve(document, names, "EmbeddedFiles") is DictionaryToken tree)
        {
            WalkNameTree(document, tree, specs, visited, 0);
        }
        if (Resolve(document, catalog, "AF") is ArrayToken associated)
        {
            foreach (var item in associated.Data.Take(MaxAttachments))
            {
                if (Deref(document, item) is DictionaryToken spec && FileName(document, spec) is { } name)
                {
                    specs.Add((name, spec));
                }
            }
        }

        var xmlSpecs = specs
            .Where(s => s.Name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            .DistinctBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .OrderBy(s => Array.FindIndex(KnownNames, k => k.Equals(s.Name, StringComparison.OrdinalIgnoreCase)) is var i && i >= 0 ? i : KnownNames.Length)
            .ToList();
        if (xmlSpecs.Count == 0)
        {
            return null;
        }
        string? problem = null;
        foreach (var (name, spec) in xmlSpecs)
        {
            try
            {
                var bytes = Content(document, spec) ?? throw new StructuredInvoiceException($"pièce jointe {name} sans contenu");
                var root = SafeXml.RootName(bytes);
                if (root is not null && (CiiInvoiceReader.IsCii(root) || UblInvoiceReader.IsUbl(root)))
                {
                    return new Found(name, bytes, root);
                }
                problem ??= root is null ? $"pièce jointe {name} : XML illisible ou tronqué" : $"pièce jointe {name} : racine {root.LocalName} qui n'est pas une facture";
            }
            catch (StructuredInvoiceException e)
            {
                problem ??= e.Message;
            }
        }
        throw new StructuredInvoiceException("Factur-X illisible (" + problem + ").");
    }

    private static void WalkNameTree(PdfDocument document, DictionaryToken node, List<(string, DictionaryToken)> specs, HashSet<long> visited, int depth)
    {
        if (depth > MaxTreeDepth || specs.Count >= MaxAttachments)
        {
            return;
        }
        if (Resolve(document, node, "Names") is ArrayToken pairs)
        {
            for (var i = 0; i + 1 < pairs.Data.Count && specs.Count < MaxAttachments; i += 2)
            {
                if (Deref(document, pairs.Data[i + 1]) is DictionaryToken spec)
                {
                    var key = pairs.Data[i] is StringToken s ? s.Data : pairs.Data[i] is HexToken h ? h.Data : null;
                    if ((FileName(document, spec) ?? key) is { } name)
                    {
                        specs.Add((name, spec));
                    }
                }
            }
        }
        if (Resolve(document, node, "Kids") is ArrayToken kids)
        {
            foreach (var kid in kids.Data)
            {
                // A reference loop in a hostile file must not recurse forever.
                if (kid is IndirectReferenceToken r && !visited.Add(r.Data.ObjectNumber))
                {
                    continue;
                }
                if (Deref(document, kid) is DictionaryToken child)
                {
                    WalkNameTree(document, child, specs, visited, depth + 1);
                }
            }
        }
    }

    private static string? FileName(PdfDocument document, DictionaryToken spec)
    {
        foreach (var key in new[] { "UF", "F" })
        {
            switch (Resolve(document, spec, key))
            {
                case StringToken s when s.Data.Length > 0:
                    return s.Data;
                case HexToken h when h.Data.Length > 0:
                    return h.Data;
            }
        }
        return null;
    }

    private static byte[]? Content(PdfDocument document, DictionaryToken spec)
    {
        if (Resolve(document, spec, "EF") is not DictionaryToken ef)
        {
            return null;
        }
        var stream = (Resolve(document, ef, "F") ?? Resolve(document, ef, "UF")) as StreamToken;
        if (stream is null)
        {
            return null;
        }
        var raw = stream.Data.ToArray();
        var filter = Resolve(document, stream.StreamDictionary, "Filter");
        var filters = filter switch
        {
            null => [],
            NameToken n => [n.Data],
            ArrayToken a => a.Data.OfType<NameToken>().Select(n => n.Data).ToList(),
            _ => new List<string> { "?" },
        };
        if (filters.Count == 0)
        {
            return raw.Length <= SafeXml.MaxBytes ? raw : throw new StructuredInvoiceException("pièce jointe XML de plus de 10 Mo");
        }
        if (filters is ["FlateDecode"] or ["Fl"])
        {
            return Inflate(raw);
        }
        throw new StructuredInvoiceException($"pièce jointe XML encodée en {string.Join("+", filters)}, non pris en charge");
    }

    private static byte[] Inflate(byte[] raw)
    {
        using var output = new MemoryStream();
        try
        {
            using var inflater = new ZLibStream(new MemoryStream(raw, writable: false), CompressionMode.Decompress);
            var buffer = new byte[81920];
            int read;
            while ((read = inflater.Read(buffer, 0, buffer.Length)) > 0)
            {
                output.Write(buffer, 0, read);
                if (output.Length > SafeXml.MaxBytes)
                {
                    throw new StructuredInvoiceException("pièce jointe XML de plus de 10 Mo une fois décompressée");
                }
            }
        }
        catch (InvalidDataException e)
        {
            // A truncated stream still yields what was written before the break; the XML parser will judge it.
            if (output.Length == 0)
            {
                throw new StructuredInvoiceException("pièce jointe XML corrompue (flux compressé illisible)", e);
            }
        }
        return output.ToArray();
    }

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
