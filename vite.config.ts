import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = path.dirname(fileURLToPath(import.meta.url));

// The web app lives in src/web and builds to dist/web, which `siyi serve` serves. In development
// `npm run dev:web` proxies /api/ and /readyz to a server started with `siyi serve` on port 3000.
export default defineConfig({
  root: path.join(root, 'src/web'),
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist/web'),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // React and the router change rarely: one cacheable chunk. antd is split along the lazy
        // pages that use it, so a phone opening "my units" does not load the audit table.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    // /readyz tells the login page whether codes go to the dev mailbox (embedded database)
    proxy: { '/api/': 'http://127.0.0.1:3000', '/readyz': 'http://127.0.0.1:3000' },
  },
});
