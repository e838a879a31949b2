import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Two entry points, so that the public pages for workers never load the desk workspace's code:
// web/index.html (public: /, /complaint, /track, /help) and web/desk.html (the desk workspace: /desk/…).
export default defineConfig({
  root: 'web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    assetsInlineLimit: 0,
    manifest: true,
    rollupOptions: { input: { public: 'web/index.html', desk: 'web/desk.html' } },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
