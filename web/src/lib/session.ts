// The signed-in person, shared by every feature. The access token lives in memory only; the refresh token in
// sessionStorage (this tab, until it closes), so a reload or a deep link keeps the session. SelfHost also sets
// the HttpOnly cookie ef_refresh, but in Azure the static site and the API are different sites, where a
// SameSite=Strict cookie is never sent: the body is the one way that works in both.

export type Role = "admin" | "tenant_user";

export interface SessionAccount {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  tenant_id: string | null;
}

export interface TokenAnswer {
  access_token: string;
  expires_in: number;
  refresh_token: string;
  account: SessionAccount;
}

const refreshKey = "ef.refresh_token";
const accountKey = "ef.account";

let accessToken: string | null = null;
/** The server ended the session (not a sign-out): the sign-in page says so. */
let endedByServer = false;
let account: SessionAccount | null = readAccount();
const listeners = new Set<() => void>();

function readAccount(): SessionAccount | null {
  try {
    const raw = sessionStorage.getItem(accountKey);
    return raw ? (JSON.parse(raw) as SessionAccount) : null;
  } catch {
    return null;
  }
}

function notify() {
  for (const listener of listeners) listener();
}

export const session = {
  accessToken: () => accessToken,
  refreshToken: () => sessionStorage.getItem(refreshKey),
  account: () => account,
  endedByServer: () => endedByServer,

  /** Keeps a fresh pair of tokens (sign-in or refresh). */
  store(answer: TokenAnswer) {
    accessToken = answer.access_token;
    account = answer.account;
    endedByServer = false;
    sessionStorage.setItem(refreshKey, answer.refresh_token);
    sessionStorage.setItem(accountKey, JSON.stringify(answer.account));
    notify();
  },

  /** Forgets everything: sign-out, or (expired) a session the server no longer accepts. */
  clear(expired = false) {
    endedByServer = expired;
    accessToken = null;
    account = null;
    sessionStorage.removeItem(refreshKey);
    sessionStorage.removeItem(accountKey);
    notify();
  },

  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};
