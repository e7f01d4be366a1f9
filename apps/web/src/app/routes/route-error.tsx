import { TriangleAlert } from 'lucide-react'
import { isRouteErrorResponse, useRouteError } from 'react-router'
import { Button, buttonClassName } from '../../components/ui/button'
import { StatusPage } from '../../components/ui/status-page'
import { NotFoundRoute } from './not-found'

/** Shown when a page crashes while rendering; the rest of the app stays usable after a reload. */
export function RouteError() {
  const error = useRouteError()
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundRoute />
  return (
    <main className="px-4">
      <title>Something went wrong · LoopQuiz</title>
      <StatusPage
        icon={TriangleAlert}
        tone="danger"
        title="Something went wrong"
        actions={
          <>
            <Button onClick={() => window.location.reload()}>Reload the page</Button>
            <a href="/" className={buttonClassName({ variant: 'secondary' })}>
              Go to the home page
            </a>
          </>
        }
      >
        <p>This page hit an unexpected problem. Reloading usually fixes it.</p>
      </StatusPage>
    </main>
  )
}
