import { api } from "../../../lib/api-client";
import type { components } from "../../../lib/api-types";

export type LicenseStats = components["schemas"]["LicenseStatsResponse"];

export function getStats(days: number, signal?: AbortSignal): Promise<LicenseStats> {
  return api<LicenseStats>("/api/v1/admin/stats", { query: { days }, signal });
}
