using System.Text;

namespace Backend.Core.Accounting.Export;

/// <summary>
/// The single-byte code pages the export formats use. .NET Core knows them only through the code pages
/// provider; an unencodable character throws instead of silently becoming '?'.
/// </summary>
public static class LegacyEncodings
{
    static LegacyEncodings()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        // ISO 8859-15 (Latin-9): one of the encodings BOI-CF-IOR-60-40-20 accepts for the FEC, with € and œ.
        Latin9 = Encoding.GetEncoding(28605, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    /// <summary>CP1252, what Sage 100 reads.</summary>
    public static Encoding Windows1252 { get; }

    public static Encoding Latin9 { get; }
}
