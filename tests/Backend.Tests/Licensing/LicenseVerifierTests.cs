using System.Security.Cryptography;
using EasyFacture.Licensing;

namespace Backend.Tests.Licensing;

/// <summary>The offline verifier the desktop client ships, on keys made here (no server involved).</summary>
public sealed class LicenseVerifierTests : IDisposable
{
    private const string Machine = "0123456789abcdef0123456789abcdef";
    private readonly ECDsa _signer = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly LicenseVerifier _verifier;
    private readonly DateTimeOffset _expiry = new(2027, 1, 31, 12, 0, 0, TimeSpan.Zero);

    public LicenseVerifierTests() =>
        _verifier = new LicenseVerifier([_signer.ExportSubjectPublicKeyInfoPem()]);

    public void Dispose()
    {
        _verifier.Dispose();
        _signer.Dispose();
    }

    private string Key(string machine = Machine, ECDsa? signer = null)
    {
        signer ??= _signer;
        return LicenseKeyFormat.Encode(new LicenseClaims
        {
            LicenseId = 7, MachineId = machine, LicenseType = "annual", Product = "easyfacture",
            IssuedAtUnix = _expiry.AddYears(-1).ToUnixTimeSeconds(), ExpiresAtUnix = _expiry.ToUnixTimeSeconds(),
            KeyId = LicenseKeyFormat.KeyIdOf(signer),
        }, signer);
    }

    [Fact]
    public void Valid_before_expiry_in_grace_just_after_and_expired_beyond()
    {
        var key = Key();
        var grace = TimeSpan.FromDays(7);

        Assert.Equal(LicenseCheck.Valid, _verifier.Verify(key, Machine, _expiry, grace).Result);
        Assert.Equal(LicenseCheck.ValidInGracePeriod, _verifier.Verify(key, Machine, _expiry.AddDays(3), grace).Result);
        Assert.Equal(LicenseCheck.Expired, _verifier.Verify(key, Machine, _expiry.AddDays(8), grace).Result);
        Assert.Equal(7, _verifier.Verify(key, Machine.ToUpperInvariant(), _expiry, grace).Claims!.LicenseId);
    }

    [Fact]
    public void Every_single_character_change_breaks_the_key()
    {
        var key = Key();
        for (var i = 0; i < key.Length; i++)
        {
            var replacement = key[i] == 'A' ? 'B' : 'A';
            var tampered = key[..i] + replacement + key[(i + 1)..];
            Assert.False(_verifier.Verify(tampered, Machine, _expiry, TimeSpan.Zero).IsUsable, $"position {i} of {key}");
        }
    }

    [Fact]
    public void Wrong_machine_unknown_signer_and_garbage_are_told_apart()
    {
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Equal(LicenseCheck.WrongMachine, _verifier.Verify(Key(), "ffffffffffffffffffffffffffffffff", _expiry, TimeSpan.Zero).Result);
        Assert.Equal(LicenseCheck.UnknownSigningKey, _verifier.Verify(Key(signer: stranger), Machine, _expiry, TimeSpan.Zero).Result);
        Assert.Equal(LicenseCheck.Malformed, _verifier.Verify("EF1.e30.AA", Machine, _expiry, TimeSpan.Zero).Result);
        Assert.Equal(LicenseCheck.Malformed, _verifier.Verify(null, Machine, _expiry, TimeSpan.Zero).Result);
        Assert.Equal(LicenseCheck.Malformed, _verifier.Verify(new string('x', 5000), Machine, _expiry, TimeSpan.Zero).Result);
    }

    [Fact]
    public void A_signature_from_a_key_claiming_a_known_key_id_is_refused()
    {
        using var impostor = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parts = Key(signer: impostor).Split('.');
        var claims = System.Text.Json.JsonSerializer.Deserialize<LicenseClaims>(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]))!;
        var relabelled = LicenseKeyFormat.Encode(claims with { KeyId = LicenseKeyFormat.KeyIdOf(_signer) }, impostor);

        Assert.Equal(LicenseCheck.BadSignature, _verifier.Verify(relabelled, Machine, _expiry, TimeSpan.Zero).Result);
    }
}
