import type { ReactNode } from 'react'
import { renderToString } from 'react-dom/server'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router'
import { LoadingPanel } from '../components/ui/spinner'
import { AppShell } from './layout/app-shell'
import { AppProvider } from './provider'
import { HomeRoute } from './routes/home'

/**
 * The pages the build writes out drawn (see build/prerender-plugin.ts), for the server to
 * send guests: the landing page, and the shell with a loading panel every other page starts
 * from. A guest then sees the page as soon as its HTML and CSS are in, not after the app's
 * scripts have downloaded and run; the app's first render draws the same thing over it.
 * Only guests: the header of a signed-in user's page depends on who they are.
 */
export async function renderGuestPages(): Promise<{ landing: string; shell: string }> {
  return {
    landing: await renderPage(<HomeRoute />),
    shell: await renderPage(<LoadingPanel />),
  }
}

async function renderPage(page: ReactNode): Promise<string> {
  const { query, dataRoutes } = createStaticHandler([
    { element: <AppShell />, children: [{ index: true, element: page }] },
  ])
  const context = await query(new Request('http://localhost/'))
  if (context instanceof Response) throw new Error(`Prerendering answered ${context.status}`)
  return renderToString(
    <AppProvider>
      {/* No hydration script: the policy forbids inline scripts, and the app renders anew. */}
      <StaticRouterProvider
        router={createStaticRouter(dataRoutes, context)}
        context={context}
        hydrate={false}
      />
    </AppProvider>,
  )
}
