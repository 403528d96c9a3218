namespace Backend.Core.Events;

/// <summary>An event about to be recorded.</summary>
/// <param name="Subject">What it is about (<c>license:42</c>); deliveries to one endpoint keep their order per subject.</param>
/// <param name="Cause">What made it, unique: recording the same cause twice records one event.</param>
/// <param name="TenantId">The tenant whose endpoints receive it; null for license events (the vendor's endpoints).</param>
public sealed record NewEvent(string Type, string Subject, string Cause, Guid? TenantId, object Data);
