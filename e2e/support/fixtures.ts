import { once } from 'node:events'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url))
const contentTypes: Record<string, string> = {
  '.webm': 'video/webm',
  '.vtt': 'text/vtt; charset=utf-8',
}

/**
 * Serves e2e/fixtures as another site would: cross-origin (CORS open to all), with byte
 * ranges so the browser can seek in the video.
 */
export async function serveFixtures(): Promise<{ origin: string; server: Server }> {
  const server = createServer(async (request, response) => {
    const name = path.basename(new URL(request.url ?? '/', 'http://x').pathname)
    const type = contentTypes[path.extname(name)]
    const file = path.join(fixturesDir, name)
    const size = type
      ? await stat(file).then(
          (info) => info.size,
          () => null,
        )
      : null
    response.setHeader('access-control-allow-origin', '*')
    if (!type || size === null) {
      response.writeHead(404).end()
      return
    }
    response.setHeader('content-type', type)
    response.setHeader('accept-ranges', 'bytes')
    const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '')
    if (range) {
      const start = range[1] ? Number(range[1]) : size - Number(range[2])
      const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1
      if (start > end || start >= size) {
        response.writeHead(416, { 'content-range': `bytes */${size}` }).end()
        return
      }
      response.writeHead(206, {
        'content-range': `bytes ${start}-${end}/${size}`,
        'content-length': end - start + 1,
      })
      createReadStream(file, { start, end }).pipe(response)
      return
    }
    response.writeHead(200, { 'content-length': size })
    createReadStream(file).pipe(response)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no fixture port')
  return { origin: `http://127.0.0.1:${address.port}`, server }
}
