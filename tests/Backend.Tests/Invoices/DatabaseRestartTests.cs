using Backend.Core.Invoices;
using Backend.Tests.Infrastructure;
using Backend.Tests.Ocr;
using Npgsql;

namespace Backend.Tests.Invoices;

/// <summary>The database restarts while an OCR attempt runs: the finished result is still stored, once.</summary>
public sealed class DatabaseRestartTests
{
    [Fact]
    public async Task An_attempt_survives_a_database_restart_between_claim_and_store()
    {
        await using var postgres = await ThrowawayPostgres.StartAsync();
        await using var dataSource = NpgsqlDataSource.Create(postgres.ConnectionString);
        await using var textract = new FakeTextractServer();
        var engineCalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        textract.Respond = async _ =>
        {
            engineCalled.TrySetResult();
            await release.Task;
            return (200, FakeTextractServer.Fixture("test_analyze_expense_from_image.json"));
        };
        await using var host = InvoiceTestHost.Create(postgres.ConnectionString, dataSource, settings =>
        {
            settings["Ocr:Engine"] = "textract";
            settings["Textract:Region"] = "eu-west-3";
            settings["Textract:Endpoint"] = textract.Url;
        }, services => services.AddSingletonCredentials());
        var (_, key) = await host.CreateTenantAsync();
        var id = await host.UploadOkAsync(key, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "ticket.png");

        await engineCalled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await postgres.StopServerAsync();
        release.SetResult(); // the engine answers while the database is down
        await postgres.StartServerAsync();

        var invoice = await host.WaitForStatusAsync(key, id, InvoiceStatus.OcrCompleted, InvoiceStatus.PendingValidation);
        Assert.Equal(0, invoice.GetProperty("retryCount").GetInt32());
        Assert.Contains("MEGA MARKET", invoice.GetProperty("ocrText").GetString());
        Assert.Single(textract.TextractCalls("AnalyzeExpense"));
    }
}
