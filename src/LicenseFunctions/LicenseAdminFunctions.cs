using Backend.Core.Licensing;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Backend.LicenseFunctions;

/// <summary>
/// The admin license API. Two locks: the platform's function key (<see cref="AuthorizationLevel.Function"/>)
/// and, in Core, the admin API key (<c>X-Api-Key</c> or <c>Authorization: Bearer</c>).
/// </summary>
public sealed class LicenseAdminFunctions(
    RevokeHandler revoke,
    ActivationCodesHandler activationCodes,
    LicenseSearchHandler search,
    LicenseCsvExportHandler csvExport,
    LicenseStatsHandler stats)
{
    [Function("LicenseRevoke")]
    public Task<IResult> Revoke(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = LicenseRoutes.Revoke)] HttpRequest request,
        string machineId) =>
        revoke.HandleAsync(request.HttpContext, machineId);

    [Function("LicenseActivationCodes")]
    public Task<IResult> CreateActivationCodes([HttpTrigger(AuthorizationLevel.Function, "post", Route = LicenseRoutes.ActivationCodes)] HttpRequest request) =>
        activationCodes.HandleAsync(request.HttpContext);

    [Function("LicenseSearch")]
    public Task<IResult> Search([HttpTrigger(AuthorizationLevel.Function, "get", Route = LicenseRoutes.Search)] HttpRequest request) =>
        search.HandleAsync(request.HttpContext);

    [Function("LicenseCsvExport")]
    public Task<IResult> CsvExport([HttpTrigger(AuthorizationLevel.Function, "get", Route = LicenseRoutes.CsvExport)] HttpRequest request) =>
        csvExport.HandleAsync(request.HttpContext);

    [Function("LicenseStats")]
    public Task<IResult> Stats([HttpTrigger(AuthorizationLevel.Function, "get", Route = LicenseRoutes.Stats)] HttpRequest request) =>
        stats.HandleAsync(request.HttpContext);
}
