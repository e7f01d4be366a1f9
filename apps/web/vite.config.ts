import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { compression } from 'vite-plugin-compression2'
import { prerenderGuestPages } from './build/prerender-plugin.ts'

// The API server; in production it serves this build itself, so calls stay same-origin.
const apiTarget = 'http://localhost:3000'

export default defineConfig({
  root: import.meta.dirname,
  plugins: [
    react(),
    tailwindcss(),
    prerenderGuestPages(),
    // A gzip and a Brotli copy of every text file, at their highest levels since it is done
    // once per build; the server sends the one a client accepts (see apps/server's web.ts).
    compression(),
  ],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, ws: true },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server reads it to name a page's chunks in its HTML (apps/server's web.ts).
    manifest: true,
    rolldownOptions: {
      output: {
        // The server's Content-Security-Policy forbids eval. Zod probes for it (new Function)
        // when its first object schema is built, as the contract's are on load, and the
        // browser reports the refused probe as a violation. Zod reads this global config when
        // it loads: set first thing in the chunk that holds it, jitless skips the probe.
        // Without eval zod takes that path anyway, so nothing is lost.
        intro: (chunk) =>
          chunk.moduleIds.some((id) => /node_modules[\\/]zod[\\/]/.test(id))
            ? 'globalThis.__zod_globalConfig = { ...globalThis.__zod_globalConfig, jitless: true };'
            : '',
        // Libraries change less often than the app: separate chunks stay cached across deploys.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
            },
            {
              name: 'auth',
              test: /node_modules[\\/](better-auth|@better-auth|@better-fetch|nanostores)[\\/]/,
            },
            { name: 'data', test: /node_modules[\\/](@tanstack|zod)[\\/]/ },
            // What the app needs to start: it is a chunk of its own (main.tsx imports it once the
            // page is on screen), and its small shared pieces would otherwise each be one more.
            {
              name: 'app',
              test: /apps[\\/]web[\\/]src[\\/](lib[\\/](api|auth|query)-client|features[\\/]auth[\\/](api[\\/]sign-out|hooks[\\/]use-current-user|utils[\\/]safe-next)|features[\\/]quizzes[\\/]api[\\/]get-question-set)\./,
            },
            // The contract, the shared components and icons: one chunk rather than dozens of
            // tiny ones, each of which would cost a request and a kilobyte of headers.
            {
              name: 'shared',
              // Not the socket client (it would bring socket.io-client here): signed-in pages
              // load it in their own chunk, so a guest taking a quiz never downloads it.
              test: /[\\/](packages[\\/]contract(?![\\/]src[\\/]realtime-client)|apps[\\/]web[\\/]src[\\/]components|node_modules[\\/](lucide-react|clsx))[\\/]/,
            },
          ],
        },
      },
    },
  },
})
