// Development: the API server restarting on change, and Vite's dev server (which
// proxies /api to it) for the web app with hot reload. Ctrl-C stops both.
import { spawn } from 'node:child_process'

const children = [
  spawn('node', ['--watch', 'apps/server/src/server.ts'], {
    stdio: 'inherit',
    // Vite's dev server is another origin: Better Auth must trust it for cookie sign-in.
    env: {
      ...process.env,
      TRUSTED_ORIGINS: process.env.TRUSTED_ORIGINS ?? 'http://localhost:5173',
    },
  }),
  spawn('npm', ['run', 'dev', '-w', 'apps/web'], { stdio: 'inherit' }),
]
const stop = () => {
  for (const child of children) child.kill('SIGTERM')
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
for (const child of children) child.on('exit', stop)
