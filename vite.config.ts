import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const bff = 'http://127.0.0.1:8080';

// The SPA and the BFF share an origin in production; in development the proxy keeps it so,
// which the SameSite=Strict session cookie relies on.
export default defineConfig({
  root: 'apps/web',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': bff,
      '/healthz': bff,
      '/readyz': bff,
    },
  },
  preview: {
    proxy: {
      '/api': bff,
      '/healthz': bff,
      '/readyz': bff,
    },
  },
});
