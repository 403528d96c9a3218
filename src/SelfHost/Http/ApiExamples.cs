using System.Text.Json.Nodes;
using Backend.Core.Accounting.Contracts;
using Backend.Core.Http;
using Backend.Core.Invoices;
using Backend.Core.Invoices.Contracts;
using Backend.Core.Licensing;

namespace Backend.SelfHost.Http;

/// <summary>
/// The examples of the OpenAPI document's schemas (OpenAPI 3.1 <c>examples</c>), one table for both APIs: the values of
/// the seeds' JSON (seed 000, the license server; seed 003, the invoice pipeline) where they give some, and what the
/// API really answers elsewhere. Three seed values are replaced because the API refuses or never produces them: the
/// machine id <c>a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6</c> is not hexadecimal (<c>INVALID_MACHINE_ID</c>), license keys are
/// signed <c>EF1.</c> tokens rather than Fernet's <c>gAAAAABl...</c>, and invoice ids are UUIDs rather than
/// <c>clxxx123456</c>. <c>ApiDocsExamplesTests</c> validates every example against its own schema.
/// </summary>
public static class ApiExamples
{
    private const string MachineId = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private const string LicenseKey = "EF1.eyJsaWQiOjEsIm1pZCI6ImExYjJjM2Q0ZTVmNjA3MTgyOTNhNGI1YzZkN2U4ZjkwIiwidHlwIjoiYW5udWFsIiwicHJkIjoiZWFzeWZhY3R1cmUiLCJpYXQiOjE3OTU5MTQ2MDUsImV4cCI6MTgyNzQ0NjM5OSwia2lkIjoiZTMyMTFmZTAxMjNjODUwMSJ9.99S1XrOeYMe29ThZ6uoUkYXLUhVlPiSdIlunUPlsfKMhbKUZTPlYdHkaAdpm-ws56vgC71JnFoaKh27hEIjZRg";
    private const string InvoiceId = "01a224da-2ee1-7e7f-b902-bf138033389b";

    private static readonly string AccountingEntry = """
        {"id": "01a224da-3501-78b4-99ac-093fcab681ab", "journalCode": "ACH", "entryDate": "2024-01-15T00:00:00.000Z",
         "accountNumber": "60100000", "label": "Achat marchandises", "debit": "1000.00", "credit": "0.00"}
        """;

    private static readonly string InvoiceFields = $$"""
        "id": "{{InvoiceId}}", "fileName": "facture.pdf", "status": "AI_COMPLETED",
        "uploadedAt": "2025-11-17T20:30:00.000Z", "processedAt": "2025-11-17T20:30:02.000Z", "ocrConfidence": 0.92,
        "supplierName": "ACME Corp", "supplierVAT": "FR12345678901", "invoiceNumber": "FAC-2024-001",
        "invoiceDate": "2024-01-15T00:00:00.000Z", "amountTTC": "1200.00", "currency": "EUR", "retryCount": 0, "errorMessage": null
        """;

