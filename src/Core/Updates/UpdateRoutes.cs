namespace Backend.Core.Updates;

/// <summary>Relative to the <c>api</c> prefix (SelfHost's route group, Functions' host.json routePrefix).</summary>
public static class UpdateRoutes
{
    public const string Releases = "v1/admin/releases";
    public const string Release = "v1/admin/releases/{id}";
    public const string Check = "v1/updates/{product}";
}
