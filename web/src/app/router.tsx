import { createBrowserRouter, Navigate } from "react-router";
import { adminRoutes } from "./routes/admin-routes";
import { appRoutes } from "./routes/app-routes";
import { NotFoundPage } from "./routes/NotFoundPage";

// One route file per area: /admin/* in admin-routes.tsx (the admin console), /app/* in app-routes.tsx (the
// invoice workspace). A person lands on the area their link names; "/" opens the admin console.
export const router = createBrowserRouter([
  { path: "/", element: <Navigate to="/admin/" replace /> },
  ...adminRoutes,
  ...appRoutes,
  { path: "*", element: <NotFoundPage /> },
]);
