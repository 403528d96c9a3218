using System.Net;
using Backend.Tests.Licensing;
using Dapper;

namespace Backend.Tests.Accounts;

public sealed class BootstrapAdminTests(BootstrapAdminTests.Host host) : IClassFixture<BootstrapAdminTests.Host>
{
    public const string Email = "premier.admin@exemple.fr";
    public const string Secret = "phrase de démarrage assez longue";

    public sealed class Host() : AccountsHost(("Accounts:BootstrapAdminEmail", Email), ("Accounts:BootstrapAdminPassword", Secret));

    [Fact]
    public async Task The_first_admin_is_created_once_from_the_settings_and_can_sign_in()
    {
        var (status, body, _) = await host.LoginAsync(Email, Secret);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("admin", body.GetProperty("account").Str("role"));

        await using (var second = host.CreateFactory(s => s["Accounts:BootstrapAdminEmail"] = "autre.admin@exemple.fr"))
        {
            second.CreateClient(); // starts the host, which runs the bootstrap step again
        }
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM accounts WHERE role = 'admin'"));
    }
}
