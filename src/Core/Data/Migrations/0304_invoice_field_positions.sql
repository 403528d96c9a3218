-- Where each extracted field was read on the original (issue 16): {"amountTTC": {"page": 1, "left": 0.61, "top": 0.31,
-- "width": 0.12, "height": 0.013}, ...}, fractions of the page. Stored in clear, unlike ocr_text: a box is a place on
-- the page, not what is written there (the values it points at are the invoice's own columns, already in clear), so
-- encrypting it would protect nothing. '{}' for e-invoices read from their XML and invoices read before this column.
ALTER TABLE invoices ADD COLUMN field_positions jsonb NOT NULL DEFAULT '{}';
