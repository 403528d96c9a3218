using Backend.Core;
using Backend.Core.Accounting;
using Backend.Core.Events;
using Backend.Core.Invoices;
using Backend.Functions.Azure;
using Backend.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;

namespace Backend.OcrFunctions;

/// <summary>The OCR app's composition; Program.cs runs it and the tests build the same host.</summary>
public static class OcrApp
{
    public static FunctionsApplicationBuilder Configure(FunctionsApplicationBuilder builder)
    {
        builder.UseBackendWorker();
        builder.Services.AddBackendCore(builder.Configuration);
        builder.Services.AddManagedIdentityDatabasePassword();
        builder.Services.AddAzureBlobStore(builder.Configuration);
        builder.Services.AddServiceBusJobQueue(builder.Configuration);
        builder.Services.AddInvoices(builder.Configuration);
        builder.Services.AddAccounting(builder.Configuration);
        builder.Services.AddTenantWebhooks(builder.Configuration);
        return builder;
    }
}