    private static readonly string InvoiceDetailJson = $$"""
        {
          {{InvoiceFields}},
          "fileUrl": "https://api.easyfacture.com/api/invoices/{{InvoiceId}}/file?tenant=01a224da-2e49-747b-8210-637a8555d8cb&expires=1763412300&kid=key1&sig=Sf3guOPpHz7nl0E0V6G3Ak2a9eHxjtpi8CO1CiIvOic",
          "fileUrlExpiresAt": "2025-11-17T20:45:00.000Z",
          "mediaType": "application/pdf", "fileSize": 251566, "source": "upload", "ocrEngine": "textract",
          "ocrText": "Texte complet extrait de la facture...", "ocrTextError": null,
          "supplierAddress": "123 Rue de la Paix, 75001 Paris", "supplierSiren": "123456789", "supplierSiret": "12345678900012",
          "dueDate": "2024-02-15T00:00:00.000Z", "amountHT": "1000.00", "amountTVA": "200.00", "tvaRate": "20.00",
          "isCreditNote": false, "documentType": "380", "paymentTerms": "30 jours fin de mois", "iban": null, "einvoiceNotes": null,
          "lastRetryAt": null, "validatedAt": null,
          "fieldConfidences": {"supplierName": 0.97, "invoiceNumber": 0.92, "invoiceDate": 0.92, "amountTTC": 0.985},
          "fieldPositions": {"amountTTC": {"page": 1, "left": 0.351, "top": 0.3137, "width": 0.0719, "height": 0.0121} },
          "analysis": {"analyzer": "claude", "notes": null, "attempts": 1, "analyzedAt": "2025-11-17T20:30:05.000Z", "editedAt": null},
          "vatBreakdown": [{"categoryCode": "S", "rate": "20.00", "baseAmount": "1000.00", "taxAmount": "200.00"}],
          "lineItems": [],
          "accountingEntries": [
            {{AccountingEntry}},
            {"id": "01a224da-3505-7257-8c8a-e7998bf25525", "journalCode": "ACH", "entryDate": "2024-01-15T00:00:00.000Z",
             "accountNumber": "44566000", "label": "TVA déductible", "debit": "200.00", "credit": "0.00"},
            {"id": "01a224da-3507-7b7e-a228-e992162cf2f8", "journalCode": "ACH", "entryDate": "2024-01-15T00:00:00.000Z",
             "accountNumber": "40100000", "label": "Fournisseur ACME Corp", "debit": "0.00", "credit": "1200.00"}
          ]
        }
        """;

