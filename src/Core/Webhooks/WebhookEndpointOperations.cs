using Backend.Core.Http;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Webhooks;

/// <summary>
/// Registration, listing, the delivery log, redelivery, secret rotation and re-enabling of endpoints, for one owner:
/// the vendor (<c>tenantId</c> null, license events) or a tenant (its invoice events). The caller authenticates first.
/// </summary>
public sealed class WebhookEndpointOperations(NpgsqlDataSource dataSource, WebhookAddressGuard guard, TimeProvider time, IOptions<WebhookSettings> options)
{
    public const int MaxBodyBytes = 8192;
    private static readonly IReadOnlySet<string> Members = new HashSet<string> { "url", "events", "description", "owner_email" };

    public async Task<IResult> RegisterAsync(HttpContext context, Guid? tenantId, string createdBy, string? defaultOwnerEmail, IReadOnlyList<string> allowedEvents)
    {
        var body = await JsonObjectBody.ReadAsync(context, MaxBodyBytes, Members);
        if (body.Error is not null)
        {
            return body.Error;
        }
        var fields = body.Fields!;
        var url = fields.String("url", 2000, required: true);
        var events = fields.Strings("events", 20, 50, required: true);
        var description = fields.String("description", 500, required: false);
        var ownerEmail = fields.String("owner_email", 254, required: false) ?? defaultOwnerEmail;
        if (events is { Count: 0 })
        {
            fields.AddError("events", "au moins un événement");
        }
        var unknown = events?.FirstOrDefault(e => !allowedEvents.Contains(e, StringComparer.Ordinal));
        if (unknown is not null)
        {
            fields.AddError("events", $"événement inconnu '{unknown}' ; possibles : {string.Join(", ", allowedEvents)}");
        }
        if (ownerEmail is not null && !System.Net.Mail.MailAddress.TryCreate(ownerEmail, out _))
        {
            fields.AddError("owner_email", "adresse e-mail invalide");
        }
        if (fields.HasErrors)
        {
            return ApiError.Result(context, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "Requête invalide.", fields.Errors);
        }
        if (await guard.CheckUrlAsync(url!, context.RequestAborted) is { } refusal)
        {
            return ApiError.Result(context, StatusCodes.Status400BadRequest, WebhookErrorCodes.InvalidWebhookUrl,
                "URL de webhook refusée.", new Dictionary<string, string> { ["url"] = refusal });
        }
        var id = Guid.NewGuid();
        var secret = WebhookSecret.New();
        var distinctEvents = events!.Distinct(StringComparer.Ordinal).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO webhook_endpoints (id, tenant_id, url, event_types, description, owner_email, secret, created_at, created_by)
            VALUES (@id, @tenantId, @url, @distinctEvents, @description, @ownerEmail, @secret, @now, @createdBy)
            """, new { id, tenantId, url, distinctEvents, description, ownerEmail, secret, now = time.GetUtcNow(), createdBy },
            cancellationToken: context.RequestAborted));
        return Json(new WebhookCreatedResponse(true, id, secret, url!, distinctEvents, description), StatusCodes.Status201Created);
    }

    public async Task<IResult> ListAsync(HttpContext context, Guid? tenantId)
    {
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var rows = await connection.QueryAsync<EndpointRow>(new CommandDefinition($"""
            SELECT {EndpointRow.Columns} FROM webhook_endpoints
             WHERE tenant_id IS NOT DISTINCT FROM @tenantId ORDER BY created_at DESC
            """, new { tenantId }, cancellationToken: context.RequestAborted));
        return Json(new WebhookListResponse(true, rows.Select(r => r.View()).ToList()));
    }

    public async Task<IResult> DeleteAsync(HttpContext context, Guid? tenantId, string id)
    {
        if (!Guid.TryParse(id, out var endpointId))
        {
            return NotFound(context);
        }
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM webhook_endpoints WHERE id = @endpointId AND tenant_id IS NOT DISTINCT FROM @tenantId",
            new { endpointId, tenantId }, cancellationToken: context.RequestAborted));
        return deleted == 1 ? Json(new WebhookChangedResponse(true, "Webhook supprimé")) : NotFound(context);
    }

    /// <summary>The newest 100 deliveries (or those before <c>?before=</c>), each with its attempts: status, latency, answer excerpt.</summary>
    public async Task<IResult> DeliveriesAsync(HttpContext context, Guid? tenantId, string id)
    {
        if (!Guid.TryParse(id, out var endpointId) || !await ExistsAsync(endpointId, tenantId, context.RequestAborted))
        {
            return NotFound(context);
        }
        long? before = long.TryParse(context.Request.Query["before"].ToString(), out var b) ? b : null;
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var deliveries = (await connection.QueryAsync<DeliveryRow>(new CommandDefinition("""
            SELECT d.id, d.event_id, e.type AS event_type, d.status, d.attempts, d.created_at, d.next_attempt_at, d.delivered_at
              FROM webhook_deliveries d JOIN events e ON e.id = d.event_id
             WHERE d.endpoint_id = @endpointId AND (@before::bigint IS NULL OR d.id < @before)
             ORDER BY d.id DESC LIMIT 100
            """, new { endpointId, before }, cancellationToken: context.RequestAborted))).ToList();
        var ids = deliveries.Select(d => d.Id).ToArray();
        var attempts = (await connection.QueryAsync<AttemptRow>(new CommandDefinition("""
            SELECT delivery_id, attempted_at, status_code, latency_ms, response_excerpt, error
              FROM webhook_attempts WHERE delivery_id = ANY(@ids) ORDER BY id
            """, new { ids }, cancellationToken: context.RequestAborted))).ToLookup(a => a.DeliveryId);
        return Json(new WebhookDeliveriesResponse(true, deliveries.Select(d => new WebhookDeliveryView(
            d.Id, WebhookDispatcher.MessageId(d.EventId), d.EventType, d.Status, d.Attempts, d.CreatedAt,
            d.Status == "pending" ? d.NextAttemptAt : null, d.DeliveredAt,
            attempts[d.Id].Select(a => new WebhookAttemptView(a.AttemptedAt, a.StatusCode, a.LatencyMs, a.ResponseExcerpt, a.Error)).ToList())).ToList()));
    }

    /// <summary>Sends a delivery again (same <c>webhook-id</c>), with a fresh retry schedule.</summary>
    public async Task<IResult> RedeliverAsync(HttpContext context, Guid? tenantId, string id, string deliveryId)
    {
        if (!Guid.TryParse(id, out var endpointId) || !await ExistsAsync(endpointId, tenantId, context.RequestAborted))
        {
            return NotFound(context);
        }
        if (!long.TryParse(deliveryId, out var delivery))
        {
            return DeliveryNotFound(context);
        }
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var updated = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE webhook_deliveries
               SET status = 'pending', attempts = 0, next_attempt_at = @now, leased_until = '-infinity', delivered_at = NULL
             WHERE id = @delivery AND endpoint_id = @endpointId AND status <> 'pending'
            """, new { delivery, endpointId, now = time.GetUtcNow() }, cancellationToken: context.RequestAborted));
        if (updated == 0)
        {
            var pending = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM webhook_deliveries WHERE id = @delivery AND endpoint_id = @endpointId)",
                new { delivery, endpointId }, cancellationToken: context.RequestAborted));
            if (!pending)
            {
                return DeliveryNotFound(context);
            }
        }
        return Json(new WebhookChangedResponse(true, updated == 1 ? "Livraison relancée" : "Livraison déjà en attente"), StatusCodes.Status202Accepted);
    }

    /// <summary>A new secret; the old one keeps signing beside it for <c>Webhooks__SecretOverlapHours</c>.</summary>
    public async Task<IResult> RotateSecretAsync(HttpContext context, Guid? tenantId, string id)
    {
        if (!Guid.TryParse(id, out var endpointId))
        {
            return NotFound(context);
        }
        var secret = WebhookSecret.New();
        var overlapEnds = time.GetUtcNow().AddHours(options.Value.SecretOverlapHours);
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var updated = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE webhook_endpoints SET previous_secret = secret, previous_secret_expires_at = @overlapEnds, secret = @secret
             WHERE id = @endpointId AND tenant_id IS NOT DISTINCT FROM @tenantId
            """, new { endpointId, tenantId, secret, overlapEnds }, cancellationToken: context.RequestAborted));
        return updated == 1 ? Json(new WebhookSecretResponse(true, secret, overlapEnds)) : NotFound(context);
    }

    /// <summary>Enables a disabled endpoint again; its failed deliveries can then be redelivered.</summary>
    public async Task<IResult> EnableAsync(HttpContext context, Guid? tenantId, string id)
    {
        if (!Guid.TryParse(id, out var endpointId))
        {
            return NotFound(context);
        }
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var updated = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE webhook_endpoints SET enabled = true, disabled_at = NULL, disabled_reason = NULL
             WHERE id = @endpointId AND tenant_id IS NOT DISTINCT FROM @tenantId
            """, new { endpointId, tenantId }, cancellationToken: context.RequestAborted));
        return updated == 1 ? Json(new WebhookChangedResponse(true, "Webhook réactivé")) : NotFound(context);
    }

    private async Task<bool> ExistsAsync(Guid endpointId, Guid? tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM webhook_endpoints WHERE id = @endpointId AND tenant_id IS NOT DISTINCT FROM @tenantId)",
            new { endpointId, tenantId }, cancellationToken: cancellationToken));
    }

    private static IResult Json<T>(T body, int statusCode = StatusCodes.Status200OK) => Results.Json(body, JsonDefaults.SnakeCase, statusCode: statusCode);

    private static IResult NotFound(HttpContext context) =>
        ApiError.Result(context, StatusCodes.Status404NotFound, WebhookErrorCodes.WebhookNotFound, "Webhook introuvable.");

    private static IResult DeliveryNotFound(HttpContext context) =>
        ApiError.Result(context, StatusCodes.Status404NotFound, WebhookErrorCodes.DeliveryNotFound, "Livraison introuvable.");

    private sealed record EndpointRow
    {
        public const string Columns = "id, url, event_types, description, owner_email, enabled, disabled_at, disabled_reason, created_at, previous_secret_expires_at";
        public Guid Id { get; init; }
        public string Url { get; init; } = "";
        public string[] EventTypes { get; init; } = [];
        public string? Description { get; init; }
        public string? OwnerEmail { get; init; }
        public bool Enabled { get; init; }
        public DateTimeOffset? DisabledAt { get; init; }
        public string? DisabledReason { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? PreviousSecretExpiresAt { get; init; }

        public WebhookEndpointView View() =>
            new(Id, Url, EventTypes, Description, OwnerEmail, Enabled, DisabledAt, DisabledReason, CreatedAt, PreviousSecretExpiresAt);
    }

    private sealed record DeliveryRow
    {
        public long Id { get; init; }
        public Guid EventId { get; init; }
        public string EventType { get; init; } = "";
        public string Status { get; init; } = "";
        public int Attempts { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset NextAttemptAt { get; init; }
        public DateTimeOffset? DeliveredAt { get; init; }
    }

    private sealed record AttemptRow
    {
        public long DeliveryId { get; init; }
        public DateTimeOffset AttemptedAt { get; init; }
        public int? StatusCode { get; init; }
        public int LatencyMs { get; init; }
        public string? ResponseExcerpt { get; init; }
        public string? Error { get; init; }
    }
}
