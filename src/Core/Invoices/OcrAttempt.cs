using System.Diagnostics;
using System.Text.Json;
using Backend.Core.Http;
using Backend.Core.Invoices.Extraction;
using Backend.Core.Invoices.Structured;
using Backend.Core.Jobs;
using Backend.Core.Ocr;
using Backend.Core.Security;
using Backend.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backend.Core.Invoices;

/// <summary>
/// One OCR attempt, shared by the queue trigger in both hosts: claim → read blob → OCR → extract → encrypt → store →
/// chain AI analysis or ask for validation. An e-invoice (Factur-X PDF, UBL or CII file) is read from its XML instead
/// of OCR, exactly and in-process. A failure climbs the retry ladder; a duplicate delivery finds nothing to claim.
/// </summary>
public sealed class OcrAttempt(
    InvoiceStore store,
    IBlobStore blobs,
    IOcrEngine engine,
    IInvoiceFieldExtractor extractor,
    StructuredInvoiceReader structuredReader,
    FieldCipher cipher,
    IJobQueue queue,
    IOptions<InvoicePipelineSettings> settings,
    ILogger<OcrAttempt> logger)
{
    public const double ConfidenceThreshold = 0.70;
    public const string LowConfidenceMessage = "Confiance OCR faible, validation manuelle recommandée";
    public const string ExtractionStoppedMessage = "Lecture des champs interrompue : document trop long ou inhabituel, saisie manuelle nécessaire.";
    public const string BlobMissingMessage = "Fichier de la facture introuvable dans le stockage : renvoyez-le.";
    public const string EInvoiceCheckMessage = "Facture électronique à vérifier";

    // A database restart takes seconds; riding it out here keeps a finished OCR from being thrown away.
    private static readonly TimeSpan[] StoreRetryDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)];

    public static string TextContext(Guid invoiceId) => $"invoices.ocr_text:{invoiceId:N}";

    public static string RawContext(Guid invoiceId) => $"invoices.ocr_raw_data:{invoiceId:N}";

    public async Task<OcrAttemptResult> RunAsync(OcrJob job, CancellationToken cancellationToken)
    {
        var timings = new OcrStageTimings();
        var clock = Stopwatch.StartNew();
        var claim = await store.ClaimAsync(job, cancellationToken);
        timings.Claim = clock.Elapsed;
        if (claim is null)
        {
            return new OcrAttemptResult(OcrAttemptStatus.NothingToClaim, null, timings);
        }

        try
        {
            return await ProcessAsync(claim, timings, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: not the document's fault, so the attempt does not count.
            using var shortly = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await store.ReleaseClaimAsync(claim, shortly.Token);
            }
            catch (Exception e) when (UnhandledExceptionResult.IsTransientDependencyFailure(e) || e is OperationCanceledException)
            {
                // The sweeper will take it back.
            }
            throw;
        }
    }

    private async Task<OcrAttemptResult> ProcessAsync(ClaimedInvoice claim, OcrStageTimings timings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        byte[] content;
        await using (var stream = await blobs.OpenReadAsync(ContainerNames.Invoices, claim.BlobName, cancellationToken))
        {
            if (stream is null)
            {
                timings.BlobRead = clock.Elapsed;
                return await FailAsync(claim, BlobMissingMessage, permanent: true, timings, cancellationToken);
            }
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }
        timings.BlobRead = clock.Elapsed;

        clock.Restart();
        StructuredRead structured;
        try
        {
            structured = structuredReader.Read(content, claim.MediaType);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            logger.LogError(e, "Structured reader crashed on invoice {InvoiceId}", claim.Id);
            structured = StructuredRead.Fallback($"Lecture de la facture électronique impossible ({e.GetType().Name}).");
        }
        if (structured.Invoice is not null)
        {
            timings.Ocr = clock.Elapsed;
            return await StoreStructuredAsync(claim, structured, timings, cancellationToken);
        }
        if (claim.MediaType == MediaTypes.Xml)
        {
            // A bare XML has no picture to fall back on.
            timings.Ocr = clock.Elapsed;
            return await FailAsync(claim, structured.FallbackReason ?? "Facture électronique XML illisible.", permanent: true, timings, cancellationToken);
        }
        if (structured.FallbackReason is not null)
        {
            logger.LogInformation("Invoice {InvoiceId}: e-invoice XML unusable, falling back to OCR: {Reason}", claim.Id, structured.FallbackReason);
        }

        OcrResult ocr;
        try
        {
            ocr = await engine.ReadAsync(content, claim.MediaType, cancellationToken);
        }
        catch (OcrException e)
        {
            timings.Ocr = clock.Elapsed;
            logger.LogInformation("OCR of invoice {InvoiceId} failed ({Transient}): {Reason}", claim.Id, e.IsTransient ? "transient" : "permanent", e.Message);
            return await FailAsync(claim, e.Message, permanent: !e.IsTransient, timings, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException && !UnhandledExceptionResult.IsTransientDependencyFailure(e))
        {
            timings.Ocr = clock.Elapsed;
            logger.LogError(e, "OCR engine crashed on invoice {InvoiceId}", claim.Id);
            return await FailAsync(claim, "Erreur interne du moteur OCR.", permanent: false, timings, cancellationToken);
        }
        timings.Ocr = clock.Elapsed;

        clock.Restart();
        InvoiceFields fields;
        var extractionStopped = false;
        try
        {
            fields = extractor.Extract(ocr);
        }
        catch (ExtractionDeadlineExceededException e)
        {
            // The same text would stop again: no retry. The OCR text is kept so a person can read it and type the fields.
            logger.LogWarning("Field extraction of invoice {InvoiceId} stopped: {Reason}", claim.Id, e.Message);
            fields = new InvoiceFields();
            extractionStopped = true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Field extraction failed for invoice {InvoiceId}", claim.Id);
            return await FailAsync(claim, "Erreur interne pendant l'extraction des champs.", permanent: false, timings, cancellationToken);
        }
        timings.Extraction = clock.Elapsed;

        clock.Restart();
        var encryptedText = cipher.Encrypt(ocr.Text, TextContext(claim.Id));
        var encryptedRaw = cipher.Encrypt(ocr.RawJson, RawContext(claim.Id));
        timings.Encryption = clock.Elapsed;

        var doubtful = KeyFieldReview.Doubtful(fields);
        var confident = !extractionStopped && fields.Confidence >= ConfidenceThreshold && doubtful.Count == 0;
        var outcome = new OcrOutcome(
            confident ? InvoiceStateMachine.OcrSucceeded : InvoiceStateMachine.OcrNeedsValidation,
            ocr.Engine,
            fields.Confidence,
            encryptedText,
            encryptedRaw,
            fields,
            FieldConfidences(fields, ocr.Confidence),
            confident ? null : ReviewMessage(fields, doubtful, extractionStopped),
            EInvoiceNotes: structured.FallbackReason is { } reason ? "XML non utilisé, lu par OCR : " + reason : null,
            FieldPositionsJson: FieldPositions(fields, ocr, claim.Id));
        return await StoreAsync(claim, outcome, timings, cancellationToken);
    }

    /// <summary>An e-invoice read from its XML: confidence 1; a failed EN 16931 rule or a printed total that disagrees asks for validation.</summary>
    private async Task<OcrAttemptResult> StoreStructuredAsync(ClaimedInvoice claim, StructuredRead read, OcrStageTimings timings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var encryptedText = cipher.Encrypt(read.Text, TextContext(claim.Id));
        var encryptedRaw = cipher.Encrypt(read.RawJson, RawContext(claim.Id));
        timings.Encryption = clock.Elapsed;
        var invoice = read.Invoice!;
        var clean = read.Issues.Count == 0;
        var notes = string.Join(" ; ", read.Issues);
        var outcome = new OcrOutcome(
            clean ? InvoiceStateMachine.OcrSucceeded : InvoiceStateMachine.OcrNeedsValidation,
            read.Engine!,
            1.0,
            encryptedText,
            encryptedRaw,
            invoice.Fields,
            FieldConfidences(invoice.Fields, 1.0),
            clean ? null : $"{EInvoiceCheckMessage} : {notes}",
            invoice,
            clean ? null : notes);
        return await StoreAsync(claim, outcome, timings, cancellationToken);
    }

    private async Task<OcrAttemptResult> StoreAsync(ClaimedInvoice claim, OcrOutcome outcome, OcrStageTimings timings, CancellationToken cancellationToken)
    {
        var confident = outcome.Transition == InvoiceStateMachine.OcrSucceeded;

        var clock = Stopwatch.StartNew();
        var stored = await WithStoreRetriesAsync(() => store.StoreOcrResultAsync(claim, outcome, cancellationToken), cancellationToken);
        if (stored && confident)
        {
            await queue.EnqueueAsync(QueueNames.AiAnalysis, new AiAnalysisJob(claim.Id, claim.TenantId, claim.OcrToken).ToJson(), cancellationToken: cancellationToken);
        }
        timings.Store = clock.Elapsed;
        if (!stored)
        {
            logger.LogWarning("Invoice {InvoiceId} was taken back while its OCR ran; result discarded", claim.Id);
            return new OcrAttemptResult(OcrAttemptStatus.ClaimLost, null, timings);
        }
        return new OcrAttemptResult(confident ? OcrAttemptStatus.Completed : OcrAttemptStatus.NeedsValidation, null, timings);
    }

    /// <summary>
    /// The sweeper's move for an invoice whose attempt never finished (worker died, engine hung): it counts as a
    /// failed attempt, so a document that crashes the worker every time still ends in OCR_FAILED.
    /// </summary>
    public Task<OcrAttemptResult> FailStuckAsync(ClaimedInvoice claim, TimeSpan stuckFor, CancellationToken cancellationToken) =>
        FailAsync(claim, $"Traitement OCR interrompu (aucun résultat après {(int)stuckFor.TotalSeconds} s).", permanent: false, new OcrStageTimings(), cancellationToken);

    private async Task<OcrAttemptResult> FailAsync(ClaimedInvoice claim, string message, bool permanent, OcrStageTimings timings, CancellationToken cancellationToken)
    {
        var failed = claim.RetryCount + 1;
        var final = OcrRetryPolicy.IsFinal(failed, permanent);
        var transition = final ? InvoiceStateMachine.OcrGaveUp : InvoiceStateMachine.OcrRetryLater;
        var delay = final ? TimeSpan.Zero : OcrRetryPolicy.DelayAfter(failed, TimeSpan.FromSeconds(settings.Value.RetryBaseDelaySeconds));
        var nextToken = Guid.NewGuid();
        var errorMessage = final && !permanent ? $"{message} (échec après {failed} tentatives)" : message;
        var clock = Stopwatch.StartNew();
        var recorded = await WithStoreRetriesAsync(() => store.RecordFailureAsync(claim, transition, errorMessage, nextToken, delay, cancellationToken), cancellationToken);
        if (recorded && !final)
        {
            await queue.EnqueueAsync(QueueNames.OcrJobs, new OcrJob(claim.Id, nextToken).ToJson(), delay, cancellationToken);
        }
        timings.Store = clock.Elapsed;
        if (!recorded)
        {
            return new OcrAttemptResult(OcrAttemptStatus.ClaimLost, message, timings);
        }
        return new OcrAttemptResult(final ? OcrAttemptStatus.Failed : OcrAttemptStatus.RetryScheduled, errorMessage, timings);
    }

    private async Task<bool> WithStoreRetriesAsync(Func<Task<bool>> write, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await write();
            }
            catch (Exception e) when (attempt < StoreRetryDelays.Length && UnhandledExceptionResult.IsTransientDependencyFailure(e))
            {
                logger.LogWarning("Database unavailable while storing an OCR result ({ExceptionType}); retrying", e.GetType().Name);
                await Task.Delay(StoreRetryDelays[attempt], cancellationToken);
            }
        }
    }

    /// <summary>Why a person must look: which key fields are missing or doubtful, so they know where to start.</summary>
    private static string ReviewMessage(InvoiceFields fields, IReadOnlyList<KeyFieldReview.KeyField> doubtful, bool extractionStopped)
    {
        if (extractionStopped)
        {
            return ExtractionStoppedMessage;
        }
        if (!HasAnyInvoiceField(fields))
        {
            return LowConfidenceMessage + " : aucun champ de facture reconnu (document autre qu'une facture ?).";
        }
        return doubtful.Count == 0
            ? LowConfidenceMessage + "."
            : LowConfidenceMessage + " ; champs à vérifier : " + string.Join(", ", doubtful.Select(k => $"{k.Label} ({k.Name})")) + ".";
    }

    private static bool HasAnyInvoiceField(InvoiceFields f) =>
        f.AmountTtc is not null || f.AmountHt is not null || f.InvoiceNumber is not null || f.InvoiceDate is not null || f.SupplierVat is not null;

    /// <summary>Positions help the reviewer and nothing else: a locator failure costs the highlight, never the invoice.</summary>
    private string FieldPositions(InvoiceFields fields, OcrResult ocr, Guid invoiceId)
    {
        try
        {
            return JsonSerializer.Serialize(FieldLocator.Locate(fields, ocr), InvoiceJson.PositionsJson);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            logger.LogWarning(e, "Field positions of invoice {InvoiceId} not located", invoiceId);
            return "{}";
        }
    }

    private static string FieldConfidences(InvoiceFields f, double engineConfidence)
    {
        var map = new Dictionary<string, double>(StringComparer.Ordinal) { ["engine"] = Math.Round(engineConfidence, 4) };
        void Add<T>(string name, Extracted<T>? field)
        {
            if (field is not null)
            {
                map[name] = Math.Round(field.Confidence, 4);
            }
        }
        Add("supplierName", f.SupplierName);
        Add("supplierVAT", f.SupplierVat);
        Add("supplierSiren", f.SupplierSiren);
        Add("supplierSiret", f.SupplierSiret);
        Add("supplierAddress", f.SupplierAddress);
        Add("invoiceNumber", f.InvoiceNumber);
        Add("invoiceDate", f.InvoiceDate);
        Add("dueDate", f.DueDate);
        Add("amountHT", f.AmountHt);
        Add("amountTVA", f.AmountTva);
        Add("amountTTC", f.AmountTtc);
        Add("tvaRate", f.VatRate);
        Add("currency", f.Currency);
        return JsonSerializer.Serialize(map);
    }
}
