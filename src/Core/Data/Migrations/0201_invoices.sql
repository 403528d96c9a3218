-- Invoices read by the OCR pipeline (seed 003). Status moves are decided by InvoiceStateMachine;
-- the CHECK only keeps unknown values out.
-- ocr_text / ocr_raw_data hold AES-256-GCM envelopes that name their key id, so keys can rotate.
-- ocr_token identifies the one queued job allowed to claim the invoice: a stale or duplicate
-- message carries another token and finds nothing to claim.
CREATE TABLE invoices (
    id                     uuid          PRIMARY KEY,
    tenant_id              uuid          NOT NULL REFERENCES tenants (id),
    file_name              text          NOT NULL,
    blob_name              text          NOT NULL,
    media_type             text          NOT NULL,
    file_size              bigint        NOT NULL,
    source                 text          NOT NULL CHECK (source IN ('upload', 'inbox')),
    status                 text          NOT NULL CHECK (status IN (
                               'UPLOADED', 'OCR_PROCESSING', 'OCR_COMPLETED', 'OCR_FAILED', 'PENDING_VALIDATION',
                               'AI_PROCESSING', 'AI_COMPLETED', 'AI_FAILED', 'VALIDATED', 'EXPORTED')),
    uploaded_at            timestamptz   NOT NULL,
    updated_at             timestamptz   NOT NULL,
    processed_at           timestamptz,
    validated_at           timestamptz,
    ocr_token              uuid          NOT NULL,
    ocr_queued_at          timestamptz   NOT NULL,
    ocr_started_at         timestamptz,
    ocr_engine             text,
    ocr_confidence         numeric(5,4),
    ocr_text               bytea,
    ocr_raw_data           bytea,
    retry_count            integer       NOT NULL DEFAULT 0,
    last_retry_at          timestamptz,
    error_message          text,
    supplier_name          text,
    supplier_vat           text,
    supplier_siren         text,
    supplier_siret         text,
    supplier_address       text,
    invoice_number         text,
    invoice_date           date,
    due_date               date,
    amount_ht              numeric(14,2),
    amount_tva             numeric(14,2),
    amount_ttc             numeric(14,2),
    tva_rate               numeric(5,2),
    currency               char(3),
    is_credit_note         boolean       NOT NULL DEFAULT false,
    field_confidences      jsonb         NOT NULL DEFAULT '{}'
);

CREATE INDEX ix_invoices_tenant_status ON invoices (tenant_id, status, uploaded_at DESC);
CREATE INDEX ix_invoices_tenant_uploaded ON invoices (tenant_id, uploaded_at DESC, id);
-- The sweeper's two questions: who is stuck in OCR, who waits in UPLOADED without a live job.
CREATE INDEX ix_invoices_ocr_processing ON invoices (ocr_started_at) WHERE status = 'OCR_PROCESSING';
CREATE INDEX ix_invoices_uploaded ON invoices (ocr_queued_at) WHERE status = 'UPLOADED';

-- One row per file seen in the inbox container, keyed by name and ETag: a redelivered blob event
-- or a rescan after restart finds its receipt and creates nothing.
CREATE TABLE inbox_receipts (
    blob_name   text        NOT NULL,
    etag        text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    invoice_id  uuid        REFERENCES invoices (id),
    outcome     text        NOT NULL,
    PRIMARY KEY (blob_name, etag)
);
