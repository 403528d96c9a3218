using Microsoft.AspNetCore.Http;

namespace Backend.Core.Accounting.Export;

/// <summary>
/// The download link of an export file: a route of this API on SelfHost (<see cref="RouteExportLinkIssuer"/>),
/// a short-lived SAS URL on Azure Blob storage in the function app.
/// </summary>
public interface IExportLinkIssuer
{
    Task<string> IssueAsync(HttpContext context, Guid batchId, string kind, string blobName, CancellationToken cancellationToken);
}
