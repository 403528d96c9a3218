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

    /// <summary>
    /// Checks an EU VAT number's check digits where the member state defines them (DE, BE, IT, NL, LU, AT, DK, FI,
    /// PL, FR; ES and the rest are accepted by shape alone): null when no check is defined for the country.
    /// </summary>
    public static bool? IsValidEuVat(string vat)
    {
        if (vat.Length < 4)
        {
            return false;
        }
        var country = vat[..2];
        var body = vat[2..];
        int D(int i) => body[i] - '0';
        bool Digits(int n) => body.Length == n && body.All(char.IsAsciiDigit);
        switch (country)
        {
            case "FR":
                return IsValidFrenchVat(vat);
            case "DE":
            {
                // ISO 7064 MOD 11,10.
                if (!Digits(9))
                {
                    return false;
                }
                var product = 10;
                for (var i = 0; i < 8; i++)
                {
                    var sum = (D(i) + product) % 10;
                    if (sum == 0)
                    {
                        sum = 10;
                    }
                    product = 2 * sum % 11;
                }
                var check = 11 - product;
                return (check == 10 ? 0 : check) == D(8);
            }
            case "BE":
            {
                if (body.Length == 9)
                {
                    body = "0" + body;
                }
                if (!Digits(10))
                {
                    return false;
                }
                return 97 - long.Parse(body[..8]) % 97 == long.Parse(body[8..]);
            }
            case "IT":
                return Digits(11) && Luhn(body);
            case "LU":
                return Digits(8) && long.Parse(body[..6]) % 89 == long.Parse(body[6..]);
            case "DK":
            {
                int[] w = [2, 7, 6, 5, 4, 3, 2, 1];
                return Digits(8) && Enumerable.Range(0, 8).Sum(i => D(i) * w[i]) % 11 == 0;
            }
            case "FI":
            {
                int[] w = [7, 9, 10, 5, 8, 4, 2];
                if (!Digits(8))
                {
                    return false;
                }
                var r = Enumerable.Range(0, 7).Sum(i => D(i) * w[i]) % 11;
                return r != 1 && (r == 0 ? 0 : 11 - r) == D(7);
            }
            case "PL":
            {
                int[] w = [6, 5, 7, 2, 3, 4, 5, 6, 7];
                return Digits(10) && Enumerable.Range(0, 9).Sum(i => D(i) * w[i]) % 11 == D(9);
            }
            case "NL":
            {
                // 9 digits, "B", 2 digits: the older mod-11 check, or the mod-97 check of sole traders' numbers since 2020.
                if (body.Length != 12 || body[9] != 'B' || !body[..9].All(char.IsAsciiDigit) || !body[10..].All(char.IsAsciiDigit))
                {
                    return false;
                }
                var mod11 = Enumerable.Range(0, 8).Sum(i => D(i) * (9 - i)) - D(8);
                var numeric = string.Concat("NL" + body, "").Select(c => char.IsAsciiLetter(c) ? (c - 'A' + 10).ToString() : c.ToString());
                var mod97 = System.Numerics.BigInteger.Parse(string.Concat(numeric)) % 97 == 1;
                return mod11 % 11 == 0 || mod97;
            }
            case "AT":
            {
                if (body.Length != 9 || body[0] != 'U' || !body[1..].All(char.IsAsciiDigit))
                {
                    return false;
                }
                var sum = 0;
                for (var i = 1; i <= 7; i++)
                {
                    var d = body[i] - '0';
                    sum += i % 2 == 0 ? (d * 2 / 10) + (d * 2 % 10) : d;
                }
                return (96 - sum) % 10 == body[8] - '0';
            }
            default:
                return null;
        }
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
