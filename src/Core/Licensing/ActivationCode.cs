using System.Security.Cryptography;

namespace Backend.Core.Licensing;

/// <summary>
/// Codes look like <c>XXXX-XXXX-XXXX-XXXX</c> over 32 characters that cannot be mistaken for one another
/// (no 0/O, no 1/I): 80 random bits from the CSPRNG, unguessable yet easy to read out on the phone.
/// </summary>
public static class ActivationCode
{
    public const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New()
    {
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 16);
        return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}-{new string(chars, 12, 4)}";
    }

    /// <summary>Accepts what users type: any case, spaces, with or without dashes.</summary>
    public static bool TryNormalize(string? input, out string code)
    {
        code = "";
        if (input is null || input.Length > 40)
        {
            return false;
        }
        var compact = new string(input.Where(c => c is not ('-' or ' ')).Select(char.ToUpperInvariant).ToArray());
        if (compact.Length != 16 || !compact.All(c => Alphabet.Contains(c)))
        {
            return false;
        }
        code = $"{compact[..4]}-{compact[4..8]}-{compact[8..12]}-{compact[12..]}";
        return true;
    }
}
