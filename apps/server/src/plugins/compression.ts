import fastifyCompress from '@fastify/compress'
import type { FastifyInstance } from 'fastify'

/**
 * Compresses API responses for clients that accept it. Registered before the routes, since
 * it applies only to routes declared after it. The web app's files come pre-compressed from
 * the build (see web.ts) with their Content-Encoding set, and this plugin leaves an encoded
 * response alone, so they are never compressed twice.
 */
export async function registerCompression(app: FastifyInstance) {
  await app.register(fastifyCompress, {
    // Below about a kilobyte the saving is smaller than the work, and fits one packet anyway.
    threshold: 1024,
    // Deflate adds nothing over gzip for any browser: with only these two, a client that
    // takes neither gets the plain file, which is also what the static files fall back to.
    encodings: ['br', 'gzip'],
  })
}
