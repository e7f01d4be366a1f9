import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'

/** What Vite's build manifest says of one module: its chunk and the chunks it imports. */
interface ManifestChunk {
  file: string
  imports?: string[]
  dynamicImports?: string[]
  isEntry?: boolean
}

type Manifest = Record<string, ManifestChunk>

// Pages of the web app's router (apps/web/src/app/router.tsx) by their manifest keys. Their
// chunks, like those of the app the entry imports once the page is on screen, would otherwise
// be requested only once the entry has run; named in the page's HTML, they download with it.
const HOME_MODULE = 'src/app/routes/home.tsx'
const DASHBOARD_MODULE = 'src/app/routes/dashboard.tsx'
const QUIZ_MODULE = 'src/app/routes/quiz.tsx'
const QUIZ_PATH = /^\/questions\/([^/]+)$/
const LOW_PRIORITY = 'fetchpriority="low"'

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
  const pages = await readPages(distDir)
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
    const isSignedIn = (await app.resolveUser(request)) !== null
    const isLanding = !isSignedIn && url.pathname === '/'
    const html = isSignedIn ? pages.app : isLanding ? pages.guestLanding : pages.guestShell
    const head = pageHead(url, isSignedIn, isLanding, manifest)
    const page = html.replace('</head>', `${head}</head>`)
    return (
      reply
        .header('cache-control', 'no-cache')
        // The page differs by session (drawn for a guest or not, the dashboard's chunks).
        .header('vary', 'cookie')
        .type('text/html; charset=utf-8')
        .send(isSignedIn ? page : withScriptsLast(page))
    )
  })
}

/**
 * The app's page, and the build's copies of it drawn for guests (apps/web's prerender
 * plugin): the landing page, and the shell every other page starts from. A guest sees
 * those as soon as the HTML and CSS are in; the app then draws the same over them.
 */
async function readPages(distDir: string) {
  const read = (name: string) => readFile(path.join(distDir, name), 'utf8')
  const app = await read('index.html')
  // A build without them (an older one, a test's) serves the plain page to everyone.
  const readOr = (name: string) => read(name).catch(() => app)
  return {
    app,
    guestLanding: await readOr('guest-landing.html'),
    guestShell: await readOr('guest-shell.html'),
  }
}

/**
 * A guest's page arrives drawn, so its scripts are not needed to show it: at low priority, the
 * stylesheet it is drawn with comes first instead of sharing the connection with them. On a
 * slow link that brings the first paint forward without the scripts finishing any later.
 * The landing page's links also work without the app, so it names none of the app's chunks:
 * the entry fetches them once the page is on screen.
 */
function withScriptsLast(html: string): string {
  return html
    .replaceAll('<script type="module" ', `<script type="module" ${LOW_PRIORITY} `)
    .replaceAll('<link rel="modulepreload" ', `<link rel="modulepreload" ${LOW_PRIORITY} `)
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
function pageHead(
  url: URL,
  isSignedIn: boolean,
  isLanding: boolean,
  manifest: Manifest | null,
): string {
  const tags: string[] = []
  if (!isSignedIn) tags.push('<meta name="loopquiz:viewer" content="guest">')
  const files = isLanding ? [] : chunkFilesOf(pageModulesOf(url), manifest)
  for (const file of files) {
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

function pageModulesOf(url: URL): string[] {
  // Only signed-in users get "/" with its chunks named (a guest's landing names none).
  if (url.pathname === '/') return [HOME_MODULE, DASHBOARD_MODULE]
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

/**
 * The chunks the entry imports once it runs (the app) and those of these page modules, with
 * what they import, less those index.html loads anyway.
 */
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
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry)
  for (const [key] of entries) visit(key, inEntry)
  for (const [, chunk] of entries) for (const key of chunk.dynamicImports ?? []) visit(key, files)
  for (const key of modules) visit(key, files)
  return [...files].filter((file) => !inEntry.has(file))
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}
