-- Events (issue 18): a transactional outbox. Each event is inserted by the transaction that makes the change, and
-- so are its webhook deliveries and e-mails: a rolled-back change leaves none, a committed one loses none.
CREATE TABLE events (
    id          uuid        PRIMARY KEY,               -- the webhook-id: stable across retries and redeliveries
    seq         bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    type        text        NOT NULL,
    tenant_id   uuid        NULL,                      -- invoice events: only this tenant's endpoints receive them
    subject     text        NOT NULL,                  -- license:42, invoice:<uuid>: deliveries keep their order per subject
    cause       text        NOT NULL UNIQUE,           -- one event per cause, however many instances record it
    payload     jsonb       NOT NULL,
    occurred_at timestamptz NOT NULL
);

CREATE INDEX ix_events_subject ON events (subject, seq);

CREATE TABLE webhook_endpoints (
    id                          uuid        PRIMARY KEY,
    tenant_id                   uuid        NULL REFERENCES tenants (id) ON DELETE CASCADE, -- NULL: the vendor's (license events)
    url                         text        NOT NULL,
    event_types                 text[]      NOT NULL,
    description                 text        NULL,
    owner_email                 text        NULL,
    -- Kept readable: every delivery is signed with it (HMAC needs the key itself, not a hash).
    secret                      text        NOT NULL,
    previous_secret             text        NULL,
    previous_secret_expires_at  timestamptz NULL,
    enabled                     boolean     NOT NULL DEFAULT true,
    disabled_at                 timestamptz NULL,
    disabled_reason             text        NULL,
    created_at                  timestamptz NOT NULL,
    created_by                  text        NOT NULL
);

CREATE INDEX ix_webhook_endpoints_tenant ON webhook_endpoints (tenant_id) WHERE enabled;

CREATE TABLE webhook_deliveries (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id         uuid        NOT NULL REFERENCES events (id),
    endpoint_id      uuid        NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    subject          text        NOT NULL,
    status           text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    leased_until     timestamptz NOT NULL DEFAULT '-infinity',
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz NULL,
    UNIQUE (event_id, endpoint_id)
);

CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX ix_webhook_deliveries_order ON webhook_deliveries (endpoint_id, subject, id) WHERE status = 'pending';
CREATE INDEX ix_webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, id DESC);

-- The delivery log: one row per HTTP attempt.
CREATE TABLE webhook_attempts (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id      bigint      NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at     timestamptz NOT NULL,
    status_code      integer     NULL,
    latency_ms       integer     NOT NULL,
    response_excerpt text        NULL,
    error            text        NULL
);

CREATE INDEX ix_webhook_attempts_delivery ON webhook_attempts (delivery_id, id);

-- E-mails wait here until the mail server takes them: a server that is down delays them, never loses them.
CREATE TABLE email_outbox (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cause            text        NOT NULL UNIQUE,
    kind             text        NOT NULL,
    recipient        text        NOT NULL,
    subject          text        NOT NULL,
    body_text        text        NOT NULL,
    status           text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    leased_until     timestamptz NOT NULL DEFAULT '-infinity',
    created_at       timestamptz NOT NULL,
    sent_at          timestamptz NULL,
    last_error       text        NULL
);

CREATE INDEX ix_email_outbox_due ON email_outbox (next_attempt_at, id) WHERE status = 'pending';

-- Reminder e-mails carry an unsubscribe link with this token; it can only stop reminders, so it is kept readable
-- to be put in every later reminder.
CREATE TABLE email_subscriptions (
    email            text        PRIMARY KEY,          -- lower case
    token            text        NOT NULL UNIQUE,
    unsubscribed_at  timestamptz NULL
);
