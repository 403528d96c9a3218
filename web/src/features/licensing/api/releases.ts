import { api } from "../../../lib/api-client";
import type { components } from "../../../lib/api-types";

export type Release = components["schemas"]["Release"];
export type ReleaseList = components["schemas"]["ReleaseListResponse"];
export type NewRelease = components["schemas"]["PublishReleaseRequest"];

export function listReleases(product: string, signal?: AbortSignal) {
  return api<ReleaseList>("/api/v1/admin/releases", { query: { product }, signal });
}

export function publishRelease(request: NewRelease) {
  return api<{ release: Release }>("/api/v1/admin/releases", { method: "POST", json: request });
}

export function changeRollout(id: number, rolloutPercent: number) {
  return api<{ release: Release }>(`/api/v1/admin/releases/${id}`, { method: "PATCH", json: { rollout_percent: rolloutPercent } });
}
