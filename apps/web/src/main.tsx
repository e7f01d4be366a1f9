import './index.css'

const root = document.getElementById('root')
if (!root) throw new Error('The page has no #root element')

// A page the server sent already drawn (a guest's) is shown before the app starts: on a slow
// phone, running the app's code first would hold the first paint for as long as it takes.
// Hidden pages do not paint, so they start at once.
const isDrawn = root.hasChildNodes() && document.visibilityState === 'visible'
await (isDrawn ? afterNextPaint() : Promise.resolve())
// The app's code runs in three tasks rather than one long one (React, then the contract's
// schemas, then the rest), so the browser can answer a tap or a scroll on the page between.
await import('react-dom/client')
await nextTask()
await import('@loopquiz/contract')
await nextTask()
const { startApp } = await import('./app/start')
await startApp(root)

function afterNextPaint(): Promise<void> {
  // A frame callback runs just before the browser paints; a task queued from it, just after.
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}
