using Backend.Core.Licensing;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Backend.LicenseFunctions;

/// <summary>The public license API used by the desktop app: anonymous, rate limited in Core.</summary>
public sealed class LicenseFunctions(
    TrialHandler trial,
    ActivateHandler activate,
    ValidateHandler validate,
    HeartbeatHandler heartbeat,
    PublicKeyHandler publicKey)
{
    [Function("LicenseTrial")]
    public Task<IResult> Trial([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = LicenseRoutes.Trial)] HttpRequest request) =>
        trial.HandleAsync(request.HttpContext);

    [Function("LicenseActivate")]
    public Task<IResult> Activate([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = LicenseRoutes.Activate)] HttpRequest request) =>
        activate.HandleAsync(request.HttpContext);

    [Function("LicenseValidate")]
    public Task<IResult> Validate([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = LicenseRoutes.Validate)] HttpRequest request) =>
        validate.HandleAsync(request.HttpContext);

    [Function("LicenseHeartbeat")]
    public Task<IResult> Heartbeat([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = LicenseRoutes.Heartbeat)] HttpRequest request) =>
        heartbeat.HandleAsync(request.HttpContext);

    [Function("LicensePublicKey")]
    public IResult PublicKey([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LicenseRoutes.PublicKey)] HttpRequest request) =>
        publicKey.Handle(request.HttpContext);
}
