namespace Backend.Core.Updates;

public static class UpdateAuditActions
{
    public const string ReleasePublished = "release.published";
    public const string RolloutChanged = "release.rollout_changed";
}
