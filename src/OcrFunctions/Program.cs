using Backend.Core;
using Backend.Core.Accounting;
using Backend.Core.Accounting.Export;
using Backend.Core.Invoices;
using Backend.Functions.Azure;
using Backend.OcrFunctions;
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
builder.Services.AddInvoices(builder.Configuration);
builder.Services.AddSingleton<IExportLinkIssuer, SasExportLinkIssuer>();
builder.Services.AddAccounting(builder.Configuration);

builder.Build().Run();
