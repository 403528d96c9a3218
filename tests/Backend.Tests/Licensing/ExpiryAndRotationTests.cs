using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Backend.Core.Licensing;
using Microsoft.Extensions.DependencyInjection;

namespace Backend.Tests.Licensing;

/// <summary>Moves the clock and swaps keys, so it has hosts of its own.</summary>
public sealed class ExpiryAndRotationTests
{
    [Fact]
    public async Task An_expired_license_is_invalid_with_its_expiry_date_and_the_renewal_url()
    {
        await using var host = LicensingHost.With(("Licensing:RenewalUrl", "https://easyfacture.example/renouveler"));
        await host.InitializeAsync();
        var machine = LicensingHost.NewMachineId();
        var trial = await host.TrialAsync(machine);
        var expiresAt = DateTimeOffset.Parse(trial.Str("expires_at"));

        host.Clock.Advance(TimeSpan.FromDays(29));
        var (_, stillValid) = await host.ValidateAsync(machine, trial.Str("license_key"));
        Assert.True(stillValid.GetProperty("valid").GetBoolean());
        Assert.Equal(1, stillValid.GetProperty("days_remaining").GetInt32());

        host.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        var (status, body) = await host.ValidateAsync(machine, trial.Str("license_key"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.False(body.GetProperty("valid").GetBoolean());
        Assert.Equal("LICENSE_EXPIRED", body.Str("error"));
        Assert.Equal(expiresAt, DateTimeOffset.Parse(body.Str("expired_at")));
        Assert.Equal($"Votre licence a expiré le {expiresAt.UtcDateTime:yyyy-MM-dd}", body.Str("message"));
        Assert.Equal("https://easyfacture.example/renouveler", body.Str("renewal_url"));
    }

    [Fact]
    public async Task After_a_key_rotation_old_licenses_still_validate_and_new_ones_use_the_new_key()
    {
        await using var host = new LicensingHost();
        await host.InitializeAsync();
        var oldMachine = LicensingHost.NewMachineId();
        var oldKey = (await host.TrialAsync(oldMachine)).Str("license_key");
        var oldPublic = await Json.ReadAsync(await host.Client.GetAsync("/api/v1/licenses/public-key"));

        using var next = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var rotated = host.CreateFactory(s =>
        {
            s["Licensing:SigningPrivateKey"] = Convert.ToBase64String(next.ExportPkcs8PrivateKey());
            s["Licensing:RetiredPublicKeys"] = oldPublic.GetProperty("keys")[0].Str("public_key");
        });
        var client = rotated.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", LicensingHost.NewClientAddress());

        var validation = await Json.ReadAsync(await client.PostAsJsonAsync("/api/v1/licenses/validate", new { machine_id = oldMachine, license_key = oldKey }));
        Assert.True(validation.GetProperty("valid").GetBoolean(), validation.ToString());

        var newMachine = LicensingHost.NewMachineId();
        var created = await client.PostAsJsonAsync("/api/v1/licenses/trial", new { machine_id = newMachine, email = LicensingHost.NewEmail() });
        var newKey = (await Json.ReadAsync(created)).Str("license_key");
        var keys = await Json.ReadAsync(await client.GetAsync("/api/v1/licenses/public-key"));
        Assert.Equal(2, keys.GetProperty("keys").GetArrayLength());
        Assert.NotEqual(oldPublic.Str("current_key_id"), keys.Str("current_key_id"));
        using var verifier = new EasyFacture.Licensing.LicenseVerifier(keys.GetProperty("keys").EnumerateArray().Select(k => k.Str("public_key")));
        Assert.Equal(keys.Str("current_key_id"), verifier.VerifySignature(newKey, newMachine).Claims!.KeyId);
        Assert.Equal(oldPublic.Str("current_key_id"), verifier.VerifySignature(oldKey, oldMachine).Claims!.KeyId);

        // The old host, which does not know the new key, refuses licenses signed with it.
        var (_, unknown) = await host.ValidateAsync(newMachine, newKey);
        Assert.Equal("INVALID_LICENSE_KEY", unknown.Str("error"));
    }
    [Fact]
    public async Task A_key_whose_signing_key_is_no_longer_configured_is_invalid_also_when_the_copy_holds_it()
    {
        await using var host = new LicensingHost();
        await host.InitializeAsync();
        var machine = LicensingHost.NewMachineId();
        var key = (await host.TrialAsync(machine)).Str("license_key");

        // Rotated without listing the old public key as retired: what it signed must stop validating.
        using var next = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var rotated = host.CreateFactory(s => s["Licensing:SigningPrivateKey"] = Convert.ToBase64String(next.ExportPkcs8PrivateKey()));
        var client = rotated.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", LicensingHost.NewClientAddress());
        var cache = rotated.Services.GetRequiredService<LicenseStateCache>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        // The copy finds the key by its digest: the answer below comes from the path that checks no signature.
        while (!cache.TryFindByKey(LicenseKeyDigest.Of(key), out _))
        {
            Assert.True(DateTime.UtcNow < deadline, "the rotated host's copy never held the license");
            await Task.Delay(20);
        }

        var validation = await Json.ReadAsync(await client.PostAsJsonAsync("/api/v1/licenses/validate", new { machine_id = machine, license_key = key }));
        Assert.False(validation.GetProperty("valid").GetBoolean(), validation.ToString());
        Assert.Equal("INVALID_LICENSE_KEY", validation.Str("error"));
    }
}
