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
}

export function searchLicenses(filter: LicenseFilter, page: number, pageSize: number, signal?: AbortSignal) {
  return api<LicenseSearch>("/api/v1/admin/licenses", { query: { ...filter, page, page_size: pageSize }, signal });
}

export function exportLicensesCsv(filter: LicenseFilter) {
  return download("/api/v1/admin/licenses.csv", "licences.csv", { ...filter });
}

export function getLicense(machineId: string, signal?: AbortSignal) {
  return api<LicenseDetail>(`/api/v1/admin/licenses/${encodeURIComponent(machineId)}`, { signal });
}

export function revokeLicense(machineId: string, reason: string) {
  return api<RevokeAnswer>(`/api/v1/admin/licenses/${encodeURIComponent(machineId)}`, { method: "DELETE", json: { reason } });
}
