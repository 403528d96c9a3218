-- Several products (seed 000 phase 4): a catalog, licenses unique per (machine, product), activation codes of a
-- product, resellers' API keys scoped to products, and the releases the desktop clients update to.
-- Every license issued before keeps its row, its product ('easyfacture' unless the client named another) and its key:
-- keys are signed over their own claims (product included), which this migration does not touch.

CREATE TABLE products (
    code          varchar(50)    PRIMARY KEY CHECK (code ~ '^[a-z0-9_-]{1,50}$'),
    name          varchar(100)   NOT NULL CHECK (length(btrim(name)) > 0),
    trial_days    integer        NOT NULL CHECK (trial_days BETWEEN 1 AND 365),
    -- The license types activation codes of this product may grant.
    license_types varchar(20)[]  NOT NULL DEFAULT ARRAY['trial', 'monthly', 'annual', 'lifetime']::varchar(20)[]
                                 CHECK (cardinality(license_types) > 0
                                        AND license_types <@ ARRAY['trial', 'monthly', 'annual', 'lifetime']::varchar(20)[]),
    renewal_url   varchar(500),
    created_at    timestamptz    NOT NULL DEFAULT now(),
    updated_at    timestamptz    NOT NULL DEFAULT now()
);

INSERT INTO products (code, name, trial_days) VALUES ('easyfacture', 'EasyFacture', 30);
-- Products clients already named in their trials keep their licenses, with the default trial length.
INSERT INTO products (code, name, trial_days)
SELECT DISTINCT product, product, 30 FROM licenses WHERE product ~ '^[a-z0-9_-]{1,50}$'
ON CONFLICT (code) DO NOTHING;

-- One license per machine and product (was: per machine), hence one trial per machine and product.
ALTER TABLE licenses DROP CONSTRAINT licenses_machine_id_key;
ALTER TABLE licenses ADD CONSTRAINT licenses_machine_product_key UNIQUE (machine_id, product);
ALTER TABLE licenses ADD CONSTRAINT licenses_product_fk FOREIGN KEY (product) REFERENCES products (code);
CREATE INDEX ix_licenses_product ON licenses (product, license_type);

-- Codes created before belong to the default product; `partner` names the reseller that created a code.
ALTER TABLE activation_codes ADD COLUMN product varchar(50) NOT NULL DEFAULT 'easyfacture' REFERENCES products (code);
ALTER TABLE activation_codes ADD COLUMN partner varchar(100);
CREATE INDEX ix_activation_codes_partner ON activation_codes (partner, created_at) WHERE partner IS NOT NULL;

-- Resellers created by admins (others come from configuration, Partners__ApiKeyHashes). A key is
-- efp_<key_id>_<secret>: the key id finds the row, the SHA-256 of the whole key is compared in constant time.
CREATE TABLE partners (
    id         bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       varchar(100) NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9_.-]{0,99}$'),
    key_id     varchar(16)  NOT NULL UNIQUE,
    key_hash   bytea        NOT NULL CHECK (length(key_hash) = 32),
    products   varchar(50)[] NOT NULL CHECK (cardinality(products) > 0),
    created_at timestamptz  NOT NULL,
    created_by varchar(300) NOT NULL,
    disabled_at timestamptz
);

CREATE TABLE releases (
    id              bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product         varchar(50)   NOT NULL REFERENCES products (code),
    channel         varchar(20)   NOT NULL CHECK (channel ~ '^[a-z0-9-]{1,20}$'),
    version         varchar(20)   NOT NULL,
    -- The numeric parts of the version, so releases order as versions do (1.10.0 after 1.9.3).
    version_parts   integer[]     NOT NULL CHECK (cardinality(version_parts) BETWEEN 1 AND 4),
    url             varchar(2000) NOT NULL,
    sha256          char(64)      NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size            bigint        NOT NULL CHECK (size > 0),
    notes           text          CHECK (length(notes) <= 10000),
    min_version     varchar(20),
    rollout_percent integer       NOT NULL CHECK (rollout_percent BETWEEN 0 AND 100),
    created_at      timestamptz   NOT NULL,
    created_by      varchar(300)  NOT NULL,
    UNIQUE (product, channel, version)
);

CREATE INDEX ix_releases_latest ON releases (product, channel, version_parts DESC);
CREATE INDEX ix_licenses_product_version ON licenses (product, app_version) WHERE app_version IS NOT NULL;
