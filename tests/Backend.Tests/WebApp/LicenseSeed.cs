using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Backend.Tests.WebApp;

/// <summary>Licenses made through the public license API, as the desktop app makes them.</summary>
public sealed class LicenseSeed(WebAppStack stack)
{
    public static string NewMachineId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    /// <summary>A trial: its machine id and key.</summary>
    public async Task<(string MachineId, string Key)> TrialAsync(string email, string? product = null, string? machineId = null)
    {
        machineId ??= NewMachineId();
        var answer = await stack.PostJsonAsync("/api/v1/licenses/trial", new { machine_id = machineId, email, product }, admin: false);
        return (machineId, answer["license_key"]!.GetValue<string>());
    }

    public async Task<string> ActivateAsync(string machineId, string email, string code)
    {
        var answer = await stack.PostJsonAsync("/api/v1/licenses/activate", new { machine_id = machineId, email, activation_code = code }, admin: false);
        return answer["license_key"]!.GetValue<string>();
    }

    public Task<JsonNode> ValidateAsync(string machineId, string key) =>
        stack.PostJsonAsync("/api/v1/licenses/validate", new { machine_id = machineId, license_key = key }, admin: false);

    public Task<JsonNode> HeartbeatAsync(string machineId, string key, string version, string os, string? product = null) =>
        stack.PostJsonAsync("/api/v1/licenses/heartbeat", new { machine_id = machineId, license_key = key, app_version = version, os_info = os, product }, admin: false);

    /// <summary>A product of the catalog with a fresh code: its code.</summary>
    public async Task<string> ProductAsync(string name, int trialDays = 14)
    {
        var code = "p" + Guid.NewGuid().ToString("N")[..10];
        await stack.PostJsonAsync("/api/v1/admin/products", new { code, name, trial_days = trialDays });
        return code;
    }

    public async Task<string[]> CodesAsync(string type, int count, int durationDays = 365)
    {
        var answer = await stack.PostJsonAsync("/api/v1/admin/activation-codes", new { license_type = type, duration_days = durationDays, count });
        return answer["codes"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray();
    }
}
