-- Accounting (issue 5): the entries proposed for each invoice, the state of its analysis, the tenant's
-- per-supplier accounts, and the Sage/FEC export batches.

-- The lines of an invoice's purchase-journal entry, in order. Replaced as a whole (analysis, user edit).
CREATE TABLE accounting_entries (
    invoice_id     uuid          NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    line_no        integer       NOT NULL CHECK (line_no >= 1),
    id             uuid          NOT NULL UNIQUE,
    tenant_id      uuid          NOT NULL REFERENCES tenants (id),
    journal_code   text          NOT NULL CHECK (length(journal_code) BETWEEN 1 AND 6),
    entry_date     date          NOT NULL,
    account_number text          NOT NULL CHECK (account_number ~ '^[1-7][0-9]{3,12}$'),
    label          text          NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
    debit          numeric(14,2) NOT NULL CHECK (debit >= 0),
    credit         numeric(14,2) NOT NULL CHECK (credit >= 0),
    CHECK ((debit = 0) <> (credit = 0)),
    PRIMARY KEY (invoice_id, line_no)
);

-- One row per invoice the AI analysis has taken. attempts counts analysis attempts since the invoice last
-- reached OCR_COMPLETED (three at most, like OCR); retry_token names the one queued retry allowed to claim it,
-- so a duplicate or stale message finds nothing to do.
CREATE TABLE invoice_analyses (
    invoice_id     uuid          PRIMARY KEY REFERENCES invoices (id) ON DELETE CASCADE,
    tenant_id      uuid          NOT NULL REFERENCES tenants (id),
    attempts       integer       NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    retry_token    uuid,
    analyzer       text          CHECK (analyzer IN ('rules', 'claude', 'user')),
    notes          text,
    started_at     timestamptz,
    analyzed_at    timestamptz,
    edited_at      timestamptz
);

-- A tenant's own accounts for a supplier, keyed by the supplier's normalized name.
CREATE TABLE supplier_accounts (
    tenant_id        uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    supplier_key     text        NOT NULL CHECK (length(supplier_key) BETWEEN 1 AND 500),
    supplier_name    text        NOT NULL,
    expense_account  text        CHECK (expense_account ~ '^[26][0-9]{2,12}$'),
    supplier_account text        CHECK (supplier_account ~ '^40[0-9]{1,11}$'),
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, supplier_key)
);

-- One row per POST /api/sage/export; its invoices moved to EXPORTED in the same transaction.
CREATE TABLE export_batches (
    id            uuid        PRIMARY KEY,
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    period_from   date        NOT NULL,
    period_to     date        NOT NULL CHECK (period_from <= period_to),
    invoice_count integer     NOT NULL CHECK (invoice_count >= 0),
    line_count    integer     NOT NULL CHECK (line_count >= 0),
    sage_blob     text        NOT NULL,
    fec_blob      text        NOT NULL,
    created_at    timestamptz NOT NULL
);

CREATE INDEX ix_export_batches_tenant ON export_batches (tenant_id, created_at DESC);

-- An invoice is exported once: the primary key on invoice_id makes a second export of it impossible.
CREATE TABLE export_batch_invoices (
    invoice_id   uuid PRIMARY KEY REFERENCES invoices (id) ON DELETE CASCADE,
    batch_id     uuid NOT NULL REFERENCES export_batches (id) ON DELETE CASCADE,
    entry_number text NOT NULL
);

CREATE INDEX ix_export_batch_invoices_batch ON export_batch_invoices (batch_id);

-- The per-tenant entry number sequence of exported entries (FEC EcritureNum): gapless, never reused.
CREATE TABLE accounting_sequences (
    tenant_id         uuid   PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    last_entry_number bigint NOT NULL CHECK (last_entry_number >= 0)
);
