import { useEffect, useState, type ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { refreshSession } from "../../../lib/api-client";
import { session, type Role } from "../../../lib/session";
import { Loading } from "../../../components/PageStates";
import { useSessionAccount } from "../use-session";

export function signInPath(role: Role, returnTo: string, expired: boolean): string {
  const base = role === "admin" ? "/admin/connexion" : "/app/connexion";
  const query = new URLSearchParams({ retour: returnTo });
  if (expired) query.set("expiree", "1");
  return `${base}?${query}`;
}

/**
 * Shows its children to a signed-in account of the role; otherwise (or once the server ends the session) goes to
 * the sign-in page with the current page to come back to. A reload has no access token yet: the refresh token of
 * this tab gets one first.
 */
export function RequireSession({ role, children }: { role: Role; children: ReactNode }) {
  const account = useSessionAccount();
  const location = useLocation();
  const here = location.pathname + location.search;
  const [checking, setChecking] = useState(() => session.accessToken() === null && session.refreshToken() !== null);

  useEffect(() => {
    if (!checking) return;
    let live = true;
    refreshSession().then((ok) => {
      if (!live) return;
      if (!ok) session.clear(true);
      setChecking(false);
    });
    return () => {
      live = false;
    };
  }, [checking]);

  if (checking) return <Loading label="Reprise de la session…" />;
  // A failed call clears the session (api-client): this re-renders here and goes to sign-in with this page to return to.
  if (!account || !session.accessToken()) return <Navigate to={signInPath(role, here, session.endedByServer())} replace />;
  if (account.role !== role) return <Navigate to={signInPath(role, here, false)} replace />;
  return <>{children}</>;
}
