using Backend.Core.Accounting;
using Backend.Core.Accounting.Analysis;
using Backend.Core.Accounting.Claude;
using Backend.Core.Accounting.Export;
using Backend.Core.Jobs;
using Microsoft.Extensions.Logging.Abstractions;

namespace Backend.Tests.Accounting;

public sealed class AccountingSettingsTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        Assert.Empty(new AccountingSettings().Validate());
        Assert.Empty(new ClaudeSettings().Validate());
        Assert.Empty(new ExportSettings().Validate());
        Assert.False(new ClaudeSettings().Enabled);
    }

    [Fact]
    public void Bad_values_are_named_the_way_operators_write_them()
    {
        var accounting = new AccountingSettings { AccountNumberLength = 3, PurchaseJournal = "ACHATS-2024" }.Validate().ToList();
        var accounts = new AccountingSettings { DefaultExpenseAccount = "512", SupplierAccount = "4O1", DeductibleVatAccount = "4456612345" }.Validate().ToList();
        var claude = new ClaudeSettings { BaseUrl = "api.anthropic.com", MaxTokens = 10, MaxRetries = -1 }.Validate().ToList();
        var export = new ExportSettings { FecSeparator = ";" }.Validate().ToList();

        Assert.Contains(accounting, p => p.Contains("Accounting__AccountNumberLength"));
        Assert.Contains(accounting, p => p.Contains("Accounting__PurchaseJournal"));
        Assert.Contains(accounts, p => p.Contains("Accounting__DefaultExpenseAccount"));
        Assert.Contains(accounts, p => p.Contains("Accounting__SupplierAccount"));
        Assert.Contains(accounts, p => p.Contains("Accounting__DeductibleVatAccount"));
        Assert.Contains(claude, p => p.Contains("Claude__BaseUrl"));
        Assert.Contains(claude, p => p.Contains("Claude__MaxTokens"));
        Assert.Contains(claude, p => p.Contains("Claude__MaxRetries"));
        Assert.Contains(export, p => p.Contains("Export__FecSeparator"));
    }

    [Fact]
    public void Secrets_never_appear_in_validation_messages()
    {
        var problems = new ClaudeSettings { ApiKey = "sk-ant-secret-value", BaseUrl = "nope" }.Validate();

        Assert.DoesNotContain(problems, p => p.Contains("sk-ant-secret-value"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"invoiceId":"00000000-0000-0000-0000-000000000000","tenantId":"00000000-0000-0000-0000-000000000000"}""")]
    [InlineData("""{"invoiceId":"8d4c9f1e-3b7a-4c2e-9f10-2a6b5c4d3e21"}""")]
    public async Task A_body_that_is_not_an_analysis_job_is_dead_lettered(string body)
    {
        var handler = new AiAnalysisJobHandler(null!, null!, NullLogger<AiAnalysisJobHandler>.Instance);

        var outcome = await handler.HandleAsync(new JobMessage("1", body, 1), CancellationToken.None);

        Assert.NotNull(outcome.DeadLetterReason);
        Assert.Equal(QueueNames.AiAnalysis, handler.Queue);
    }

    [Fact]
    public void The_ocr_pipelines_message_is_an_analysis_job()
    {
        var invoiceId = Guid.NewGuid();
        var tenantId = Guid.NewGuid();

        var job = AnalysisJob.TryParse(new Backend.Core.Invoices.AiAnalysisJob(invoiceId, tenantId).ToJson());

        Assert.Equal(new AnalysisJob(invoiceId, tenantId), job);
        Assert.Equal(job, AnalysisJob.TryParse((job! with { RetryToken = null }).ToJson()));
        var retry = job with { RetryToken = Guid.NewGuid() };
        Assert.Equal(retry, AnalysisJob.TryParse(retry.ToJson()));
    }
}
