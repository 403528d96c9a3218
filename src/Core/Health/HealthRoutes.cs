namespace Backend.Core.Health;

public static class HealthRoutes
{
    /// <summary>Relative to the <c>api</c> prefix, as Functions routes are.</summary>
    public const string Health = "health";
}
