import { defineConfig } from "vite";

// agora serves dist/ under /web: hashed files in /web/assets (cached for long),
// index.html for every client-side route.
export default defineConfig({
  base: "/web/",
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: {
    outDir: "dist",
    assetsDir: "assets",
    target: "es2020",
    // No inline scripts: the Content-Security-Policy forbids them.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
