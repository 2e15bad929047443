/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Where `npm run dev` and `npm run preview` send /api: the API's default address, or
// SSPR_API_URL for a copy running elsewhere.
const apiTarget = process.env.SSPR_API_URL ?? 'http://127.0.0.1:8080';

// The policy the API serves the SPA with; `preview` sends it too, so a CSP problem shows up
// before deployment. No inline scripts or styles anywhere; the CAPTCHA worker is a bundled file.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
    headers: { 'Content-Security-Policy': contentSecurityPolicy },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // User-event journeys through whole pages: generous on a busy 2-core machine.
    testTimeout: 20000,
  },
});
