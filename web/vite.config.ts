import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The Guild server serves web/dist as static files with an index.html fallback
// for client routes, so every asset path is absolute from the site root.
export default defineConfig({
  plugins: [preact({ prerender: { enabled: false } })],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
  server: {
    // `npm run dev` proxies the API to a locally running `guild serve`.
    proxy: { '/api': process.env.GUILD_API ?? 'http://127.0.0.1:8080' },
  },
});
