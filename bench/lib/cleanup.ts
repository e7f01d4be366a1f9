type Task = () => Promise<void>

const pending = new Set<Task>()

/**
 * Registers a clean-up step (stop a server, drop a database) and returns a function that runs
 * it once. Steps still pending when the bench is interrupted run before it exits, so Ctrl-C
 * leaves no server, temp directory or bench database behind.
 */
export function deferCleanup(task: Task): Task {
  let done = false
  const once: Task = async () => {
    pending.delete(once)
    if (done) return
    done = true
    await task()
  }
  pending.add(once)
  return once
}

export function cleanUpOnSignals() {
  const onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(`\n${signal}: cleaning up\n`)
    void runPending().finally(() => process.exit(130))
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
}

async function runPending() {
  // Newest first: a server stops before the database under it is dropped.
  for (const task of [...pending].reverse()) {
    await task().catch((error: unknown) => process.stderr.write(`clean-up failed: ${error}\n`))
  }
}
