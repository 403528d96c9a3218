-- Least-privilege roles of the two function apps, one grant per table. Run by the server's Entra administrator after
-- the migrations (`dotnet Backend.SelfHost.dll migrate`), at every deployment: it is idempotent, and a table a new
-- migration adds gets no access until it is listed here (tests/Backend.Tests/Security/DatabaseRoleTests fails until then).
-- Each app logs in as its managed identity, a member of one of these roles (README "Deploy", step 2).
-- Plain SQL, no psql meta-commands: the tests run this file as it is.

DO $$
BEGIN
    CREATE ROLE backend_license NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

DO $$
BEGIN
    CREATE ROLE backend_ocr NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

-- Start from nothing, so a grant removed here is removed from the database too.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM backend_license, backend_ocr;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM backend_license, backend_ocr;
REVOKE CREATE ON SCHEMA public FROM backend_license, backend_ocr;
GRANT USAGE ON SCHEMA public TO backend_license, backend_ocr;

-- Both apps check at start-up that the schema is up to date (they never apply migrations themselves).
GRANT SELECT ON schema_migrations TO backend_license, backend_ocr;

-- License app (anonymous license API + license admin): licensing tables only, never a tenant's invoices.
GRANT SELECT, INSERT, UPDATE ON licenses, activation_codes TO backend_license;
GRANT SELECT, INSERT ON activations, heartbeats TO backend_license;
GRANT SELECT, INSERT, UPDATE, DELETE ON license_rate_limits TO backend_license;

-- OCR app (invoices, accounting, exports, tenant creation): no licensing table.
GRANT SELECT, INSERT, UPDATE ON tenants TO backend_ocr;
GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_api_keys TO backend_ocr;
GRANT SELECT, INSERT, UPDATE, DELETE ON invoices, inbox_receipts TO backend_ocr;
GRANT SELECT, INSERT, UPDATE, DELETE ON accounting_entries, invoice_analyses, supplier_accounts TO backend_ocr;
GRANT SELECT, INSERT, UPDATE ON export_batches, accounting_sequences TO backend_ocr;
GRANT SELECT, INSERT ON export_batch_invoices TO backend_ocr;
-- SelfHost's PostgreSQL job queue; in Azure the OCR app queues through Service Bus and never touches these.
GRANT SELECT, INSERT, UPDATE, DELETE ON job_queue, job_dead_letters TO backend_ocr;

-- People's accounts (migration 0303): the license app signs people in and manages accounts; the OCR app checks a
-- tenant user's access token against the account and its sign-in, and both record audit events.
GRANT SELECT ON tenants TO backend_license;
GRANT SELECT, INSERT, UPDATE, DELETE ON accounts, session_families, refresh_tokens, password_setup_tokens TO backend_license;
GRANT SELECT, INSERT, UPDATE, DELETE ON login_failures TO backend_license;
GRANT SELECT ON accounts, session_families TO backend_ocr;
GRANT SELECT, INSERT ON audit_events TO backend_license, backend_ocr;
GRANT USAGE ON SEQUENCE audit_events_id_seq TO backend_license, backend_ocr;

-- Structured e-invoices (migration 0302): the VAT breakdown and line items of an invoice.
GRANT SELECT, INSERT, UPDATE, DELETE ON invoice_vat_lines, invoice_line_items TO backend_ocr;

-- Products, resellers and releases (migration 0101): the license app's catalog, partner API and update checks.
GRANT SELECT, INSERT, UPDATE ON products, partners, releases TO backend_license;

-- Events, webhooks and e-mail (migration 0400): both apps record events in the transaction of their change and
-- manage their endpoints (admin webhooks in the license app, tenant webhooks in the OCR app); the license app's
-- timers deliver them and send the e-mail.
GRANT SELECT, INSERT, UPDATE, DELETE ON events, webhook_endpoints, webhook_deliveries, webhook_attempts, email_outbox, email_subscriptions
    TO backend_license, backend_ocr;
GRANT USAGE ON SEQUENCE events_seq_seq, webhook_deliveries_id_seq, webhook_attempts_id_seq, email_outbox_id_seq
    TO backend_license, backend_ocr;
