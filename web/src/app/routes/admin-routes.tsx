// The admin console (/admin/*): the license vendor's pages. Owned by the admin console (issue 15).
import { Outlet, type RouteObject } from "react-router";
import { SignInPage } from "../../features/accounts/components/SignInPage";
import { RequireSession } from "../../features/accounts/components/RequireSession";
import { Shell, type NavItem } from "../layout/Shell";
import { NotFoundPage } from "./NotFoundPage";
import { OverviewPage } from "../../features/licensing/components/OverviewPage";

const nav: NavItem[] = [
  { to: "/admin/", label: "Vue d'ensemble", end: true },
  { to: "/admin/licenses", label: "Licences" },
  { to: "/admin/codes", label: "Codes d'activation" },
  { to: "/admin/accounts", label: "Comptes" },
];

function AdminFrame() {
  return (
    <RequireSession role="admin">
      <Shell area="Administration" nav={nav} signInPath="/admin/connexion">
        <Outlet />
      </Shell>
    </RequireSession>
  );
}

export const adminRoutes: RouteObject[] = [
  { path: "/admin/connexion", element: <SignInPage role="admin" /> },
  {
    path: "/admin",
    element: <AdminFrame />,
    children: [
      { index: true, element: <OverviewPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];
