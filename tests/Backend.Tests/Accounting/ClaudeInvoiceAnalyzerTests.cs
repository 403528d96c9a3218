using Anthropic;
using Anthropic.Core;
using Backend.Core.Accounting;
using Backend.Core.Accounting.Claude;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Backend.Tests.Accounting;

public sealed class ClaudeInvoiceAnalyzerTests : IAsyncLifetime
{
    private const string ApiKey = "sk-ant-test-key";
    private static readonly DateOnly Date = new(2024, 1, 15);
    private FakeMessagesApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeMessagesApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private ClaudeInvoiceAnalyzer Analyzer()
    {
        var claude = new ClaudeSettings { ApiKey = ApiKey, BaseUrl = _api.BaseUrl, Model = "claude-sonnet-4-5", MaxRetries = 0, TimeoutSeconds = 10 };
        var client = new AnthropicClient(new ClientOptions { ApiKey = claude.ApiKey, BaseUrl = claude.BaseUrl, MaxRetries = 0, Timeout = TimeSpan.FromSeconds(10) });
        var accounting = Options.Create(new AccountingSettings());
        return new ClaudeInvoiceAnalyzer(client, Options.Create(claude), accounting, new RulesInvoiceAnalyzer(accounting),
            NullLogger<ClaudeInvoiceAnalyzer>.Instance);
    }

    private static InvoiceToAnalyze Invoice() => new(SampleInvoices.Fields(supplier: "Orange", number: "F-889"), "Forfait mobile pro\nTotal TTC 1 200,00 €");

    [Fact]
    public async Task A_good_answer_is_used_and_the_request_speaks_the_messages_api()
    {
        _api.ReplyWithText("""
            ```json
            {"entries":[
              {"accountNumber":"626","label":"Orange forfait mobile F-889","debit":"1000.00","credit":"0.00"},
              {"accountNumber":"44566000","label":"TVA 20 % F-889","debit":200,"credit":0},
              {"accountNumber":"401","label":"Orange F-889","debit":"0","credit":"1200,00"}],
             "notes":"Télécommunications : compte 626."}
            ```
            """);

        var proposal = await Analyzer().AnalyzeAsync(Invoice());

        Assert.Equal(AnalyzerNames.Claude, proposal.Analyzer);
        Assert.Equal("Télécommunications : compte 626.", proposal.Notes);
        Assert.Equal(
            [
                new AccountingEntry("ACH", Date, "62600000", "Orange forfait mobile F-889", 1000m, 0m),
                new AccountingEntry("ACH", Date, "44566000", "TVA 20 % F-889", 200m, 0m),
                new AccountingEntry("ACH", Date, "40100000", "Orange F-889", 0m, 1200m),
            ],
            proposal.Entries);

        var request = Assert.Single(_api.Requests);
        Assert.Equal("/v1/messages", request.Path);
        // SDK 13.x sends the API key as a bearer token (ClientOptions.ApiKey); older SDKs used x-api-key.
        Assert.Equal($"Bearer {ApiKey}", request.Headers["authorization"]);
        Assert.False(string.IsNullOrEmpty(request.Headers["anthropic-version"]));
        Assert.Equal("claude-sonnet-4-5", request.Body!["model"]!.GetValue<string>());
        Assert.Equal(2048, request.Body!["max_tokens"]!.GetValue<int>());
        Assert.Contains("ACH", request.Body!["system"]!.ToJsonString());
        var user = request.Body!["messages"]![0]!;
        Assert.Equal("user", user["role"]!.GetValue<string>());
        Assert.Contains("F-889", user["content"]!.ToJsonString());
        Assert.Contains("Forfait mobile pro", user["content"]!.ToJsonString());
    }

    [Fact]
    public async Task Malformed_json_falls_back_to_the_rules_and_says_so()
    {
        _api.ReplyWithText("""{"entries":[{"accountNumber":"626","debit":"1000.00",""" );

        var proposal = await Analyzer().AnalyzeAsync(Invoice());

        Assert.Equal(AnalyzerNames.Rules, proposal.Analyzer);
        Assert.Contains("illisible", proposal.Notes);
        Assert.Contains("règles", proposal.Notes);
        Assert.Equal(["62600000", "44566000", "40100000"], proposal.Entries.Select(e => e.AccountNumber));
    }

    [Fact]
    public async Task Prose_without_json_falls_back_to_the_rules()
    {
        _api.ReplyWithText("Je propose de débiter le compte 626 de 1000 euros.");

        var proposal = await Analyzer().AnalyzeAsync(Invoice());

        Assert.Equal(AnalyzerNames.Rules, proposal.Analyzer);
        Assert.Contains("pas d'objet JSON", proposal.Notes);
    }

    [Fact]
    public async Task An_unbalanced_answer_falls_back_to_the_rules_and_names_the_imbalance()
    {
        _api.ReplyWithText("""
            {"entries":[
              {"accountNumber":"62600000","label":"Orange","debit":"1000.00","credit":"0.00"},
              {"accountNumber":"44566000","label":"TVA","debit":"200.00","credit":"0.00"},
              {"accountNumber":"40100000","label":"Orange","debit":"0.00","credit":"1000.00"}]}
            """);

        var proposal = await Analyzer().AnalyzeAsync(Invoice());

        Assert.Equal(AnalyzerNames.Rules, proposal.Analyzer);
        Assert.Contains("rejetée", proposal.Notes);
        Assert.Contains("déséquilibrée", proposal.Notes);
        Assert.Equal(1200m, proposal.Entries.Sum(e => e.Credit));
    }

    [Fact]
    public async Task A_balanced_answer_off_the_invoice_totals_falls_back_to_the_rules()
    {
        _api.ReplyWithText("""
            {"entries":[
              {"accountNumber":"62600000","label":"Orange","debit":"1100.00","credit":"0.00"},
              {"accountNumber":"44566000","label":"TVA","debit":"220.00","credit":"0.00"},
              {"accountNumber":"40100000","label":"Orange","debit":"0.00","credit":"1320.00"}]}
            """);

        var proposal = await Analyzer().AnalyzeAsync(Invoice());

        Assert.Equal(AnalyzerNames.Rules, proposal.Analyzer);
        Assert.Contains("1320.00", proposal.Notes);
        Assert.Equal([1000m, 200m, 0m], proposal.Entries.Select(e => e.Debit));
    }

    [Fact]
    public async Task An_api_error_falls_back_to_the_rules()
    {
        _api.ReplyWithError(529, "overloaded_error", "Overloaded");

        var proposal = await Analyzer().AnalyzeAsync(Invoice());

        Assert.Equal(AnalyzerNames.Rules, proposal.Analyzer);
        Assert.Contains("Claude indisponible", proposal.Notes);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task A_tenant_expense_account_for_the_supplier_is_kept_without_asking_claude()
    {
        var invoice = Invoice() with { SupplierAccounts = new SupplierAccountOverride("6228", null) };

        var proposal = await Analyzer().AnalyzeAsync(invoice);

        Assert.Equal(AnalyzerNames.Rules, proposal.Analyzer);
        Assert.Equal("62280000", proposal.Entries[0].AccountNumber);
        Assert.Contains("paramétré", proposal.Notes);
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task An_invoice_that_cannot_be_booked_is_refused_without_calling_claude()
    {
        var invoice = new InvoiceToAnalyze(SampleInvoices.Fields(ht: 1000, tva: 200, ttc: 1300));

        await Assert.ThrowsAsync<InvoiceNotAnalyzableException>(() => Analyzer().AnalyzeAsync(invoice));
        Assert.Empty(_api.Requests);
    }
}
