using Backend.Core.Updates;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Backend.LicenseFunctions;

/// <summary>Releases (admin) and the desktop client's update check (anonymous).</summary>
public sealed class UpdateFunctions(PublishReleaseHandler publish, ListReleasesHandler list, UpdateRolloutHandler rollout, CheckUpdateHandler check)
{
    [Function("ReleasePublish")]
    public Task<IResult> Publish([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = UpdateRoutes.Releases)] HttpRequest request) =>
        publish.HandleAsync(request.HttpContext);

    [Function("ReleaseList")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = UpdateRoutes.Releases)] HttpRequest request) =>
        list.HandleAsync(request.HttpContext);

    [Function("ReleaseRollout")]
    public Task<IResult> Rollout([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = UpdateRoutes.Release)] HttpRequest request, string id) =>
        rollout.HandleAsync(request.HttpContext, id);

    [Function("UpdateCheck")]
    public Task<IResult> Check([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = UpdateRoutes.Check)] HttpRequest request, string product) =>
        check.HandleAsync(request.HttpContext, product);
}
