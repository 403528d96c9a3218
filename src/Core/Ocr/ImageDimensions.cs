using System.Buffers.Binary;

namespace Backend.Core.Ocr;

/// <summary>
/// Width and height declared in a PNG, JPEG or TIFF header, read without decoding. A few kilobytes can declare a
/// 60 000 × 60 000 image that Tesseract would try to decode into gigabytes, so the engine checks this first.
/// </summary>
public static class ImageDimensions
{
    /// <summary>An A4 page scanned at 600 dpi is about 35 million pixels; anything far beyond is not an invoice scan.</summary>
    public const long MaxPixels = 60_000_000;

    public static (int Width, int Height)? Read(ReadOnlySpan<byte> content, string mediaType) => mediaType switch
    {
        MediaTypes.Png => Png(content),
        MediaTypes.Jpeg => Jpeg(content),
        MediaTypes.Tiff => Tiff(content),
        _ => null,
    };

    private static (int, int)? Png(ReadOnlySpan<byte> content) =>
        content.Length >= 24 && content.Slice(12, 4).SequenceEqual("IHDR"u8)
            ? ((int)Math.Min(int.MaxValue, BinaryPrimitives.ReadUInt32BigEndian(content[16..])), (int)Math.Min(int.MaxValue, BinaryPrimitives.ReadUInt32BigEndian(content[20..])))
            : null;

    private static (int, int)? Jpeg(ReadOnlySpan<byte> content)
    {
        var at = 2;
        while (at + 9 < content.Length)
        {
            if (content[at] != 0xFF)
            {
                return null;
            }
            var marker = content[at + 1];
            if (marker is 0xFF)
            {
                at++;
                continue;
            }
            // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return (BinaryPrimitives.ReadUInt16BigEndian(content[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(content[(at + 5)..]));
            }
            at += 2 + BinaryPrimitives.ReadUInt16BigEndian(content[(at + 2)..]);
        }
        return null;
    }

    /// <summary>
    /// Every page of the image: one for PNG and JPEG, each directory (IFD) of a TIFF, which Tesseract reads in turn.
    /// Empty when the header cannot be read.
    /// </summary>
    public static IReadOnlyList<(int Width, int Height)> Pages(ReadOnlySpan<byte> content, string mediaType)
    {
        if (mediaType == MediaTypes.Tiff)
        {
            return TiffPages(content);
        }
        return Read(content, mediaType) is { } size ? [size] : [];
    }

    private static (int, int)? Tiff(ReadOnlySpan<byte> content) => TiffPages(content) is [var first, ..] ? first : null;

    /// <summary>Longest chain of TIFF directories followed.</summary>
    public const int MaxTiffPages = 1000;

    private static List<(int, int)> TiffPages(ReadOnlySpan<byte> content)
    {
        var pages = new List<(int, int)>();
        if (content.Length < 8)
        {
            return pages;
        }
        var little = content[0] == (byte)'I';
        var seen = new HashSet<uint>();
        var ifd = U32(content, little, 4);
        while (ifd != 0 && ifd <= content.Length - 2)
        {
            // A loop or an endless chain would keep Tesseract busy: reported as one impossible page, so it is refused.
            if (pages.Count >= MaxTiffPages || !seen.Add(ifd))
            {
                pages.Add((int.MaxValue, int.MaxValue));
                break;
            }
            int? width = null, height = null;
            var entries = U16(content, little, (int)ifd);
            var next = (long)ifd + 2 + entries * 12L;
            for (var i = 0; i < entries; i++)
            {
                var entry = (int)ifd + 2 + i * 12;
                if (entry + 12 > content.Length)
                {
                    break;
                }
                var tag = U16(content, little, entry);
                var value = U16(content, little, entry + 2) == 3 ? U16(content, little, entry + 8) : (int)Math.Min(int.MaxValue, U32(content, little, entry + 8));
                if (tag == 256)
                {
                    width = value;
                }
                else if (tag == 257)
                {
                    height = value;
                }
            }
            if (width is not { } w || height is not { } h)
            {
                // No size in this directory: nothing Tesseract can decode either; stop here.
                break;
            }
            pages.Add((w, h));
            ifd = next + 4 <= content.Length ? U32(content, little, (int)next) : 0;
        }
        return pages;
    }

    private static uint U32(ReadOnlySpan<byte> content, bool little, int offset) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(content[offset..]) : BinaryPrimitives.ReadUInt32BigEndian(content[offset..]);

    private static ushort U16(ReadOnlySpan<byte> content, bool little, int offset) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(content[offset..]) : BinaryPrimitives.ReadUInt16BigEndian(content[offset..]);
}
