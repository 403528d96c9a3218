using System.Diagnostics;
using Backend.Core.Licensing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Backend.Tests.Licensing;

/// <summary>
/// Validate answers from the in-memory license copy once it is current (no PostgreSQL read per request), and a change
/// committed by anyone (here plain SQL, as another instance or an operator would) reaches it through the trigger's
/// notification; the batched bookkeeping writes do not wake the listener.
/// </summary>
public sealed class LicenseStateCopyTests : IAsyncLifetime
{
    private readonly LicensingHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Validate_reads_memory_while_the_copy_is_current_and_sees_a_revocation_made_in_sql()
    {
        var machine = LicensingHost.NewMachineId();
        var key = (await _host.TrialAsync(machine)).GetProperty("license_key").GetString()!;
        var cache = _host.Factory.Services.GetRequiredService<LicenseStateCache>();
        var lookup = _host.Factory.Services.GetRequiredService<LicenseStateLookup>();
        var id = await _host.Database.DataSource.CreateConnection().ExecuteScalarAsync<long>("SELECT id FROM licenses WHERE machine_id = @machine", new { machine });
        await Until("the copy holds the new license", async () =>
        {
            // On a loaded machine the 1 s lease can lapse between barriers: ask after the next one came back.
            await cache.WaitForBarrierAsync(Stopwatch.GetTimestamp(), LicenseStateCache.Lease);
            return cache.TryFind(new LicenseStateKey(id, machine), out _);
        });

        var fromDatabase = lookup.FromDatabase;
        for (var i = 0; i < 20; i++)
        {
            var (_, body) = await _host.ValidateAsync(machine, key);
            Assert.True(body.GetProperty("valid").GetBoolean(), body.ToString());
        }
        // The copy may lapse for a moment on a loaded machine; most answers must still come from memory.
        Assert.True(lookup.FromDatabase - fromDatabase < 10, $"{lookup.FromDatabase - fromDatabase} of 20 validations read PostgreSQL");

        await using (var connection = _host.Database.DataSource.CreateConnection())
        {
            await connection.ExecuteAsync("UPDATE licenses SET is_revoked = true, is_active = false, revoked_at = now() WHERE id = @id", new { id });
        }
        var revokedAt = Stopwatch.GetTimestamp();
        await Until("validate answers LICENSE_REVOKED", async () =>
        {
            var (_, body) = await _host.ValidateAsync(machine, key);
            return !body.GetProperty("valid").GetBoolean() && body.GetProperty("error").GetString() == "LICENSE_REVOKED";
        });
        Assert.True(Stopwatch.GetElapsedTime(revokedAt) < TimeSpan.FromSeconds(1));
    }

    private static Task Until(string what, Func<bool> condition) => Until(what, () => Task.FromResult(condition()));

    private static async Task Until(string what, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, what + ": not within 15 s");
            await Task.Delay(20);
        }
    }
}
