namespace Backend.Core.Licensing;

/// <summary>Relative to the <c>api</c> prefix (SelfHost's route group, Functions' host.json routePrefix).</summary>
public static class LicenseRoutes
{
    public const string Trial = "v1/licenses/trial";
    public const string Activate = "v1/licenses/activate";
    public const string Validate = "v1/licenses/validate";
    public const string Heartbeat = "v1/licenses/heartbeat";
    public const string PublicKey = "v1/licenses/public-key";
    /// <summary>One license: <c>DELETE</c> revokes it, <c>GET</c> shows it (LicenseDetailHandler).</summary>
    public const string Revoke = "v1/admin/licenses/{machineId}";
    public const string ActivationCodes = "v1/admin/activation-codes";
    public const string Search = "v1/admin/licenses";
    public const string CsvExport = "v1/admin/licenses.csv";
    public const string Stats = "v1/admin/stats";
}
