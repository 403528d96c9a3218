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
// Outermost first: an exception escaping a function or its result becomes the error envelope.
builder.UseMiddleware<ExceptionEnvelopeMiddleware>();
builder.UseMiddleware<HttpResultMiddleware>();
builder.AddApplicationInsightsLogging();

builder.Services.AddBackendCore(builder.Configuration);
builder.Services.AddManagedIdentityDatabasePassword();
builder.Services.AddAzureBlobStore(builder.Configuration);
builder.Services.AddServiceBusJobQueue(builder.Configuration);
builder.Services.AddInvoices(builder.Configuration);
builder.Services.AddSingleton<IExportLinkIssuer, SasExportLinkIssuer>();
builder.Services.AddAccounting(builder.Configuration);

builder.Build().Run();
