namespace Backend.Core.Accounts;

/// <summary>What presenting a refresh token did: rotated it, caught a reuse (family revoked), or refused it.</summary>
public sealed record RefreshOutcome(RefreshOutcomeKind Kind, Guid? FamilyId, Guid? AccountId, string? NextToken);
