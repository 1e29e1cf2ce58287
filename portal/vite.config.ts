// The installers' portal web app (issue 12): built into out/portal, served by the central service under /portal
// (service/portal/webApp.ts). `npm run build:portal`.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: resolve(__dirname),
  base: '/portal/',
  plugins: [react()],
  build: {
    outDir: resolve(__dirname, '../out/portal'),
    emptyOutDir: true,
    minify: true,
    // Fonts and images as files, never data: URIs, so the CSP can say font-src 'self'.
    assetsInlineLimit: 0,
    // The module preload polyfill would be inline script; the CSP allows none (and browsers have it).
    modulePreload: { polyfill: false },
    // React, Mantine and zod in one file (~165 kB gzipped), cached for a year by its hash.
    chunkSizeWarningLimit: 700,
  },
});
