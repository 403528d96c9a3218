using Backend.Core;
using Backend.Functions.Azure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ExceptionEnvelopeMiddleware>();
builder.AddApplicationInsightsLogging();

// The license app touches neither blob storage nor Service Bus, and its identity is granted neither.
builder.Services.AddBackendCore(builder.Configuration);

builder.Build().Run();
