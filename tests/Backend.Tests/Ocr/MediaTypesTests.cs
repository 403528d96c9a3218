using Backend.Core.Ocr;

namespace Backend.Tests.Ocr;

public sealed class MediaTypesTests
{
    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, MediaTypes.Pdf)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, MediaTypes.Png)]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, MediaTypes.Jpeg)]
    [InlineData(new byte[] { 0x49, 0x49, 0x2A, 0x00 }, MediaTypes.Tiff)]
    [InlineData(new byte[] { 0x4D, 0x4D, 0x00, 0x2A }, MediaTypes.Tiff)]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04 }, null)] // a zip (docx) named invoice.pdf is still a zip
    [InlineData(new byte[] { }, null)]
    public void Detects_by_magic_bytes(byte[] content, string? expected) =>
        Assert.Equal(expected, MediaTypes.Detect(content));
}
