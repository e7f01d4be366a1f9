import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

const SERVER_ENTRY = fileURLToPath(new URL('../../apps/server/src/server.ts', import.meta.url))
const HOST = '127.0.0.1'
const STARTUP_TIMEOUT_MS = 60_000
const SHUTDOWN_TIMEOUT_MS = 15_000
const KEPT_LOG_LINES = 40

// Server settings a developer may have exported: inherited, they could point the bench at
// another database or URL than the one it prepared.
const SERVER_VARIABLES = [
  'NODE_ENV',
  'HOST',
  'PORT',
  'PUBLIC_URL',
  'LOG_LEVEL',
  'DATA_DIR',
  'DATABASE_URL',
  'AUTH_SECRET',
  'TRUSTED_ORIGINS',
  'AUTH_RATE_LIMIT_PER_MINUTE',
  'TRUST_PROXY',
  'DEMO_DATA',
]

export interface RunningServer {
  baseUrl: string
  /** What the server printed last, to explain a failure. */
  recentOutput(): string
  stop(): Promise<void>
}

/** Starts `apps/server` as its own process, as in production, and waits until it is healthy. */
export async function startServer(databaseEnv: Record<string, string>): Promise<RunningServer> {
  const port = await findFreePort()
  const baseUrl = `http://${HOST}:${port}`
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: serverEnv(port, databaseEnv),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output = keepRecentLines(child)
  const server: RunningServer = {
    baseUrl,
    recentOutput: () => output.join('\n'),
    stop: () => stopChild(child),
  }
  try {
    await waitUntilHealthy(baseUrl, child)
  } catch (error) {
    await server.stop()
    throw new Error(`${(error as Error).message}\nServer output:\n${server.recentOutput()}`)
  }
  return server
}

function serverEnv(port: number, databaseEnv: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const name of SERVER_VARIABLES) delete env[name]
  return {
    ...env,
    NODE_ENV: 'test',
    HOST,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    DEMO_DATA: 'false',
    AUTH_SECRET: 'loopquiz-bench-secret-not-for-production-use',
    // Sign-up goes through Better Auth's limiter; the bench signs up once per server.
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    ...databaseEnv,
  }
}

/** Asks the OS for a free port; the tiny race until the server binds it is acceptable here. */
async function findFreePort(): Promise<number> {
  const probe = createServer()
  probe.listen(0, HOST)
  await once(probe, 'listening')
  const address = probe.address()
  probe.close()
  if (address === null || typeof address === 'string') throw new Error('No TCP port assigned')
  return address.port
}

function keepRecentLines(child: ChildProcess): string[] {
  const lines: string[] = []
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').trimEnd().split('\n'))
    lines.splice(0, Math.max(0, lines.length - KEPT_LOG_LINES))
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  return lines
}

async function waitUntilHealthy(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `The server exited during startup (code ${child.exitCode ?? child.signalCode})`,
      )
    }
    if (await isHealthy(baseUrl)) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`The server was not healthy within ${STARTUP_TIMEOUT_MS / 1000} s`)
}

async function isHealthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/api/health`)
    await response.body?.cancel()
    return response.status === 200
  } catch {
    // Not listening yet.
    return false
  }
}

/** SIGTERM lets the server drain and close its database; SIGKILL only if it hangs. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), SHUTDOWN_TIMEOUT_MS)
  await exited
  clearTimeout(timer)
}
