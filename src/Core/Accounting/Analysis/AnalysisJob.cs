using System.Text.Json;
using System.Text.Json.Serialization;

namespace Backend.Core.Accounting.Analysis;

/// <summary>
/// The body of an <c>ai-analysis</c> message. The OCR pipeline sends <c>{invoiceId, tenantId}</c>
/// (<see cref="Invoices.AiAnalysisJob"/>); a retry after a failed attempt also carries the token that lets
/// it, and only it, claim the invoice again.
/// </summary>
/// <param name="Deferral">
/// Set afresh each time a delivery finds the invoice busy and sends the job again for later: the claim ignores it, but
/// it makes that deliberate re-send a new message for Service Bus duplicate detection (which keys on the body).
/// </param>
public sealed record AnalysisJob(
    [property: JsonPropertyName("invoiceId")] Guid InvoiceId,
    [property: JsonPropertyName("tenantId")] Guid TenantId,
    [property: JsonPropertyName("retryToken"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? RetryToken = null,
    [property: JsonPropertyName("deferral"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? Deferral = null)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static AnalysisJob? TryParse(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<AnalysisJob>(body) is { InvoiceId: var id, TenantId: var tenant } job && id != Guid.Empty && tenant != Guid.Empty
                ? job
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
