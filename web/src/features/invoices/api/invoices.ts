// The invoice API as the workspace uses it. Names stay as the API sends them (camelCase).
import { api, apiResponse, apiUrl, refreshSession, ApiError } from "../../../lib/api-client";
import type { components } from "../../../lib/api-types";
import { session } from "../../../lib/session";

export type InvoiceSummary = components["schemas"]["InvoiceSummary"];
export type InvoiceDetail = components["schemas"]["InvoiceDetail"];
export type InvoiceListResponse = components["schemas"]["InvoiceListResponse"];
export type InvoiceStatesResponse = components["schemas"]["InvoiceStatesResponse"];
export type AccountingEntry = components["schemas"]["AccountingEntryView"];
export type UploadResponse = components["schemas"]["UploadResponse"];

export const statuses = [
  "UPLOADED", "OCR_PROCESSING", "OCR_COMPLETED", "PENDING_VALIDATION", "OCR_FAILED",
  "AI_PROCESSING", "AI_COMPLETED", "AI_FAILED", "VALIDATED", "EXPORTED",
] as const;

export const statusLabels: Record<string, string> = {
  UPLOADED: "Déposée",
  OCR_PROCESSING: "Lecture en cours",
  OCR_COMPLETED: "Lue",
  PENDING_VALIDATION: "À vérifier",
  OCR_FAILED: "Lecture échouée",
  AI_PROCESSING: "Analyse en cours",
  AI_COMPLETED: "Analysée",
  AI_FAILED: "Analyse échouée",
  VALIDATED: "Validée",
  EXPORTED: "Exportée",
};

/** States the pipeline still moves an invoice out of by itself: the list keeps polling while one is shown. */
export const movingStatuses = new Set(["UPLOADED", "OCR_PROCESSING", "OCR_COMPLETED", "AI_PROCESSING"]);

/** States a person reviews and validates (PATCH accepts them). */
export const reviewStatuses = ["OCR_COMPLETED", "PENDING_VALIDATION", "AI_COMPLETED"];

/** Retry is refused while OCR runs and once validated or exported. */
export const retryableStatuses = new Set(["UPLOADED", "OCR_COMPLETED", "PENDING_VALIDATION", "OCR_FAILED", "AI_COMPLETED", "AI_FAILED"]);

export interface InvoiceFilter {
  status?: string;
  supplier?: string;
  from?: string;
  to?: string;
  minAmount?: string;
  maxAmount?: string;
  number?: string;
  page?: number;
  pageSize?: number;
}

export function listInvoices(filter: InvoiceFilter, signal?: AbortSignal) {
  return api<InvoiceListResponse>("/api/invoices", { query: { ...filter }, signal });
}

export function invoiceStates(ids: string[], signal?: AbortSignal) {
  return api<InvoiceStatesResponse>("/api/invoices/states", { query: { ids: ids.join(",") }, signal });
}

export async function getInvoice(id: string, signal?: AbortSignal) {
  return (await api<{ success: boolean; invoice: InvoiceDetail }>(`/api/invoices/${encodeURIComponent(id)}`, { signal })).invoice;
}

export async function validateInvoice(id: string, body: Record<string, unknown>) {
  return (await api<{ success: boolean; invoice: InvoiceDetail }>(`/api/invoices/${encodeURIComponent(id)}`, { method: "PATCH", json: body })).invoice;
}

export function retryInvoice(id: string) {
  return api<{ success: boolean; message: string }>(`/api/invoices/${encodeURIComponent(id)}/retry`, { method: "POST" });
}

/** The original file's bytes (with the session's token), for pdf.js or an image. */
export async function invoiceFile(id: string, signal?: AbortSignal): Promise<Blob> {
  return (await apiResponse(`/api/invoices/${encodeURIComponent(id)}/file`, { signal })).blob();
}

/**
 * Uploads one file with progress (fetch has no upload progress; XMLHttpRequest has). A 401 refreshes the session
 * once and sends again; an error answer becomes the API's ApiError so its French message explains the refusal.
 */
export async function uploadInvoice(file: File, onProgress: (fraction: number) => void): Promise<UploadResponse> {
  for (let attempt = 0; ; attempt++) {
    const token = session.accessToken();
    if (!token && !(await refreshSession())) throw new ApiError(401, "SESSION_EXPIRED", "Votre session a expiré : reconnectez-vous.");
    const result = await new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open("POST", apiUrl("/api/invoices"));
      request.setRequestHeader("Authorization", `Bearer ${session.accessToken()}`);
      request.responseType = "json";
      request.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(event.loaded / event.total);
      };
      request.onload = () => resolve({ status: request.status, body: request.response });
      request.onerror = () => reject(new TypeError("network"));
      const form = new FormData();
      form.append("file", file, file.name);
      request.send(form);
    });
    if (result.status === 401 && attempt === 0 && (await refreshSession())) continue;
    if (result.status >= 200 && result.status < 300) {
      onProgress(1);
      return result.body as UploadResponse;
    }
    const envelope = (result.body ?? {}) as { error?: string; message?: string; details?: Record<string, string> };
    throw new ApiError(result.status, envelope.error ?? `HTTP_${result.status}`, envelope.message ?? `Le serveur a répondu ${result.status}.`,
      envelope.details ?? {});
  }
}
