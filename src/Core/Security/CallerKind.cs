namespace Backend.Core.Security;

public enum CallerKind
{
    ApiKey,
    Account,
}
