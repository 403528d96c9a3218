using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Backend.Core.Accounts;

/// <summary>
/// Argon2id password hashes as PHC strings (<c>$argon2id$v=19$m=19456,t=2,p=1$salt$hash</c>): 16-byte random salt,
/// 32-byte output, the cost parameters kept with each hash. Verification reports when the stored parameters are
/// weaker than the configured ones, so the next successful sign-in rehashes.
/// </summary>
public sealed class PasswordHasher
{
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    // Each hash holds Argon2MemoryKib of memory for its duration: bounded so a burst of sign-ins cannot exhaust the host.
    private readonly SemaphoreSlim _concurrency = new(Math.Max(1, Environment.ProcessorCount));
    private readonly string _dummyHash;

    public PasswordHasher(IOptions<AccountSettings> options)
    {
        var settings = options.Value;
        Current = new Argon2Parameters(settings.Argon2MemoryKib, settings.Argon2Iterations, settings.Argon2Parallelism);
        _dummyHash = Format(Current, RandomNumberGenerator.GetBytes(SaltBytes), RandomNumberGenerator.GetBytes(HashBytes));
    }

    public Argon2Parameters Current { get; }

    public async Task<string> HashAsync(string password, CancellationToken cancellationToken)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return Format(Current, salt, await DeriveAsync(password, salt, Current, cancellationToken));
    }

    /// <summary>Checks <paramref name="password"/> against <paramref name="stored"/>; a null or malformed hash costs the same time and fails.</summary>
    public async Task<(bool Valid, bool NeedsRehash)> VerifyAsync(string password, string? stored, CancellationToken cancellationToken)
    {
        // Unknown accounts and accounts without a password are checked against a dummy hash of the current cost:
        // the answer takes as long as for a real account, so timing does not tell whether an email is registered.
        var real = TryParse(stored, out var parameters, out var salt, out var expected);
        if (!real)
        {
            TryParse(_dummyHash, out parameters, out salt, out expected);
        }
        var actual = await DeriveAsync(password, salt, parameters, cancellationToken);
        var valid = CryptographicOperations.FixedTimeEquals(actual, expected) && real;
        return (valid, valid && parameters.IsWeakerThan(Current));
    }

    public static bool TryParse(string? phc, out Argon2Parameters parameters, out byte[] salt, out byte[] hash)
    {
        parameters = default;
        salt = hash = [];
        var parts = (phc ?? "").Split('$');
        if (parts.Length != 6 || parts[0] != "" || parts[1] != "argon2id" || parts[2] != "v=19")
        {
            return false;
        }
        var costs = parts[3].Split(',').Select(p => p.Split('=')).ToArray();
        if (costs.Length != 3 || costs.Any(c => c.Length != 2)
            || costs[0][0] != "m" || costs[1][0] != "t" || costs[2][0] != "p"
            || !int.TryParse(costs[0][1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(costs[1][1], NumberStyles.None, CultureInfo.InvariantCulture, out var t)
            || !int.TryParse(costs[2][1], NumberStyles.None, CultureInfo.InvariantCulture, out var p)
            || m < 8 || t < 1 || p < 1)
        {
            return false;
        }
        try
        {
            salt = FromBase64(parts[4]);
            hash = FromBase64(parts[5]);
        }
        catch (FormatException)
        {
            return false;
        }
        parameters = new Argon2Parameters(m, t, p);
        return salt.Length >= 8 && hash.Length >= 16;
    }

    private async Task<byte[]> DeriveAsync(string password, byte[] salt, Argon2Parameters parameters, CancellationToken cancellationToken)
    {
        await _concurrency.WaitAsync(cancellationToken);
        try
        {
            using var argon2 = new Argon2id(Encoding.UTF8.GetBytes(password))
            {
                Salt = salt,
                MemorySize = parameters.MemoryKib,
                Iterations = parameters.Iterations,
                DegreeOfParallelism = parameters.Parallelism,
            };
            return await argon2.GetBytesAsync(HashBytes);
        }
        finally
        {
            _concurrency.Release();
        }
    }

    private static string Format(Argon2Parameters p, byte[] salt, byte[] hash) =>
        string.Create(CultureInfo.InvariantCulture, $"$argon2id$v=19$m={p.MemoryKib},t={p.Iterations},p={p.Parallelism}${ToBase64(salt)}${ToBase64(hash)}");

    private static string ToBase64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static byte[] FromBase64(string text) => Convert.FromBase64String(text.PadRight(text.Length + (4 - text.Length % 4) % 4, '='));
}
