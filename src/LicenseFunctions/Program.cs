using Backend.Core;
using Backend.Core.Licensing;
using Backend.Functions.Azure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ExceptionEnvelopeMiddleware>();

builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();

builder.Services.AddBackendCore(builder.Configuration);
builder.Services.AddAzureAdapters(builder.Configuration);
builder.Services.AddLicensing(builder.Configuration);

builder.Build().Run();
