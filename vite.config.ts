import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Two separate builds into web/dist, one per entry point, so each is tree-shaken on its own: the public pages
// for workers (web/index.html: /, /complaint, /track, /help) carry only the library code they use, never what the
// desk workspace (web/desk.html: /desk/…) needs. `npm run build` runs `--mode public` then `--mode desk`.
export default defineConfig(({ mode }) => {
  const entry = mode === 'desk' ? 'desk' : 'public';
  return {
    root: 'web',
    base: '/',
    plugins: [react()],
    build: {
      outDir: 'dist',
      emptyOutDir: entry === 'public',
      target: 'es2020',
      assetsInlineLimit: 0,
      manifest: `manifest-${entry}.json`,
      chunkSizeWarningLimit: 700,
      rollupOptions: { input: { [entry]: entry === 'desk' ? 'web/desk.html' : 'web/index.html' } },
    },
    server: { proxy: { '/api': 'http://localhost:3000' } },
  };
});
