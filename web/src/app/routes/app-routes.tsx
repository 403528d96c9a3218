// The invoice workspace (/app/*): a tenant user's pages — the invoices (upload, list, live states), the review of
// one invoice beside its document, and the accounting export. The sign-in page and the session guard are shared.
// The review page carries pdf.js: it is loaded when first opened, so the other pages (and the admin console) stay light.
import { Outlet, type RouteObject } from "react-router";
import { SignInPage } from "../../features/accounts/components/SignInPage";
import { PasswordSetupPage } from "../../features/accounts/components/PasswordSetupPage";
import { RequireSession } from "../../features/accounts/components/RequireSession";
import { InvoicesPage } from "../../features/invoices/components/InvoicesPage";
import { ExportPage } from "../../features/accounting/components/ExportPage";
import { Shell, type NavItem } from "../layout/Shell";
import { NotFoundPage } from "./NotFoundPage";

const nav: NavItem[] = [
  { to: "/app/", label: "Factures", end: true },
  { to: "/app/export", label: "Export" },
];

function WorkspaceFrame() {
  return (
    <RequireSession role="tenant_user">
      <Shell area="Espace factures" nav={nav} signInPath="/app/connexion">
        <Outlet />
      </Shell>
    </RequireSession>
  );
}

export const appRoutes: RouteObject[] = [
  { path: "/app/connexion", element: <SignInPage role="tenant_user" /> },
  { path: "/app/mot-de-passe", element: <PasswordSetupPage signInPath="/app/connexion" /> },
  {
    path: "/app",
    element: <WorkspaceFrame />,
    children: [
      { index: true, element: <InvoicesPage /> },
      {
        path: "invoices/:id",
        lazy: async () => ({ Component: (await import("../../features/invoices/components/ReviewPage")).ReviewPage }),
      },
      { path: "export", element: <ExportPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];
