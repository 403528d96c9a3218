// The admin console (/admin/*): the license vendor's pages. Owned by the admin console (issue 15).
import { lazy, Suspense } from "react";
import { Outlet, type RouteObject } from "react-router";
import { AccountsPage } from "../../features/accounts/components/AccountsPage";
import { PasswordSetupPage } from "../../features/accounts/components/PasswordSetupPage";
import { RequireSession } from "../../features/accounts/components/RequireSession";
import { SignInPage } from "../../features/accounts/components/SignInPage";
import { CodesPage } from "../../features/licensing/components/CodesPage";
import { LicenseDetailPage } from "../../features/licensing/components/LicenseDetailPage";
import { LicensesPage } from "../../features/licensing/components/LicensesPage";
import { ProductsPage } from "../../features/licensing/components/ProductsPage";
import { Loading } from "../../components/PageStates";
import { Shell, type NavItem } from "../layout/Shell";
import { NotFoundPage } from "./NotFoundPage";

// The charts library is the bulk of the bundle: only the overview loads it, and the invoice workspace never does.
const OverviewPage = lazy(() => import("../../features/licensing/components/OverviewPage").then((m) => ({ default: m.OverviewPage })));
const ReleasesPage = lazy(() => import("../../features/licensing/components/ReleasesPage").then((m) => ({ default: m.ReleasesPage })));

const nav: NavItem[] = [
  { to: "/admin/", label: "Vue d'ensemble", end: true },
  { to: "/admin/licenses", label: "Licences" },
  { to: "/admin/codes", label: "Codes d'activation" },
  { to: "/admin/products", label: "Produits" },
  { to: "/admin/releases", label: "Versions" },
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
  { path: "/admin/mot-de-passe", element: <PasswordSetupPage signInPath="/admin/connexion" /> },
  {
    path: "/admin",
    element: <AdminFrame />,
    children: [
      { index: true, element: <Suspense fallback={<Loading />}><OverviewPage /></Suspense> },
      { path: "licenses", element: <LicensesPage /> },
      { path: "licenses/:machineId", element: <LicenseDetailPage /> },
      { path: "codes", element: <CodesPage /> },
      { path: "products", element: <ProductsPage /> },
      { path: "releases", element: <Suspense fallback={<Loading />}><ReleasesPage /></Suspense> },
      { path: "accounts", element: <AccountsPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];
