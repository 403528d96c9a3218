import type { ReactNode } from "react";
import { NavLink, useNavigate } from "react-router";
import { signOut } from "../../features/accounts/api/auth";
import { useSessionAccount } from "../../features/accounts/use-session";

export interface NavItem {
  to: string;
  label: string;
  /** Active only on exactly this path (the area's home). */
  end?: boolean;
}

/** The frame of every signed-in page: the area's name, its navigation, who is signed in, sign-out. */
export function Shell({ area, nav, signInPath, children }: {
  area: string;
  nav: NavItem[];
  signInPath: string;
  children: ReactNode;
}) {
  const account = useSessionAccount();
  const navigate = useNavigate();
  return (
    <div className="shell">
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <header className="topbar">
        <div className="topbar-brand">
          <span className="brand">EasyFacture</span>
          <span className="area">{area}</span>
        </div>
        <nav className="mainnav" aria-label="Navigation principale">
          {nav.map((item) => (
            <NavLink key={item.to} to={item.to} end={item.end}>
              {item.label}
            </NavLink>
          ))}
        </nav>
        <div className="topbar-account">
          <span className="account-email" title={account?.email}>
            {account?.display_name || account?.email}
          </span>
          <button type="button" className="button button-quiet"
            onClick={async () => {
              await signOut();
              navigate(signInPath, { replace: true });
            }}>
            Se déconnecter
          </button>
        </div>
      </header>
      <main id="contenu" className="content" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
