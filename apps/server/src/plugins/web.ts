import { existsSync } from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'

/**
 * Serves the built web app. Other GETs without a file extension get index.html so the
 * client router can take them; API paths and missing files keep their 404. The build writes
 * a Brotli (.br) and a gzip (.gz) copy next to each text file; a client that accepts one
 * gets it, so nothing is compressed per request.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string) {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    app.log.warn({ distDir }, 'web app not built: run `npm run build` to serve it')
    return
  }
  await app.register(fastifyStatic, {
    root: distDir,
    // One route per file that exists at start; the catch-all below handles the rest.
    wildcard: false,
    preCompressed: true,
    setHeaders(response, filePath) {
      // Vite fingerprints everything under assets/, so those never change.
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`)
      response.header(
        'cache-control',
        immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      )
    },
  })
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/'
    if (pathname.startsWith('/api/') || path.extname(pathname) !== '') return reply.callNotFound()
    return reply.sendFile('index.html')
  })
}
