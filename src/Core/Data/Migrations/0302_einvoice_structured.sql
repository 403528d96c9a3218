-- Structured e-invoices (issue 13): what an invoice read from its XML (Factur-X, UBL, CII) keeps beyond the OCR
-- fields: the document type, payment terms and IBAN, the per-rate VAT breakdown and the lines. einvoice_notes says
-- which EN 16931 rule failed, whether the printed total disagrees with the XML, or why the XML could not be used
-- (the invoice then went through OCR).
ALTER TABLE invoices
    ADD COLUMN document_type  text CHECK (document_type ~ '^[0-9]{1,3}$'),
    ADD COLUMN payment_terms  text,
    ADD COLUMN iban           text,
    ADD COLUMN einvoice_notes text;

-- Replaced as a whole with each OCR result; signed like the invoice (a credit note's lines are negative).
CREATE TABLE invoice_vat_lines (
    invoice_id    uuid          NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    line_no       integer       NOT NULL CHECK (line_no >= 1),
    category_code text          NOT NULL CHECK (length(category_code) BETWEEN 1 AND 3),
    rate          numeric(5,2),
    base_amount   numeric(14,2) NOT NULL,
    tax_amount    numeric(14,2) NOT NULL,
    PRIMARY KEY (invoice_id, line_no)
);

CREATE TABLE invoice_line_items (
    invoice_id   uuid          NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    line_no      integer       NOT NULL CHECK (line_no >= 1),
    description  text,
    quantity     numeric(18,4),
    unit_code    text,
    unit_price   numeric(18,4),
    net_amount   numeric(14,2) NOT NULL,
    vat_rate     numeric(5,2),
    vat_category text,
    PRIMARY KEY (invoice_id, line_no)
);
