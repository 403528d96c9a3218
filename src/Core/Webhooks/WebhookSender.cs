using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;
using StandardWebhooks;

namespace Backend.Core.Webhooks;

/// <summary>
/// Sends one signed webhook (Standard Webhooks headers). The connection is opened only to an address the
/// <see cref="WebhookAddressGuard"/> admits, resolved here rather than by the handler, so no redirect, proxy or
/// second DNS answer can lead it elsewhere.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    public const int ExcerptLength = 500;
    private readonly HttpClient _client;
    private readonly WebhookAddressGuard _guard;

    public WebhookSender(WebhookAddressGuard guard, IOptions<WebhookSettings> options)
    {
        _guard = guard;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(Math.Min(10, options.Value.TimeoutSeconds)),
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds) };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("EasyFacture-Webhooks/1.0");
    }

    /// <param name="secrets">The current secret first, then the previous one while the rotation overlaps.</param>
    public async Task<WebhookAttemptResult> SendAsync(string url, string messageId, DateTimeOffset timestamp, string body,
        IReadOnlyList<string> secrets, CancellationToken cancellationToken)
    {
        var signature = string.Join(' ', secrets.Select(s => new StandardWebhook(s).Sign(messageId, timestamp, body)));
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", messageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", signature);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var excerpt = await ExcerptAsync(response, cancellationToken);
            return new WebhookAttemptResult((int)response.StatusCode, (int)watch.ElapsedMilliseconds, excerpt, null);
        }
        catch (HttpRequestException e) when (e.InnerException is RefusedAddressException refused)
        {
            return new WebhookAttemptResult(null, (int)watch.ElapsedMilliseconds, null, refused.Message);
        }
        catch (HttpRequestException e)
        {
            return new WebhookAttemptResult(null, (int)watch.ElapsedMilliseconds, null, $"connexion impossible : {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttemptResult(null, (int)watch.ElapsedMilliseconds, null, "délai dépassé");
        }
    }

    public void Dispose() => _client.Dispose();

    private static async Task<string> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Only the start of the answer is read: an endpoint cannot make us download a large body.
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[ExcerptLength * 4];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }
            read += n;
        }
        var text = Encoding.UTF8.GetString(buffer, 0, read);
        return text.Length <= ExcerptLength ? text : text[..ExcerptLength];
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var refusal = "nom d'hôte introuvable";
        foreach (var address in addresses)
        {
            if (_guard.Refusal(address) is { } why)
            {
                refusal = $"{why} ({address})";
                continue;
            }
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException)
            {
                socket.Dispose();
                refusal = $"connexion refusée ({address})";
                if (address == addresses[^1])
                {
                    throw;
                }
            }
        }
        throw new RefusedAddressException(refusal);
    }

    private sealed class RefusedAddressException(string message) : IOException(message);
}
