using Backend.Core.Http;
using Backend.Core.Invoices.Contracts;
using Backend.Core.Invoices.Tenants;
using Backend.Core.Ocr;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Backend.Core.Invoices.Http;

/// <summary>
/// <c>POST /api/invoices</c> (and the seed's <c>POST /api/upload</c>): multipart field <c>file</c>, at most 10 MB,
/// PDF/PNG/JPEG/TIFF recognised by magic bytes, or an e-invoice XML recognised by its root element, → 201, invoice UPLOADED, OCR job queued.
/// </summary>
public sealed class UploadInvoiceHandler(TenantAuthenticator authenticator, InvoiceIntake intake, ILogger<UploadInvoiceHandler> logger)
{
    public const string FileField = "file";

    // Multipart framing and the other fields around a 10 MB file.
    private const long RequestOverheadBytes = 64 * 1024;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var (tenantId, failure) = await authenticator.AuthenticateAsync(context);
        if (tenantId is null)
        {
            return failure!;
        }
        var request = context.Request;
        if (request.ContentLength > InvoiceIntake.MaxFileBytes + RequestOverheadBytes)
        {
            return TooLarge(context);
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = InvoiceIntake.MaxFileBytes + RequestOverheadBytes;
        }
        if (!request.HasFormContentType || !(request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return Invalid(context, FileField, "multipart/form-data attendu, avec le fichier dans le champ 'file'");
        }

        IFormFile? file;
        try
        {
            var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = InvoiceIntake.MaxFileBytes + RequestOverheadBytes }, context.RequestAborted);
            file = form.Files.GetFile(FileField);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(context);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return TooLarge(context);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Invalid(context, FileField, "corps multipart illisible");
        }

        if (file is null)
        {
            return Invalid(context, FileField, "champ 'file' manquant");
        }
        if (file.Length > InvoiceIntake.MaxFileBytes)
        {
            return TooLarge(context);
        }
        if (file.Length == 0)
        {
            return Invalid(context, FileField, "fichier vide");
        }
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, context.RequestAborted);
        }
        var mediaType = MediaTypes.Detect(content);
        if (mediaType is null)
        {
            return ApiError.Result(context, StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
                "Format non pris en charge : PDF (dont Factur-X), PNG, JPEG, TIFF ou facture électronique XML (UBL Invoice/CreditNote, CII CrossIndustryInvoice) attendus.", new Dictionary<string, string> { [FileField] = "type de fichier non reconnu" });
        }

        NewInvoice invoice;
        try
        {
            invoice = await intake.AcceptUploadAsync(tenantId.Value, InvoiceIntake.SafeFileName(file.FileName), content, mediaType, context.RequestAborted);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The blob is written before the invoice row, so a storage failure leaves nothing behind: the client may retry.
            logger.LogWarning("Upload refused: blob storage unavailable ({ExceptionType})", e.GetType().Name);
            context.Response.Headers.RetryAfter = "5";
            return ApiError.Result(context, StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServerError,
                "Stockage des fichiers temporairement indisponible. Réessayez dans quelques secondes.");
        }
        return Results.Json(new UploadResponse(true, invoice.Id, invoice.FileName, invoice.FileSize, invoice.MediaType, InvoiceStatus.Uploaded),
            JsonDefaults.CamelCase, statusCode: StatusCodes.Status201Created);
    }

    private static IResult TooLarge(HttpContext context) =>
        ApiError.Result(context, StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge,
            "Fichier trop volumineux : 10 Mo au maximum.", new Dictionary<string, string> { [FileField] = "10 Mo au maximum" });

    private static IResult Invalid(HttpContext context, string field, string problem) =>
        ApiError.Result(context, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "Requête invalide.", new Dictionary<string, string> { [field] = problem });
}
