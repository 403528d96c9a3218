import { api } from "../../../lib/api-client";
import type { components } from "../../../lib/api-types";

export type CodeList = components["schemas"]["ActivationCodeListResponse"];
export type CodeSummary = components["schemas"]["ActivationCodeSummary"];
export type CreatedCodes = components["schemas"]["ActivationCodesResponse"];
export type NewCodes = components["schemas"]["CreateActivationCodesRequest"];

/** `status` and `product` empty: every code. */
export function listCodes(status: string, product: string, page: number, pageSize: number, signal?: AbortSignal) {
  return api<CodeList>("/api/v1/admin/activation-codes", { query: { status, product, page, page_size: pageSize }, signal });
}

export function createCodes(request: NewCodes) {
  return api<CreatedCodes>("/api/v1/admin/activation-codes", { method: "POST", json: request });
}
