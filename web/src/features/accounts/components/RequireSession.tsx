import { useEffect, useState, type ReactNode } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { onSessionExpired, refreshSession } from "../../../lib/api-client";
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
  const navigate = useNavigate();
  const here = location.pathname + location.search;
  const [checking, setChecking] = useState(() => session.accessToken() === null && session.refreshToken() !== null);

  useEffect(() => {
    if (!checking) return;
    let live = true;
    refreshSession().then((ok) => {
      if (!live) return;
      if (!ok) session.clear();
      setChecking(false);
    });
    return () => {
      live = false;
    };
  }, [checking]);

  useEffect(
    () => onSessionExpired(() => navigate(signInPath(role, window.location.pathname + window.location.search, true), { replace: true })),
    [navigate, role],
  );

  if (checking) return <Loading label="Reprise de la session…" />;
  if (!account || !session.accessToken()) return <Navigate to={signInPath(role, here, false)} replace />;
  if (account.role !== role) return <Navigate to={signInPath(role, here, false)} replace />;
  return <>{children}</>;
}
