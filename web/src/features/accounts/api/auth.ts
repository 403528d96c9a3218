import { api, apiUrl, credentialsFor } from "../../../lib/api-client";
import { session, type TokenAnswer } from "../../../lib/session";

export async function signIn(email: string, password: string): Promise<TokenAnswer> {
  const answer = await api<TokenAnswer>("/api/v1/auth/login", {
    method: "POST",
    json: { email, password },
    anonymous: true,
  });
  session.store(answer);
  return answer;
}

export async function signOut(): Promise<void> {
  const refreshToken = session.refreshToken();
  session.clear();
  // Ends the sign-in on the server too; nothing to do if it fails (the tokens are forgotten here already).
  await fetch(apiUrl("/api/v1/auth/logout"), {
    method: "POST",
    credentials: credentialsFor("/api/v1/auth/logout"),
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(refreshToken ? { refresh_token: refreshToken } : {}),
  }).catch(() => undefined);
}
