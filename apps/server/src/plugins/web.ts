import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'

/** What Vite's build manifest says of one module: its chunk and the chunks it imports. */
interface ManifestChunk {
  file: string
  imports?: string[]
  isEntry?: boolean
}

type Manifest = Record<string, ManifestChunk>

// Page modules of the web app's router (apps/web/src/app/router.tsx) by their manifest keys.
// A page's chunk is otherwise only requested once the entry chunks have downloaded and run;
// named in the page's HTML, it downloads alongside them.
const HOME_MODULE = 'src/app/routes/home.tsx'
const DASHBOARD_MODULE = 'src/app/routes/dashboard.tsx'
const QUIZ_MODULE = 'src/app/routes/quiz.tsx'
const QUIZ_PATH = /^\/questions\/([^/]+)$/

/**
 * Serves the built web app. Other GETs without a file extension get index.html so the
 * client router can take them; API paths and missing files keep their 404. The build writes
 * a Brotli (.br) and a gzip (.gz) copy next to each text file; a client that accepts one
 * gets it, so nothing is compressed per request.
 *
 * The page itself is written per request: it names the chunks of the page at that address
 * (and, for a shared quiz, its question set) for the browser to fetch at once, and tells the
 * app when the request carried no session, so a guest's page does not wait on a session
 * check to know there is none.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string) {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    app.log.warn({ distDir }, 'web app not built: run `npm run build` to serve it')
    return
  }
  const indexHtml = await readFile(path.join(distDir, 'index.html'), 'utf8')
  const manifest = await readManifest(distDir)
  await app.register(fastifyStatic, {
    root: distDir,
    // One route per file that exists at start; the catch-all below handles the rest.
    wildcard: false,
    // "/" is a page like any other, written below.
    index: false,
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
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const url = new URL(request.url, 'http://localhost')
    if (url.pathname.startsWith('/api/') || path.extname(url.pathname) !== '') {
      return reply.callNotFound()
    }
    const user = await app.resolveUser(request)
    const head = pageHead(url, user !== null, manifest)
    return (
      reply
        .header('cache-control', 'no-cache')
        // The page differs by session (guest or not, the dashboard's chunks).
        .header('vary', 'cookie')
        .type('text/html; charset=utf-8')
        .send(indexHtml.replace('</head>', `${head}</head>`))
    )
  })
}

async function readManifest(distDir: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(path.join(distDir, '.vite', 'manifest.json'), 'utf8'))
  } catch {
    // A build without a manifest still works: pages just fetch their chunks later.
    return null
  }
}

/** The tags a page at `url` gets in its head, beyond those of the built index.html. */
function pageHead(url: URL, isSignedIn: boolean, manifest: Manifest | null): string {
  const tags: string[] = []
  if (!isSignedIn) tags.push('<meta name="loopquiz:viewer" content="guest">')
  for (const file of chunkFilesOf(pageModulesOf(url, isSignedIn), manifest)) {
    tags.push(`<link rel="modulepreload" crossorigin href="/${escapeAttribute(file)}">`)
  }
  const questionSetPath = questionSetPathOf(url)
  if (questionSetPath) {
    // Credentials and mode as the app's own fetch of it, or the browser fetches it twice.
    tags.push(
      `<link rel="preload" as="fetch" crossorigin="use-credentials" href="${escapeAttribute(questionSetPath)}">`,
    )
  }
  return tags.join('')
}

function pageModulesOf(url: URL, isSignedIn: boolean): string[] {
  if (url.pathname === '/') return isSignedIn ? [HOME_MODULE, DASHBOARD_MODULE] : [HOME_MODULE]
  if (QUIZ_PATH.test(url.pathname)) return [QUIZ_MODULE]
  return []
}

/** The API path of the question set a quiz page loads first; none inside a group session. */
function questionSetPathOf(url: URL): string | null {
  const segment = QUIZ_PATH.exec(url.pathname)?.[1]
  if (!segment || url.searchParams.has('sessionId')) return null
  try {
    // Encoded as the app encodes the token it reads from its address, so the URLs match.
    return `/api/questions/${encodeURIComponent(decodeURIComponent(segment))}`
  } catch {
    return null
  }
}

/** The chunks of these modules and of what they import, less those index.html loads anyway. */
function chunkFilesOf(modules: string[], manifest: Manifest | null): string[] {
  if (!manifest) return []
  const inEntry = new Set<string>()
  const files = new Set<string>()
  const visit = (key: string, into: Set<string>) => {
    const chunk = manifest[key]
    if (!chunk || into.has(chunk.file)) return
    into.add(chunk.file)
    for (const imported of chunk.imports ?? []) visit(imported, into)
  }
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key, inEntry)
  for (const key of modules) visit(key, files)
  return [...files].filter((file) => !inEntry.has(file))
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}
