using Backend.Core.Configuration;

namespace Backend.Core.Accounting;

/// <summary>How entries are booked: the tenant-wide chart of accounts conventions.</summary>
public sealed class AccountingSettings : ISettings
{
    public static string SectionName => "Accounting";

    /// <summary>Every account number is right-padded with zeros to this length (Sage allows up to 13).</summary>
    public int AccountNumberLength { get; set; } = 8;

    public string PurchaseJournal { get; set; } = "ACH";

    /// <summary>The expense account when neither the tenant nor the keyword table names one.</summary>
    public string DefaultExpenseAccount { get; set; } = "601";

    /// <summary>The collective supplier account; a per-supplier auxiliary account replaces it when configured.</summary>
    public string SupplierAccount { get; set; } = "401";

    /// <summary>TVA déductible sur autres biens et services.</summary>
    public string DeductibleVatAccount { get; set; } = "44566";

    public IEnumerable<string> Validate()
    {
        if (AccountNumberLength is < 4 or > 13)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(AccountNumberLength))}' must be between 4 and 13.";
        }
        if (string.IsNullOrWhiteSpace(PurchaseJournal) || PurchaseJournal.Length > 6 || !PurchaseJournal.All(char.IsAsciiLetterOrDigit))
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(PurchaseJournal))}' must be 1 to 6 letters or digits.";
        }
        foreach (var (key, value, root) in new[]
                 {
                     (nameof(DefaultExpenseAccount), DefaultExpenseAccount, "6"),
                     (nameof(SupplierAccount), SupplierAccount, "40"),
                     (nameof(DeductibleVatAccount), DeductibleVatAccount, "4456"),
                 })
        {
            if (AccountNumberLength is >= 4 and <= 13 && AccountNumber.Normalize(value, AccountNumberLength) is null)
            {
                yield return $"Setting '{SettingName.Of(SectionName, key)}' must be a PCG account of at most {AccountNumberLength} digits.";
            }
            else if (!value.StartsWith(root, StringComparison.Ordinal))
            {
                yield return $"Setting '{SettingName.Of(SectionName, key)}' must be an account starting with {root}.";
            }
        }
    }
}
