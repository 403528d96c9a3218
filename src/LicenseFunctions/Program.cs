using Backend.Core;
using Backend.Core.Licensing;
using Backend.Functions.Azure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

builder.ConfigureFunctionsWebApplication();
// Outermost first: an exception escaping a function or its result becomes the error envelope.
builder.UseMiddleware<ExceptionEnvelopeMiddleware>();
builder.UseMiddleware<HttpResultMiddleware>();
builder.AddApplicationInsightsLogging();

// The license app touches neither blob storage nor Service Bus, and its identity is granted neither.
builder.Services.AddBackendCore(builder.Configuration);
builder.Services.AddManagedIdentityDatabasePassword();
builder.Services.AddLicensing(builder.Configuration);

builder.Build().Run();
