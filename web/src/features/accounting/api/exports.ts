// The export API (snake_case, as the seed's export answer).
import { api } from "../../../lib/api-client";
import type { components } from "../../../lib/api-types";

export type ExportResponse = components["schemas"]["ExportResponse"];
export type ExportBatch = components["schemas"]["ExportBatchView"];
export type ExportBatchList = components["schemas"]["ExportBatchListResponse"];
export type InvoiceList = components["schemas"]["InvoiceListResponse"];

/** The validated invoices of a period, not yet exported: what an export of it will take. */
export function validatedInvoices(from: string, to: string, signal?: AbortSignal) {
  return api<InvoiceList>("/api/invoices", { query: { status: "VALIDATED", from, to, pageSize: 100 }, signal });
}

export function runExport(from: string, to: string) {
  return api<ExportResponse>("/api/sage/export", { method: "POST", json: { from, to } });
}

export function listExportBatches(page: number, signal?: AbortSignal) {
  return api<ExportBatchList>("/api/exports", { query: { page, page_size: 10 }, signal });
}

/** The API path of a batch file, from the link the API gave (same origin on SelfHost). */
export function exportFilePath(url: string): string {
  try {
    const parsed = new URL(url, window.location.origin);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}
