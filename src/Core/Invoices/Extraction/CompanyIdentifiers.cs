namespace Backend.Core.Invoices.Extraction;

/// <summary>Checks French company identifiers and VAT numbers by their check digits.</summary>
public static class CompanyIdentifiers
{
    /// <summary>SIREN (9 digits) with its Luhn check.</summary>
    public static bool IsValidSiren(string digits) => digits.Length == 9 && digits.All(char.IsAsciiDigit) && Luhn(digits);

    /// <summary>SIRET (14 digits): Luhn, except La Poste's establishments (SIREN 356000000), whose digits sum to a multiple of 5.</summary>
    public static bool IsValidSiret(string digits)
    {
        if (digits.Length != 14 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }
        if (digits.StartsWith("356000000", StringComparison.Ordinal))
        {
            return digits.Sum(c => c - '0') % 5 == 0;
        }
        return Luhn(digits);
    }

    /// <summary>The French VAT key: (12 + 3 × (SIREN mod 97)) mod 97, written as two digits before the SIREN.</summary>
    public static string FrenchVatKey(string siren) => ((12 + 3 * (long.Parse(siren) % 97)) % 97).ToString("00");

    public static string FrenchVatFromSiren(string siren) => "FR" + FrenchVatKey(siren) + siren;

    /// <summary>True for a French VAT number whose numeric key matches its SIREN (alphabetic keys, used by a few companies, are accepted unchecked).</summary>
    public static bool IsValidFrenchVat(string vat)
    {
        if (vat.Length != 13 || !vat.StartsWith("FR", StringComparison.Ordinal))
        {
            return false;
        }
        var key = vat.Substring(2, 2);
        var siren = vat[4..];
        if (!siren.All(char.IsAsciiDigit))
        {
            return false;
        }
        if (key.All(char.IsAsciiDigit))
        {
            return key == FrenchVatKey(siren);
        }
        return key.All(char.IsAsciiLetterOrDigit);
    }

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
