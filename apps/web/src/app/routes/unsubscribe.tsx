import { useSearchParams } from 'react-router'
import { UnsubscribePanel } from '../../features/notifications/components/unsubscribe-panel'

/** /unsubscribe?token=… — a mail's unsubscribe link; open to visitors (no sign-in needed). */
export function UnsubscribeRoute() {
  const [searchParams] = useSearchParams()
  const token = searchParams.get('token') ?? ''
  return (
    <>
      <title>Unsubscribe · LoopQuiz</title>
      <UnsubscribePanel key={token} token={token} />
    </>
  )
}
