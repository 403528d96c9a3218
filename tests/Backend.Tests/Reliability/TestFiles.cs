using System.Text;

namespace Backend.Tests.Reliability;

/// <summary>Small files for the reliability tests, built here so each test says what it feeds the pipeline.</summary>
public static class TestFiles
{
    /// <summary>PNG magic followed by garbage: accepted by the upload (magic bytes), refused by every OCR engine.</summary>
    public static byte[] GarbagePng() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5, 6, 7, 8];

    /// <summary>A PDF with a text layer, one invoice per page; cross-reference offsets computed so poppler reads it without repair.</summary>
    public static byte[] TextPdf(int pages, string text = "FACTURE N F-2024-001 Total TTC 120,00 EUR", double widthPoints = 595, double heightPoints = 842)
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "", // pages, filled below
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var kids = new List<string>();
        var content = $"BT /F1 12 Tf 50 {Math.Max(20, heightPoints - 80)} Td ({text}) Tj ET";
        objects.Add($"<< /Length {content.Length} >>\nstream\n{content}\nendstream");
        var contentObject = objects.Count;
        for (var i = 0; i < pages; i++)
        {
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {widthPoints} {heightPoints}] /Resources << /Font << /F1 3 0 R >> >> /Contents {contentObject} 0 R >>");
            kids.Add($"{objects.Count} 0 R");
        }
        objects[1] = $"<< /Type /Pages /Kids [{string.Join(" ", kids)}] /Count {pages} >>";

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append($"{offset:D10} 00000 n \n");
        }
        pdf.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>A real grayscale PNG (white with dark bars) of the given size, rows compressed with zlib.</summary>
    public static byte[] Png(int width, int height, int rows = -1)
    {
        using var raw = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(raw, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[width + 1];
            for (var y = 0; y < (rows < 0 ? height : rows); y++)
            {
                for (var x = 1; x <= width; x++)
                {
                    row[x] = (byte)((y / 8 + x / 8) % 5 == 0 ? 0 : 255);
                }
                zlib.Write(row);
            }
        }
        static byte[] Chunk(string type, byte[] data)
        {
            var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
            var length = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
            var crc = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
            return [.. length, .. typed, .. crc];
        }
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (gray), compression/filter/interlace 0
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", header), .. Chunk("IDAT", raw.ToArray()), .. Chunk("IEND", [])];
    }

    /// <summary>
    /// A little-endian 8-bit grayscale TIFF, one directory per page, each page one Deflate strip of white pixels.
    /// With <paramref name="fullData"/> false the strips hold a single row: the header still declares the full size.
    /// </summary>
    public static byte[] Tiff(IReadOnlyList<(int Width, int Height)> pages, bool fullData = true)
    {
        var strips = pages.Select(p =>
        {
            using var raw = new MemoryStream();
            using (var zlib = new System.IO.Compression.ZLibStream(raw, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            {
                var row = Enumerable.Repeat((byte)255, p.Width).ToArray();
                for (var y = 0; y < (fullData ? p.Height : 1); y++)
                {
                    zlib.Write(row);
                }
            }
            return raw.ToArray();
        }).ToList();
        const int entries = 9;
        using var file = new MemoryStream();
        using var writer = new BinaryWriter(file);
        writer.Write("II"u8);
        writer.Write((ushort)42);
        writer.Write(8u); // first directory right after the header; strips follow the directories
        var directorySize = 2 + entries * 12 + 4;
        var stripOffset = 8 + pages.Count * directorySize;
        for (var i = 0; i < pages.Count; i++)
        {
            var (width, height) = pages[i];
            writer.Write((ushort)entries);
            void Entry(ushort tag, ushort type, uint value)
            {
                writer.Write(tag);
                writer.Write(type);
                writer.Write(1u);
                writer.Write(value);
            }
            Entry(256, 4, (uint)width);
            Entry(257, 4, (uint)height);
            Entry(258, 3, 8);       // bits per sample
            Entry(259, 3, 8);       // compression: Deflate
            Entry(262, 3, 1);       // photometric: black is zero
            Entry(273, 4, (uint)stripOffset);
            Entry(277, 3, 1);       // samples per pixel
            Entry(278, 4, (uint)height); // rows per strip: one strip
            Entry(279, 4, (uint)strips[i].Length);
            writer.Write(i + 1 < pages.Count ? (uint)(8 + (i + 1) * directorySize) : 0u);
            stripOffset += strips[i].Length;
        }
        foreach (var strip in strips)
        {
            writer.Write(strip);
        }
        writer.Flush();
        return file.ToArray();
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return ~crc;
    }
}
