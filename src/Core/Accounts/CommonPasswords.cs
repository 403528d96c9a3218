using System.Reflection;

namespace Backend.Core.Accounts;

/// <summary>
/// The built-in blocklist of NIST SP 800-63B § 5.1.1.2: passwords from breach corpora, dictionary bases with the usual
/// decorations, repetitive or sequential characters and context words (the product's name). Case-insensitive.
/// </summary>
public static class CommonPasswords
{
    private static readonly string[] Bases =
    [
        "password", "passw0rd", "motdepasse", "azerty", "qwerty", "iloveyou", "jetaime", "bonjour", "soleil", "welcome",
        "letmein", "admin", "administrator", "administrateur", "easyfacture", "facture", "factures", "comptable",
        "comptabilite", "changeme", "secret", "dragon", "monkey", "football", "master", "sunshine", "princess",
        "marseille", "paris", "france", "loulou", "doudou", "chouchou", "nicolas", "julien", "camille",
    ];

    private static readonly string[] Suffixes =
    [
        "", "1", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "!", "!!", "1!", "123!", "01", "2023", "2024",
        "2025", "2026", "2027", "@123", "#1", ".", "00", "007", "69", "13", "75",
    ];

    private static readonly HashSet<string> Known = Load();

    public static bool Contains(string password)
    {
        var lower = password.ToLowerInvariant();
        return Known.Contains(lower) || IsOneCharacterRepeated(lower) || IsSequence(lower) || IsRepeatedChunk(lower);
    }

    private static HashSet<string> Load()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        using (var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Accounts/common-passwords.txt")
            ?? throw new InvalidOperationException("Embedded resource Accounts/common-passwords.txt is missing."))
        using (var reader = new StreamReader(stream))
        {
            while (reader.ReadLine() is { } line)
            {
                if (line.Length > 0 && !line.StartsWith('#'))
                {
                    set.Add(line.Trim().ToLowerInvariant());
                }
            }
        }
        foreach (var word in Bases)
        {
            foreach (var suffix in Suffixes)
            {
                set.Add(word + suffix);
                set.Add(word + word + suffix);
            }
        }
        return set;
    }

    private static bool IsOneCharacterRepeated(string text) => text.All(c => c == text[0]);

    /// <summary>Runs like <c>abcdefghijkl</c>, <c>987654321098</c> or a walk along a keyboard row.</summary>
    private static bool IsSequence(string text)
    {
        string[] runs = ["abcdefghijklmnopqrstuvwxyz", "01234567890123456789", "qwertyuiopasdfghjklzxcvbnm", "azertyuiopqsdfghjklmwxcvbn"];
        foreach (var run in runs)
        {
            var reversed = new string(run.Reverse().ToArray());
            if (run.Contains(text, StringComparison.Ordinal) || reversed.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>One short chunk typed again and again (<c>abcabcabcabc</c>, <c>12341234123412</c>).</summary>
    private static bool IsRepeatedChunk(string text)
    {
        for (var size = 2; size <= 4; size++)
        {
            var chunk = text[..size];
            if (Enumerable.Range(0, text.Length).All(i => text[i] == chunk[i % size]))
            {
                return true;
            }
        }
        return false;
    }
}
