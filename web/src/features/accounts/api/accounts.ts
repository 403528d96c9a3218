import { api } from "../../../lib/api-client";
import type { components } from "../../../lib/api-types";

export type Account = components["schemas"]["AccountView"];
export type AccountList = components["schemas"]["AccountListResponse"];
export type AccountAnswer = components["schemas"]["AccountResponse"];
export type NewAccount = components["schemas"]["CreateAccountRequest"];

export function listAccounts(filter: { role?: string; email?: string }, page: number, pageSize: number, signal?: AbortSignal) {
  return api<AccountList>("/api/v1/admin/accounts", { query: { ...filter, page, page_size: pageSize }, signal });
}

export function createAccount(account: NewAccount) {
  return api<AccountAnswer>("/api/v1/admin/accounts", { method: "POST", json: account });
}

export function setAccountEnabled(id: string, enabled: boolean) {
  return api<AccountAnswer>(`/api/v1/admin/accounts/${encodeURIComponent(id)}/${enabled ? "enable" : "disable"}`, { method: "POST" });
}

export function resetPassword(id: string) {
  return api<AccountAnswer>(`/api/v1/admin/accounts/${encodeURIComponent(id)}/password-reset`, { method: "POST" });
}

export function setUpPassword(token: string, password: string) {
  return api<{ success: boolean }>("/api/v1/auth/password/setup", { method: "POST", json: { token, password }, anonymous: true });
}

export type Tenant = components["schemas"]["TenantView"];

export function listTenants(signal?: AbortSignal) {
  return api<components["schemas"]["TenantListResponse"]>("/api/v1/admin/tenants", { signal });
}
