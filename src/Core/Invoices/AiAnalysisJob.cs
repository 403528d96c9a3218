using System.Text.Json;
using System.Text.Json.Serialization;

namespace Backend.Core.Invoices;

/// <summary>The body of an <c>ai-analysis</c> message, sent once OCR is confident enough.</summary>
public sealed record AiAnalysisJob(
    [property: JsonPropertyName("invoiceId")] Guid InvoiceId,
    [property: JsonPropertyName("tenantId")] Guid TenantId)
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