    /// <summary>Examples by the type a schema is generated from; a type with several answers has several examples.</summary>
    public static readonly IReadOnlyDictionary<Type, string[]> ByType = new Dictionary<Type, string[]>
    {
        // Seed 000, POST /api/v1/licenses/trial
        [typeof(TrialRequest)] = [$$"""{"machine_id": "{{MachineId}}", "email": "client@exemple.com", "product": "easyfacture", "version": "1.6.0"}"""],
        [typeof(LicenseIssuedResponse)] =
        [
            $$"""{"success": true, "license_key": "{{LicenseKey}}", "license_type": "trial", "expires_at": "2026-01-30T23:59:59Z", "days_remaining": 30, "message": "Licence trial créée avec succès"}""",
            $$"""{"success": true, "license_key": "{{LicenseKey}}", "license_type": "annual", "expires_at": "2026-12-31T23:59:59Z", "days_remaining": 365, "message": "Licence activée avec succès"}""",
        ],
        // Seed 000, POST /api/v1/licenses/activate
        [typeof(ActivateRequest)] = [$$"""{"machine_id": "{{MachineId}}", "activation_code": "GMUM-FH3G-2HGM-J6PE", "email": "client@exemple.com", "product": "easyfacture"}"""],
        // Seed 000, POST /api/v1/licenses/validate
        [typeof(ValidateRequest)] = [$$"""{"machine_id": "{{MachineId}}", "license_key": "{{LicenseKey}}", "product": "easyfacture"}"""],
        [typeof(ValidationResponse)] =
        [
            """{"success": true, "valid": true, "license_type": "annual", "expires_at": "2026-12-31T23:59:59Z", "days_remaining": 365, "is_active": true, "customer_email": "client@exemple.com"}""",
            """{"success": true, "valid": false, "error": "LICENSE_EXPIRED", "message": "Votre licence a expiré le 2025-12-31", "expired_at": "2025-12-31T23:59:59Z", "renewal_url": "https://easyfacture.com/renew"}""",
        ],
        // Seed 000, POST /api/v1/licenses/heartbeat
        [typeof(HeartbeatRequest)] = [$$"""{"machine_id": "{{MachineId}}", "license_key": "{{LicenseKey}}", "app_version": "1.6.0", "os_info": "Windows 11 Pro", "product": "easyfacture"}"""],
        [typeof(HeartbeatResponse)] = ["""{"success": true, "message": "Heartbeat enregistré", "last_check": "2025-12-31T12:00:00Z"}"""],
        // Seed 000, DELETE /api/v1/admin/licenses/{machine_id}
        [typeof(RevokeRequest)] = ["""{"reason": "chargeback", "product": "easyfacture"}"""],
        [typeof(RevokeResponse)] = [$$"""{"success": true, "message": "Licence révoquée avec succès", "machine_id": "{{MachineId}}", "revoked_at": "2025-12-31T12:00:00Z", "revoked_reason": "chargeback"}"""],
        // Seed 000, the admin codes the activation example redeems
        [typeof(CreateActivationCodesRequest)] = ["""{"product": "easyfacture", "license_type": "annual", "duration_days": 365, "count": 1, "expires_at": null, "notes": "Commande 2025-118"}"""],
        [typeof(ActivationCodesResponse)] = ["""{"success": true, "codes": ["GMUM-FH3G-2HGM-J6PE"], "license_type": "annual", "duration_days": 365, "expires_at": null, "product": "easyfacture"}"""],
        // Seed 000, "Gestion des erreurs": every error answer of both APIs
        [typeof(ApiError)] =
        [
            """{"success": false, "error": "INVALID_MACHINE_ID", "message": "Format de Machine ID invalide : 32 caractères hexadécimaux attendus.", "details": {"machine_id": "32 caractères hexadécimaux attendus"}, "timestamp": "2025-12-31T12:00:00.000Z", "request_id": "16d0b9bc-3561-4771-a22b-deb81a0f3f5c"}""",
            """{"success": false, "error": "RATE_LIMIT_EXCEEDED", "message": "Trop de requêtes. Réessayez dans 1 heure.", "details": {}, "timestamp": "2025-12-31T12:00:00.000Z", "request_id": "4f57c7fe-0a2c-478f-91f6-050066cdfd56"}""",
        ],
        // Seed 003, POST /api/upload (and POST /api/invoices)
        [typeof(UploadResponse)] = [$$"""{"success": true, "invoiceId": "{{InvoiceId}}", "fileName": "facture.pdf", "fileSize": 251566, "mediaType": "application/pdf", "status": "UPLOADED"}"""],
        // Seed 003, GET /api/invoices/{id}
        [typeof(InvoiceResponse)] = [$$"""{"success": true, "invoice": {{InvoiceDetailJson}}}"""],
        [typeof(InvoiceDetail)] = [InvoiceDetailJson],
        [typeof(AccountingEntryView)] = [AccountingEntry],
        [typeof(InvoiceSummary)] = [$$"""{ {{InvoiceFields}} }"""],
        [typeof(InvoiceListResponse)] =
        [
            $$"""
            {"success": true, "invoices": [{ {{InvoiceFields}} }], "page": 1, "pageSize": 20, "total": 1,
             "counts": {"UPLOADED": 0, "OCR_PROCESSING": 0, "OCR_COMPLETED": 0, "OCR_FAILED": 0, "PENDING_VALIDATION": 0,
                        "AI_PROCESSING": 0, "AI_COMPLETED": 1, "AI_FAILED": 0, "VALIDATED": 0, "EXPORTED": 0} }
            """,
        ],
        // Seed 003, POST /api/invoices/{id}/retry
        [typeof(RetryResponse)] = [$$"""{"success": true, "message": "OCR relancé", "invoiceId": "{{InvoiceId}}"}"""],
        // Seed 003, POST /api/sage/export
        [typeof(ExportResponse)] =
        [
            """
            {"success": true, "count": 1,
             "sage_url": "https://api.easyfacture.com/api/exports/01a22501-7c3e-7f1a-9d2b-5e8f0a6b4c21/sage",
             "fec_url": "https://api.easyfacture.com/api/exports/01a22501-7c3e-7f1a-9d2b-5e8f0a6b4c21/fec",
             "batch_id": "01a22501-7c3e-7f1a-9d2b-5e8f0a6b4c21", "from": "2024-01-01", "to": "2024-01-31", "lines": 3,
             "skipped": [], "warnings": []}
            """,
        ],
    };

