using System.Globalization;
using System.Xml.Linq;

namespace Backend.Core.Invoices.Structured;

/// <summary>Typed reads of e-invoice element values: decimals with a dot, CII date formats 102/610/616, ISO dates.</summary>
internal static class XmlValues
{
    public static string? Text(XElement? element)
    {
        var value = element?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public static decimal? Decimal(XElement? element)
    {
        var text = Text(element);
        if (text is null)
        {
            return null;
        }
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
            CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new StructuredInvoiceException($"Montant « {Clip(text)} » illisible dans <{element!.Name.LocalName}>.");
    }

    /// <summary>A CII <c>udt:DateTimeString</c>: format 102 (CCYYMMDD) is the rule; 610 (CCYYMM) reads as the 1st.</summary>
    public static DateOnly? CiiDate(XElement? dateTimeString)
    {
        var text = Text(dateTimeString);
        if (text is null)
        {
            return null;
        }
        var format = dateTimeString!.Attribute("format")?.Value ?? "102";
        var parsed = format switch
        {
            "102" => DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null,
            "610" => DateOnly.TryParseExact(text + "01", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m : null,
            _ => null,
        };
        return parsed ?? throw new StructuredInvoiceException($"Date « {Clip(text)} » (format {Clip(format)}) illisible.");
    }

    public static DateOnly? IsoDate(XElement? element)
    {
        var text = Text(element);
        if (text is null)
        {
            return null;
        }
        return DateOnly.TryParseExact(text.Length > 10 ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new StructuredInvoiceException($"Date « {Clip(text)} » illisible.");
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
