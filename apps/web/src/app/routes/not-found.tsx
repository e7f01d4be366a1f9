import { Compass } from 'lucide-react'
import { Link } from 'react-router'
import { buttonClassName } from '../../components/ui/button'
import { StatusPage } from '../../components/ui/status-page'

export function NotFoundRoute() {
  return (
    <>
      <title>Page not found · LoopQuiz</title>
      <StatusPage
        icon={Compass}
        title="Page not found"
        actions={
          <Link to="/" className={buttonClassName()}>
            Go to the home page
          </Link>
        }
      >
        <p>There’s nothing at this address. Check the link, or start again from the home page.</p>
      </StatusPage>
    </>
  )
}
