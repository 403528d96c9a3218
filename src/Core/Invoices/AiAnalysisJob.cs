using System.Text.Json;
using System.Text.Json.Serialization;

namespace Backend.Core.Invoices;

/// <summary>The body of an <c>ai-analysis</c> message, sent once OCR is confident enough.</summary>
/// <param name="OcrToken">
/// The token of the OCR attempt that produced the fields. The analysis ignores it; it makes the message of each OCR run
/// distinct, so Service Bus duplicate detection (which keys on the body) drops only true re-sends, never the analysis
/// of an invoice read again.
/// </param>
public sealed record AiAnalysisJob(
    [property: JsonPropertyName("invoiceId")] Guid InvoiceId,
    [property: JsonPropertyName("tenantId")] Guid TenantId,
    [property: JsonPropertyName("ocrToken"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? OcrToken = null)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static AiAnalysisJob? TryParse(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<AiAnalysisJob>(body) is { InvoiceId: var id } job && id != Guid.Empty ? job : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
