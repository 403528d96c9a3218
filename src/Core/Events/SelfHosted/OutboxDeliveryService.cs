using Backend.Core.Http;
using Backend.Core.Notifications;
using Backend.Core.Webhooks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backend.Core.Events.SelfHosted;

/// <summary>SelfHost's stand-in for the WebhookDelivery and EmailDelivery timer functions: a round every poll interval.</summary>
public sealed class OutboxDeliveryService(
    WebhookDispatcher webhooks,
    EmailSender emails,
    IOptions<WebhookSettings> settings,
    ILogger<OutboxDeliveryService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // Two loops: a slow mail server must not hold webhooks back, nor the reverse.
        Task.WhenAll(
            LoopAsync("webhook delivery", webhooks.DrainAsync, stoppingToken),
            LoopAsync("e-mail sending", emails.DrainAsync, stoppingToken));

    private async Task LoopAsync(string what, Func<CancellationToken, Task<int>> round, CancellationToken stoppingToken)
    {
        // The first round comes one interval after start, as the Azure timers' do: an instance starting next to a
        // busy one does not race it for what that one is already sending.
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(settings.Value.PollIntervalMilliseconds));
        while (await WaitAsync(timer, stoppingToken))
        {
            await RoundAsync(what, round, stoppingToken);
        }
    }

    private async Task RoundAsync(string what, Func<CancellationToken, Task<int>> round, CancellationToken stoppingToken)
    {
        try
        {
            await round(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (UnhandledExceptionResult.IsTransientDependencyFailure(e))
        {
            logger.LogWarning("Round of {What} skipped: database unavailable ({ExceptionType})", what, e.GetType().Name);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Round of {What} failed; trying again at the next interval", what);
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
