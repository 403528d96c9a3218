using System.Security.Cryptography;
using System.Text;
using Backend.Core.Security;
using Microsoft.Extensions.Options;

namespace Backend.Tests.Security;

public sealed class FieldCipherTests
{
    private static readonly string OldKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string NewKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static FieldCipher Cipher(string active, params (string Id, string Key)[] keys) =>
        new(Options.Create(new EncryptionSettings { ActiveKeyId = active, Keys = keys.ToDictionary(k => k.Id, k => k.Key) }));

    [Fact]
    public void Round_trips_and_hides_the_plaintext()
    {
        var cipher = Cipher("k1", ("k1", OldKey));
        var envelope = cipher.Encrypt("Facture FAC-2024-001 — 1 200,00 €", "ctx");

        Assert.DoesNotContain("FAC-2024-001", Encoding.Latin1.GetString(envelope));
        Assert.Equal("Facture FAC-2024-001 — 1 200,00 €", cipher.Decrypt(envelope, "ctx"));
        Assert.NotEqual(envelope, cipher.Encrypt("Facture FAC-2024-001 — 1 200,00 €", "ctx")); // fresh nonce each time
    }

    [Fact]
    public void Data_sealed_with_an_old_key_opens_after_rotation()
    {
        var envelope = Cipher("2025", ("2025", OldKey)).Encrypt("texte", "ctx");
        var rotated = Cipher("2026", ("2025", OldKey), ("2026", NewKey));

        Assert.Equal("texte", rotated.Decrypt(envelope, "ctx"));
        Assert.Equal("texte", rotated.Decrypt(rotated.Encrypt("texte", "ctx"), "ctx"));
    }

    [Fact]
    public void A_removed_key_is_a_clear_error_naming_the_key_id()
    {
        var envelope = Cipher("2025", ("2025", OldKey)).Encrypt("texte", "ctx");

        var error = Assert.Throws<FieldDecryptionException>(() => Cipher("2026", ("2026", NewKey)).Decrypt(envelope, "ctx"));
        Assert.Contains("'2025'", error.Message);
    }

    [Fact]
    public void Tampering_or_another_context_is_refused()
    {
        var cipher = Cipher("k1", ("k1", OldKey));
        var envelope = cipher.Encrypt("texte", "invoices.ocr_text:a");
        var tampered = (byte[])envelope.Clone();
        tampered[^1] ^= 1;

        Assert.Throws<FieldDecryptionException>(() => cipher.Decrypt(tampered, "invoices.ocr_text:a"));
        Assert.Throws<FieldDecryptionException>(() => cipher.Decrypt(envelope, "invoices.ocr_text:b"));
        Assert.Throws<FieldDecryptionException>(() => cipher.Decrypt([9, 9, 9], "invoices.ocr_text:a"));
    }

    [Fact]
    public void Settings_name_the_bad_setting_without_echoing_the_secret()
    {
        var problems = new EncryptionSettings { ActiveKeyId = "k1", Keys = new() { ["k1"] = "c2VjcmV0LXRvby1zaG9ydA==" } }.Validate().ToList();

        var problem = Assert.Single(problems);
        Assert.Contains("Encryption__Keys__k1", problem);
        Assert.DoesNotContain("c2VjcmV0", problem);
        Assert.Contains(new EncryptionSettings().Validate(), p => p.Contains("Encryption__ActiveKeyId"));
    }

    [Fact]
    public void Api_keys_are_random_and_only_their_hash_is_kept()
    {
        var a = ApiKeyHasher.NewKey();
        var b = ApiKeyHasher.NewKey();

        Assert.NotEqual(a, b);
        Assert.True(ApiKeyHasher.LooksValid(a));
        Assert.Equal(32, ApiKeyHasher.Hash(a).Length);
        Assert.Equal(ApiKeyHasher.Hash(a), ApiKeyHasher.Hash(a));
        Assert.NotEqual(ApiKeyHasher.Hash(a), ApiKeyHasher.Hash(b));
    }
}
