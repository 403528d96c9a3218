-- Tenants of the invoice API. A tenant authenticates with an API key; only the key's SHA-256 is
-- stored (keys are 256-bit random values, so a fast hash is enough and lookups stay indexed).
CREATE TABLE tenants (
    id         uuid        PRIMARY KEY,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tenant_api_keys (
    key_hash   bytea       PRIMARY KEY CHECK (length(key_hash) = 32),
    tenant_id  uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    key_prefix text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);

CREATE INDEX ix_tenant_api_keys_tenant ON tenant_api_keys (tenant_id);
