using System.Globalization;

namespace Backend.Core.Accounts;

/// <summary>
/// NIST SP 800-63B: at least 12 characters (counted as Unicode characters, spaces allowed), at most 128, not a known
/// common password and not the account's own email; no composition rules (no forced digits or symbols).
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    /// <returns>The problem in French for the user, or null when the password is acceptable.</returns>
    public static string? Problem(string password, string? email)
    {
        var length = new StringInfo(password).LengthInTextElements;
        if (length < MinLength)
        {
            return $"au moins {MinLength} caractères";
        }
        if (length > MaxLength)
        {
            return $"au plus {MaxLength} caractères";
        }
        if (password.Any(char.IsControl))
        {
            return "caractères de contrôle interdits";
        }
        if (CommonPasswords.Contains(password))
        {
            return "mot de passe trop courant : choisissez une phrase ou une suite de mots personnelle";
        }
        if (email is not null && email.Length > 0)
        {
            var local = email.Split('@')[0];
            if (string.Equals(password, email, StringComparison.OrdinalIgnoreCase)
                || (local.Length >= 6 && password.Contains(local, StringComparison.OrdinalIgnoreCase) && password.Length - local.Length < 6))
            {
                return "ne doit pas reprendre l'adresse e-mail";
            }
        }
        return null;
    }
}
