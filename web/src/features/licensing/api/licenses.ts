import { api, download } from "../../../lib/api-client";
import type { components } from "../../../lib/api-types";

export type LicenseSummary = components["schemas"]["LicenseSummary"];
export type LicenseSearch = components["schemas"]["LicenseSearchResponse"];
export type LicenseDetail = components["schemas"]["LicenseDetailResponse"];
export type RevokeAnswer = components["schemas"]["RevokeResponse"];

/** The search filters as the API names them; empty ones are left out of the query. */
export interface LicenseFilter {
  email?: string;
  machine_id?: string;
  type?: string;
  status?: string;
  expires_after?: string;
  expires_before?: string;
  product?: string;
}

export function searchLicenses(filter: LicenseFilter, page: number, pageSize: number, signal?: AbortSignal) {
  return api<LicenseSearch>("/api/v1/admin/licenses", { query: { ...filter, page, page_size: pageSize }, signal });
}

export function exportLicensesCsv(filter: LicenseFilter) {
  return download("/api/v1/admin/licenses.csv", "licences.csv", { ...filter });
}

/** A machine holds one license per product: `product` empty opens the default product's (else its oldest). */
export function getLicense(machineId: string, product: string, signal?: AbortSignal) {
  return api<LicenseDetail>(`/api/v1/admin/licenses/${encodeURIComponent(machineId)}`, { query: { product }, signal });
}

export function revokeLicense(machineId: string, product: string, reason: string) {
  return api<RevokeAnswer>(`/api/v1/admin/licenses/${encodeURIComponent(machineId)}`, { method: "DELETE", json: { reason, product } });
}

/** The console's address of one license of a machine. */
export function licensePath(machineId: string, product?: string | null): string {
  return `/admin/licenses/${machineId}${product ? `?produit=${encodeURIComponent(product)}` : ""}`;
}
