import { api } from "../../../lib/api-client";
import type { components } from "../../../lib/api-types";

export type LicenseStats = components["schemas"]["LicenseStatsResponse"];

export type ProductStats = components["schemas"]["ProductStats"];

/** `product` empty: every product together. */
export function getStats(days: number, product: string, signal?: AbortSignal): Promise<LicenseStats> {
  return api<LicenseStats>("/api/v1/admin/stats", { query: { days, product }, signal });
}
