import { StrictMode, startTransition } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router/dom'
import { AppProvider } from './provider'
import { createRouter } from './router'

/** Renders the app into `root`, once the router has the current page's code. */
export async function startApp(root: HTMLElement) {
  const router = await createRouter()
  const reactRoot = createRoot(root)
  // As a transition React renders the first page in slices, between which the browser can
  // answer a tap or scroll on the page already shown, rather than in one long task.
  startTransition(() =>
    reactRoot.render(
      <StrictMode>
        <AppProvider>
          <RouterProvider router={router} />
        </AppProvider>
      </StrictMode>,
    ),
  )
}