    /// <summary>Any route: a wildcard key of <see cref="ByResponse"/>.</summary>
    public const string AnyRoute = "*";

    /// <summary>
    /// The error answers the seeds show for one route (every error shares the <see cref="ApiError"/> schema, whose own
    /// example cannot say which error each route and status gives), keyed <c>METHOD /path status</c>, or
    /// <c>* status</c> for every route answering that status. As the API writes them, extra members included.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ByResponse = new Dictionary<string, string>
    {
        // Seed 000, trial: 409 Conflict
        ["POST /api/v1/licenses/trial 409"] =
            """{"success": false, "error": "TRIAL_ALREADY_EXISTS", "message": "Une licence trial existe déjà pour cette machine", "details": {}, "timestamp": "2026-01-15T09:12:00.000Z", "request_id": "df77448f-0032-44a1-b5dd-529c8721e940", "existing_license": {"license_type": "trial", "expires_at": "2026-01-15T23:59:59Z", "days_remaining": 15}}""",
        // Seed 000, trial: 429 Too Many Requests (every rate-limited route answers the same)
        [$"{AnyRoute} 429"] =
            """{"success": false, "error": "RATE_LIMIT_EXCEEDED", "message": "Trop de requêtes. Réessayez dans 1 heure.", "details": {}, "timestamp": "2026-01-15T09:12:00.000Z", "request_id": "0944bbb6-d519-40bf-a69b-6d13a5901f98", "retry_after": 3600}""",
        // Seed 000, activate: 404 Not Found
        ["POST /api/v1/licenses/activate 404"] =
            """{"success": false, "error": "INVALID_ACTIVATION_CODE", "message": "Code d'activation invalide ou déjà utilisé", "details": {}, "timestamp": "2026-01-15T09:12:00.000Z", "request_id": "7d4c1f0e-5a2b-4c3d-8e9f-0a1b2c3d4e5f"}""",
        // Seed 003, GET /api/invoices/{id}: 404 "Facture introuvable"
        ["GET /api/invoices/{id} 404"] =
            """{"success": false, "error": "NOT_FOUND", "message": "Facture introuvable", "details": {}, "timestamp": "2025-11-17T20:31:00.000Z", "request_id": "2fd4f310-29d8-4650-9247-7adf3a157f48"}""",
        // Seed 003, POST /api/invoices/{id}/retry: 400 VALIDATION_ERROR
        ["POST /api/invoices/{id}/retry 400"] =
            """{"success": false, "error": "VALIDATION_ERROR", "message": "OCR déjà en cours", "details": {"status": "OCR_PROCESSING"}, "timestamp": "2025-11-17T20:31:00.000Z", "request_id": "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e"}""",
        ["POST /api/invoices/{id}/retry 404"] =
            """{"success": false, "error": "NOT_FOUND", "message": "Facture introuvable", "details": {}, "timestamp": "2025-11-17T20:31:00.000Z", "request_id": "2fd4f310-29d8-4650-9247-7adf3a157f48"}""",
    };

    /// <summary>The example of one route's answer with <paramref name="status"/>, if the table has one.</summary>
    public static JsonNode? ForResponse(string method, string path, string status) =>
        (ByResponse.TryGetValue($"{method.ToUpperInvariant()} {path} {status}", out var example)
         || ByResponse.TryGetValue($"{AnyRoute} {status}", out example))
            ? JsonNode.Parse(example)
            : null;

    /// <summary>
    /// The examples of the component schema named <paramref name="schemaName"/> (the document names a schema after its
    /// type), parsed afresh: a node has one parent.
    /// </summary>
    public static IList<JsonNode>? For(string schemaName) =>
        ByType.FirstOrDefault(e => e.Key.Name == schemaName) is { Value: { } examples }
            ? examples.Select(e => JsonNode.Parse(e)!).ToList()
            : null;
}
