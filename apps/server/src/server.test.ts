import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const serverFile = fileURLToPath(new URL('./server.ts', import.meta.url))
const dataDir = await mkdtemp(path.join(tmpdir(), 'loopquiz-server-'))
afterAll(() => rm(dataDir, { recursive: true, force: true }))

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1')
  await once(probe, 'listening')
  const address = probe.address()
  probe.close()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

function startServer(port: number) {
  const child = spawn(process.execPath, [serverFile], {
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  return { child, output: () => output }
}

async function waitForHealth(port: number, child: ChildProcess) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error('server exited early')
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('server did not become healthy')
}

describe('the server process', () => {
  it('seeds demo data, refuses a second server on its data directory, and stops cleanly on SIGTERM', async () => {
    const port = await freePort()
    const first = startServer(port)
    await waitForHealth(port, first.child)
    expect(first.output()).toMatch(/Demo account: demo@loopquiz\.dev/)
    const shareUrl = first.output().match(/Demo quiz:\s+(\S+)/)?.[1]
    const token = shareUrl?.split('/').at(-1)
    const quiz = await fetch(`http://127.0.0.1:${port}/api/questions/${token}`)
    expect(quiz.status).toBe(200)

    const second = startServer(await freePort())
    const [code] = await once(second.child, 'exit')
    expect(code).toBe(1)
    expect(second.output()).toMatch(/Another LoopQuiz server is already using the data directory/)

    first.child.kill('SIGTERM')
    const [exitCode] = await once(first.child, 'exit')
    expect(exitCode).toBe(0)

    // The lock went with the first server: the data directory opens again, demo data kept.
    const third = startServer(port)
    await waitForHealth(port, third.child)
    expect(third.output()).not.toMatch(/Demo account/)
    expect((await fetch(`http://127.0.0.1:${port}/api/questions/${token}`)).status).toBe(200)
    third.child.kill('SIGTERM')
    await once(third.child, 'exit')
  }, 60_000)
})
