import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The build is served at /admin/ and /app/ by SelfHost (and by the static site in Azure); assets live under /assets/.
// In development, /api goes to a local SelfHost (scripts/run.sh): VITE_API_PROXY overrides its address.
export default defineConfig({
  plugins: [react()],
  base: "/",
  server: {
    proxy: { "/api": process.env.VITE_API_PROXY ?? "http://127.0.0.1:7071" },
  },
  build: { outDir: "dist", sourcemap: false },
});
