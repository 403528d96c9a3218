-- Durable job queue for the self-hosted run (Service Bus plays this part in Azure).
-- A job is leased by moving visible_at into the future; delivery_count identifies the lease,
-- so a consumer whose lease expired cannot complete or abandon someone else's delivery.
CREATE TABLE job_queue (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    queue          text        NOT NULL,
    body           text        NOT NULL,
    enqueued_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    visible_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    delivery_count integer     NOT NULL DEFAULT 0
);

CREATE INDEX ix_job_queue_ready ON job_queue (queue, visible_at, id);

CREATE TABLE job_dead_letters (
    id               bigint      PRIMARY KEY,
    queue            text        NOT NULL,
    body             text        NOT NULL,
    enqueued_at      timestamptz NOT NULL,
    delivery_count   integer     NOT NULL,
    reason           text        NOT NULL,
    dead_lettered_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX ix_job_dead_letters_queue ON job_dead_letters (queue, dead_lettered_at);
