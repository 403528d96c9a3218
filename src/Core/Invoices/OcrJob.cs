using System.Text.Json;
using System.Text.Json.Serialization;

namespace Backend.Core.Invoices;

/// <summary>
/// The body of an <c>ocr-jobs</c> message. <see cref="Token"/> must equal the invoice's current <c>ocr_token</c>
/// for the job to claim it, so stale, duplicate and superseded messages do nothing.
/// </summary>
public sealed record OcrJob(
    [property: JsonPropertyName("invoiceId")] Guid InvoiceId,
    [property: JsonPropertyName("token")] Guid Token)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static OcrJob? TryParse(string body)
    {
        try
        {
            var job = JsonSerializer.Deserialize<OcrJob>(body);
            return job is { InvoiceId: var id, Token: var token } && id != Guid.Empty && token != Guid.Empty ? job : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
