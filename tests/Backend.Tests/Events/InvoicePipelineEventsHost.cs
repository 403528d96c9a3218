namespace Backend.Tests.Events;

/// <summary>
/// <see cref="EventsHost"/> with the invoice pipeline as the tests of the OCR use it: the local engines (pdftotext,
/// Tesseract) and no wait between OCR attempts, so a file that can never be read reaches OCR_FAILED in seconds.
/// </summary>
public sealed class InvoicePipelineEventsHost : EventsHost
{
    public InvoicePipelineEventsHost()
    {
        Settings["Ocr:Engine"] = "local";
        Settings["Invoices:RetryBaseDelaySeconds"] = "0";
    }
}
