-- People who sign in (issue 14): the license vendor's admins and the users of a tenant. Machines keep API keys.
CREATE TABLE accounts (
    id              uuid         PRIMARY KEY,
    email           varchar(254) NOT NULL,
    role            varchar(20)  NOT NULL CHECK (role IN ('admin', 'tenant_user')),
    tenant_id       uuid         REFERENCES tenants (id) ON DELETE CASCADE,
    display_name    varchar(200) NOT NULL,
    -- PHC string ($argon2id$v=19$m=..,t=..,p=..$salt$hash): the parameters travel with each hash so they can be raised.
    password_hash   text,
    created_at      timestamptz  NOT NULL,
    created_by      varchar(300) NOT NULL,
    disabled_at     timestamptz,
    last_login_at   timestamptz,
    password_changed_at timestamptz,
    CHECK ((role = 'tenant_user') = (tenant_id IS NOT NULL))
);

CREATE UNIQUE INDEX ux_accounts_email ON accounts (lower(email));
CREATE INDEX ix_accounts_tenant ON accounts (tenant_id);

-- One family per sign-in: every refresh token rotated from it belongs to it, and presenting a consumed one
-- revokes the whole family. Access tokens carry the family id (sid), so revocation also ends them at once.
CREATE TABLE session_families (
    id           uuid        PRIMARY KEY,
    account_id   uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    revoked_reason varchar(40)
);

CREATE INDEX ix_session_families_account ON session_families (account_id) WHERE revoked_at IS NULL;

-- Refresh tokens are 256 random bits; only their SHA-256 is stored.
CREATE TABLE refresh_tokens (
    token_hash   bytea       PRIMARY KEY CHECK (length(token_hash) = 32),
    family_id    uuid        NOT NULL REFERENCES session_families (id) ON DELETE CASCADE,
    issued_at    timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    consumed_at  timestamptz
);

CREATE INDEX ix_refresh_tokens_family ON refresh_tokens (family_id);

-- Single-use password-setup tokens (new accounts without a password, resets), valid 24 h; SHA-256 only.
CREATE TABLE password_setup_tokens (
    token_hash   bytea       PRIMARY KEY CHECK (length(token_hash) = 32),
    account_id   uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    used_at      timestamptz
);

CREATE INDEX ix_password_setup_tokens_account ON password_setup_tokens (account_id);

-- Failed sign-ins per UTC day, for the admin statistics (no email or address is kept).
CREATE TABLE login_failures (
    day      date   PRIMARY KEY,
    failures bigint NOT NULL CHECK (failures >= 0)
);

-- Who changed what: the acting account or the named API key of every action that changes data.
CREATE TABLE audit_events (
    id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz  NOT NULL,
    actor_kind  varchar(10)  NOT NULL CHECK (actor_kind IN ('api_key', 'account')),
    actor       varchar(300) NOT NULL,
    account_id  uuid,
    tenant_id   uuid,
    action      varchar(60)  NOT NULL,
    subject     varchar(300),
    details     jsonb
);

CREATE INDEX ix_audit_events_at ON audit_events (at);
CREATE INDEX ix_audit_events_account ON audit_events (account_id) WHERE account_id IS NOT NULL;
