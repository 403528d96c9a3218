using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Backend.Tests.WebApp;

/// <summary>The admin console (/admin/) in a real Chromium against SelfHost on PostgreSQL.</summary>
public sealed class AdminConsoleTests(WebAppStack stack) : IClassFixture<WebAppStack>
{
    [Fact]
    public async Task The_bootstrap_admin_signs_in_and_sees_the_overview()
    {
        var page = await stack.NewPageAsync();
        await page.GotoAsync("/admin/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/connexion\\?retour=%2Fadmin%2F$"));
        await WebAppStack.ScreenshotAsync(page, "connexion");

        await WebAppStack.SignInAsync(page, page.Url);

        await Assertions.Expect(page).ToHaveURLAsync(stack.BaseUrl + "/admin/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vue d'ensemble" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
