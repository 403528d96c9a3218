using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Backend.Core.Accounting.Analysis;
using Backend.Core.Invoices;
using Backend.Core.Invoices.Extraction;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Accounting;

/// <summary>
/// The accounting side of <c>PATCH /api/invoices/{id}</c>, run just before the invoice is validated: the user's
/// <c>accountingEntries</c> replace the proposal once they pass <see cref="ProposalChecker"/> against the corrected
/// amounts; without them, stored entries that no longer match corrected amounts are rebuilt by the rules. So a
/// validated invoice never carries entries that contradict it.
/// </summary>
public sealed class EntryEdits(
    NpgsqlDataSource dataSource,
    RulesInvoiceAnalyzer rules,
    IInvoiceFieldExtractor extractor,
    IOptions<AccountingSettings> options,
    TimeProvider time)
{
    public const string FieldName = "accountingEntries";
    private const int MaxLines = 100;

    public sealed record EditedEntry(string? JournalCode, DateOnly? EntryDate, string AccountNumber, string Label, decimal Debit, decimal Credit);

    /// <summary>Takes <c>accountingEntries</c> out of a PATCH body, leaving the invoice corrections.</summary>
    /// <returns>The rest of the body, the parsed entries (null when absent), or problems keyed by field.</returns>
    public static (JsonElement Corrections, IReadOnlyList<EditedEntry>? Entries, Dictionary<string, string>? Problems) Split(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty(FieldName, out var array))
        {
            return (body, null, null);
        }
        var rest = JsonNode.Parse(body.GetRawText())!.AsObject();
        rest.Remove(FieldName);
        var restElement = JsonDocument.Parse(rest.ToJsonString()).RootElement.Clone();
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() is 0 or > MaxLines)
        {
            return (restElement, null, new() { [FieldName] = $"tableau de 1 à {MaxLines} lignes attendu" });
        }
        var entries = new List<EditedEntry>();
        var index = 0;
        foreach (var line in array.EnumerateArray())
        {
            var name = $"{FieldName}[{index++}]";
            if (line.ValueKind != JsonValueKind.Object)
            {
                return (restElement, null, new() { [name] = "objet attendu" });
            }
            string? journal = null, account = null, label = null;
            DateOnly? date = null;
            decimal? debit = null, credit = null;
            foreach (var property in line.EnumerateObject())
            {
                var v = property.Value;
                switch (property.Name)
                {
                    case "id":
                        break; // echoed back from GET; lines are replaced as a whole
                    case "journalCode" when v.ValueKind == JsonValueKind.String:
                        journal = v.GetString();
                        break;
                    case "entryDate" when v.ValueKind == JsonValueKind.String && ParseDate(v.GetString()!) is { } d:
                        date = d;
                        break;
                    case "accountNumber" when v.ValueKind == JsonValueKind.String:
                        account = v.GetString()!.Trim();
                        break;
                    case "label" when v.ValueKind == JsonValueKind.String && v.GetString()!.Trim() is { Length: > 0 and <= 200 } l && !l.Any(char.IsControl):
                        label = l;
                        break;
                    case "debit" when ParseAmount(v) is { } a:
                        debit = a;
                        break;
                    case "credit" when ParseAmount(v) is { } a:
                        credit = a;
                        break;
                    case "journalCode" or "entryDate" or "accountNumber" or "label" or "debit" or "credit":
                        return (restElement, null, new() { [$"{name}.{property.Name}"] = "valeur invalide" });
                    default:
                        return (restElement, null, new() { [$"{name}.{property.Name}"] = "champ inconnu" });
                }
            }
            if (account is null || label is null || debit is null || credit is null)
            {
                return (restElement, null, new() { [name] = "accountNumber, label, debit et credit sont requis" });
            }
            entries.Add(new EditedEntry(journal, date, account, label, debit.Value, credit.Value));
        }
        return (restElement, entries, null);
    }

    /// <summary>Checks and stores the entries the invoice will be validated with.</summary>
    /// <param name="corrections">Column → value of the PATCH's corrections (<see cref="InvoiceCorrections.Columns"/>).</param>
    /// <returns>null when the validation may proceed, else the problems to answer with a 400.</returns>
    public async Task<Dictionary<string, string>?> ApplyAsync(
        Guid tenantId, InvoiceRow current, IReadOnlyDictionary<string, object?> corrections, IReadOnlyList<EditedEntry>? edited, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var fields = InvoiceFieldsFromRow.Build(Corrected(current, corrections), null, extractor);
        InvoiceAmounts? amounts = null;
        string? notBookable = null;
        try
        {
            amounts = InvoiceAmounts.From(fields);
        }
        catch (InvoiceNotAnalyzableException e)
        {
            notBookable = e.Message;
        }
        var date = fields.InvoiceDate?.Value;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Entries change only while the invoice can still be validated (never once VALIDATED or EXPORTED).
        var editable = await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(
            "SELECT 1 FROM invoices WHERE id = @id AND tenant_id = @tenantId AND status = ANY(@from) FOR UPDATE",
            new { id = current.Id, tenantId, from = InvoiceStateMachine.Validate.FromArray }, transaction, cancellationToken: cancellationToken));
        if (editable is null)
        {
            return null; // the validation itself will refuse and say why
        }

        if (edited is not null)
        {
            if (amounts is null || date is null)
            {
                return new() { [FieldName] = notBookable ?? "date de facture requise pour des écritures" };
            }
            var entries = edited
                .Select(e => new AccountingEntry(
                    e.JournalCode ?? settings.PurchaseJournal,
                    e.EntryDate ?? date.Value,
                    AccountNumber.Normalize(e.AccountNumber, settings.AccountNumberLength) ?? e.AccountNumber,
                    e.Label, e.Debit, e.Credit))
                .ToList();
            var problems = ProposalChecker.Check(entries, amounts, date.Value, settings);
            if (problems.Count > 0)
            {
                return new() { [FieldName] = string.Join(" ", problems) };
            }
            await SaveAsync(connection, transaction, tenantId, current.Id, entries, AnalyzerNames.User, "Écritures saisies par l'utilisateur.", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return null;
        }

        var stored = (await AccountingEntryStore.ListAsync(connection, transaction, tenantId, [current.Id], cancellationToken)).GetValueOrDefault(current.Id);
        if (stored is { Count: > 0 } && amounts is not null && date is not null
            && ProposalChecker.Check(stored, amounts, date.Value, settings).Count == 0)
        {
            return null;
        }
        // No entries yet (validated without analysis, e.g. from PENDING_VALIDATION), or entries the corrections contradict:
        // the rules book the invoice as validated, so what GET shows is what the export will write.
        IReadOnlyList<AccountingEntry> rebuilt = [];
        string note;
        try
        {
            rebuilt = rules.Analyze(new InvoiceToAnalyze(fields)).Entries;
            note = stored is { Count: > 0 }
                ? "Écritures recalculées par les règles après correction de la facture."
                : "Écritures proposées par les règles à la validation.";
        }
        catch (InvoiceNotAnalyzableException e)
        {
            note = $"Pas d'écritures : {e.Message}";
        }
        if (stored is { Count: > 0 } || rebuilt.Count > 0)
        {
            await SaveAsync(connection, transaction, tenantId, current.Id, rebuilt, AnalyzerNames.Rules, note, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    private async Task SaveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId, Guid invoiceId,
        IReadOnlyList<AccountingEntry> entries, string analyzer, string note, CancellationToken cancellationToken)
    {
        await AccountingEntryStore.ReplaceAsync(connection, transaction, tenantId, invoiceId, entries, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO invoice_analyses (invoice_id, tenant_id, analyzer, notes, edited_at)
            VALUES (@invoiceId, @tenantId, @analyzer, @note, @now)
            ON CONFLICT (invoice_id) DO UPDATE SET analyzer = excluded.analyzer, notes = excluded.notes, edited_at = excluded.edited_at
            """,
            new { invoiceId, tenantId, analyzer, note, now = time.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
    }

    // The row as it will be once the corrections are applied (columns as InvoiceCorrections names them).
    private static InvoiceRow Corrected(InvoiceRow row, IReadOnlyDictionary<string, object?> c)
    {
        T? Value<T>(string column, T? stored) => c.TryGetValue(column, out var v) ? (T?)v : stored;
        return new InvoiceRow
        {
            Id = row.Id,
            TenantId = row.TenantId,
            SupplierName = Value("supplier_name", row.SupplierName),
            SupplierVat = Value("supplier_vat", row.SupplierVat),
            InvoiceNumber = Value("invoice_number", row.InvoiceNumber),
            InvoiceDate = c.TryGetValue("invoice_date", out var d) ? (DateOnly?)d : row.InvoiceDate,
            AmountHt = c.TryGetValue("amount_ht", out var ht) ? (decimal?)ht : row.AmountHt,
            AmountTva = c.TryGetValue("amount_tva", out var tva) ? (decimal?)tva : row.AmountTva,
            AmountTtc = c.TryGetValue("amount_ttc", out var ttc) ? (decimal?)ttc : row.AmountTtc,
            TvaRate = c.TryGetValue("tva_rate", out var rate) ? (decimal?)rate : row.TvaRate,
            Currency = Value("currency", row.Currency),
            IsCreditNote = row.IsCreditNote,
            OcrConfidence = row.OcrConfidence,
        };
    }

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) && text.Contains('T') ? DateOnly.FromDateTime(instant.UtcDateTime)
        : null;

    private static decimal? ParseAmount(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetDecimal(out var d) => d,
        JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };
}
