// The invoice workspace (/app/*): a tenant user's pages. Owned by the invoice workspace (issue 16): add its routes
// to the children below (invoices list at the index, /app/invoices/:id, /app/export) and its pages under
// src/features/invoices and src/features/accounting. The sign-in page and the session guard are shared.
import { Outlet, type RouteObject } from "react-router";
import { SignInPage } from "../../features/accounts/components/SignInPage";
import { PasswordSetupPage } from "../../features/accounts/components/PasswordSetupPage";
import { RequireSession } from "../../features/accounts/components/RequireSession";
import { Shell, type NavItem } from "../layout/Shell";
import { NotFoundPage } from "./NotFoundPage";

const nav: NavItem[] = [{ to: "/app/", label: "Factures", end: true }];

function WorkspaceFrame() {
  return (
    <RequireSession role="tenant_user">
      <Shell area="Espace factures" nav={nav} signInPath="/app/connexion">
        <Outlet />
      </Shell>
    </RequireSession>
  );
}

function InvoicesPlaceholder() {
  return (
    <section>
      <h1>Factures</h1>
      <p>L'espace factures arrive bientôt.</p>
    </section>
  );
}

export const appRoutes: RouteObject[] = [
  { path: "/app/connexion", element: <SignInPage role="tenant_user" /> },
  { path: "/app/mot-de-passe", element: <PasswordSetupPage signInPath="/app/connexion" /> },
  {
    path: "/app",
    element: <WorkspaceFrame />,
    children: [
      { index: true, element: <InvoicesPlaceholder /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];
