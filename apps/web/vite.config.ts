import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { compression } from 'vite-plugin-compression2'

// The API server; in production it serves this build itself, so calls stay same-origin.
const apiTarget = 'http://localhost:3000'

export default defineConfig({
  root: import.meta.dirname,
  plugins: [
    react(),
    tailwindcss(),
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
    rolldownOptions: {
      output: {
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
            // The contract, the shared components and icons: one chunk rather than dozens of
            // tiny ones, each of which would cost a request and a kilobyte of headers.
            {
              name: 'shared',
              test: /[\\/](packages[\\/]contract|apps[\\/]web[\\/]src[\\/]components|node_modules[\\/](lucide-react|clsx))[\\/]/,
            },
          ],
        },
      },
    },
  },
})
