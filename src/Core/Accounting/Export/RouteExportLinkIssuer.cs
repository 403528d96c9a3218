using Microsoft.AspNetCore.Http;

namespace Backend.Core.Accounting.Export;

/// <summary>Links to <see cref="AccountingRoutes.ExportDownload"/> on the host that served the request; the download needs the tenant's API key.</summary>
public sealed class RouteExportLinkIssuer : IExportLinkIssuer
{
    public Task<string> IssueAsync(HttpContext context, Guid batchId, string kind, string blobName, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var path = "/api/" + AccountingRoutes.ExportDownload
            .Replace("{batchId}", batchId.ToString("N"), StringComparison.Ordinal)
            .Replace("{kind}", kind, StringComparison.Ordinal);
        return Task.FromResult($"{request.Scheme}://{request.Host}{request.PathBase}{path}");
    }
}
