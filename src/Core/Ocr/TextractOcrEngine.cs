using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace Backend.Core.Ocr;

/// <summary>
/// OCR by AWS Textract AnalyzeExpense. Images and one-page PDFs are sent inline; multi-page PDFs go through S3 with
/// StartExpenseAnalysis/GetExpenseAnalysis. Textract's 0–100 confidences become 0–1.
/// </summary>
public sealed partial class TextractOcrEngine(TextractClient client, AwsCredentialsSource credentials, IOptions<TextractSettings> options, TimeProvider time) : IOcrEngine
{
    private TextractSettings Settings => options.Value;

    public async Task<OcrResult> ReadAsync(ReadOnlyMemory<byte> content, string mediaType, CancellationToken cancellationToken)
    {
        if (content.Length == 0)
        {
            throw new OcrException("Fichier vide : aucun contenu à lire.");
        }
        try
        {
            if (mediaType == MediaTypes.Pdf && CountPdfPages(content.Span) > 1)
            {
                return await ReadThroughS3Async(content, cancellationToken);
            }
            try
            {
                return TextractExpenseMapper.Map(await client.AnalyzeExpenseAsync(content, cancellationToken));
            }
            catch (TextractException e) when (e.ErrorType == "UnsupportedDocumentException" && mediaType == MediaTypes.Pdf && Settings.S3Bucket.Length > 0)
            {
                // Our page count missed (compressed object streams): Textract refuses multi-page PDFs inline.
                return await ReadThroughS3Async(content, cancellationToken);
            }
        }
        catch (TextractException e)
        {
            throw Translate(e);
        }
        catch (HttpRequestException e)
        {
            throw new OcrException("Textract injoignable : nouvel essai plus tard.", isTransient: true, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OcrException("Délai de réponse de Textract dépassé.", isTransient: true, e);
        }
        catch (AmazonS3Exception e)
        {
            throw new OcrException("Dépôt du document sur S3 impossible : nouvel essai plus tard.", isTransient: true, e);
        }
    }

    private async Task<OcrResult> ReadThroughS3Async(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        if (Settings.S3Bucket.Length == 0)
        {
            throw new OcrException("PDF de plusieurs pages : Textract exige un bucket S3 (Textract__S3Bucket) qui n'est pas configuré.");
        }
        var key = $"textract-input/{Guid.NewGuid():N}.pdf";
        using var s3 = CreateS3Client();
        using (var stream = new MemoryStream(content.ToArray(), writable: false))
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = Settings.S3Bucket, Key = key, InputStream = stream, ContentType = MediaTypes.Pdf, UseChunkEncoding = false }, cancellationToken);
        }
        try
        {
            var jobId = await client.StartExpenseAnalysisAsync(Settings.S3Bucket, key, cancellationToken);
            var deadline = time.GetUtcNow() + TimeSpan.FromSeconds(Settings.AsyncTimeoutSeconds);
            var pages = new List<JsonNode>();
            string? nextToken = null;
            while (true)
            {
                var response = await client.GetExpenseAnalysisAsync(jobId, nextToken, cancellationToken);
                var status = response["JobStatus"]?.GetValue<string>();
                if (status == "IN_PROGRESS")
                {
                    if (time.GetUtcNow() > deadline)
                    {
                        throw new OcrException($"Analyse Textract toujours en cours après {Settings.AsyncTimeoutSeconds} s.", isTransient: true);
                    }
                    await Task.Delay(TimeSpan.FromMilliseconds(Settings.PollIntervalMilliseconds), time, cancellationToken);
                    continue;
                }
                if (status is not ("SUCCEEDED" or "PARTIAL_SUCCESS"))
                {
                    throw new OcrException($"Textract n'a pas pu analyser le document ({response["StatusMessage"]?.GetValue<string>() ?? status}).");
                }
                pages.Add(response);
                nextToken = response["NextToken"]?.GetValue<string>();
                if (nextToken is null)
                {
                    break;
                }
            }
            return TextractExpenseMapper.Map(pages);
        }
        finally
        {
            try
            {
                await s3.DeleteObjectAsync(Settings.S3Bucket, key, CancellationToken.None);
            }
            catch (AmazonS3Exception)
            {
                // A lifecycle rule on the bucket removes leftovers.
            }
        }
    }

    private AmazonS3Client CreateS3Client()
    {
        var config = new AmazonS3Config { RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED };
        if (Settings.S3Endpoint.Length > 0)
        {
            config.ServiceURL = Settings.S3Endpoint;
            config.ForcePathStyle = true;
            config.AuthenticationRegion = Settings.Region.Length > 0 ? Settings.Region : "us-east-1";
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(Settings.Region);
        }
        return new AmazonS3Client(credentials.Credentials, config);
    }

    private static OcrException Translate(TextractException e) => e.ErrorType switch
    {
        "ThrottlingException" or "ProvisionedThroughputExceededException" or "LimitExceededException" =>
            new OcrException("Textract saturé (limitation de débit) : nouvel essai plus tard.", isTransient: true, e),
        "UnsupportedDocumentException" => new OcrException("Format de document non pris en charge par Textract.", isTransient: false, e),
        "BadDocumentException" => new OcrException("Document illisible par Textract (fichier corrompu ou protégé).", isTransient: false, e),
        "DocumentTooLargeException" => new OcrException("Document trop volumineux pour Textract.", isTransient: false, e),
        "AccessDeniedException" or "UnrecognizedClientException" or "InvalidSignatureException" or "ExpiredTokenException" =>
            new OcrException("Accès à Textract refusé : vérifiez les identifiants AWS.", isTransient: true, e),
        _ when e.StatusCode >= 500 => new OcrException("Textract indisponible : nouvel essai plus tard.", isTransient: true, e),
        _ => new OcrException($"Textract a refusé le document ({e.ErrorType}).", isTransient: false, e),
    };

    /// <summary>Counts page objects; 0 when they hide in compressed object streams (then Textract tells us).</summary>
    public static int CountPdfPages(ReadOnlySpan<byte> pdf) => PageObject().Count(Encoding.Latin1.GetString(pdf));

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();
}
