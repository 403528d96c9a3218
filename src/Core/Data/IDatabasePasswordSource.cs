namespace Backend.Core.Data;

/// <summary>
/// Where the database password comes from when <c>Database__Credential</c> is <c>managedidentity</c>: a Microsoft Entra
/// access token of the app's managed identity (the Azure adapters provide it). Asked again periodically, before the
/// token expires, for new physical connections.
/// </summary>
public interface IDatabasePasswordSource
{
    ValueTask<string> GetPasswordAsync(CancellationToken cancellationToken);
}
