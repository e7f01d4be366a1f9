import { SearchX } from 'lucide-react'
import { Link, useLocation, useNavigate, useParams } from 'react-router'
import { buttonClassName } from '../../components/ui/button'
import { ErrorAlert } from '../../components/ui/error-alert'
import { LoadingPanel } from '../../components/ui/spinner'
import { StatusPage } from '../../components/ui/status-page'
import { useCurrentUser } from '../../features/auth/hooks/use-current-user'
import { useLoop } from '../../features/loops/api/get-loop'
import { LoopEditor } from '../../features/loops/components/loop-editor'
import { ShareLoopButton } from '../../features/quizzes/components/share-loop-button'
import { detectVideo } from '../../features/sessions/utils/video-source'
import { hasErrorCode } from '../../lib/errors'

/** Navigation state of the move from /loops/new to the new loop's address. */
interface CreatedState {
  editorKey: string
}

function editorKeyOf(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('editorKey' in state)) return null
  return typeof state.editorKey === 'string' ? state.editorKey : null
}

function LoopNotFound() {
  return (
    <StatusPage
      icon={SearchX}
      title="Loop not found"
      actions={
        <>
          <Link to="/loops" className={buttonClassName({ variant: 'secondary' })}>
            My loops
          </Link>
          <Link to="/loops/new" className={buttonClassName()}>
            New loop
          </Link>
        </>
      }
    >
      <p>No loop of yours has this address. It may have been deleted.</p>
    </StatusPage>
  )
}

function LoopEditorScreen({ loopId, userId }: { loopId: string | null; userId: string }) {
  const navigate = useNavigate()
  const location = useLocation()
  const loop = useLoop(loopId)

  if (loopId && loop.isPending) return <LoadingPanel label="Opening the loop…" />
  if (loopId && loop.isError) {
    if (hasErrorCode(loop.error, 'LOOP_NOT_FOUND', 'VALIDATION_FAILED')) return <LoopNotFound />
    return <ErrorAlert error={loop.error} />
  }
  return (
    <LoopEditor
      userId={userId}
      loop={loop.data ?? null}
      detectVideo={detectVideo}
      onCreated={(created) => {
        const state: CreatedState = { editorKey: `new:${location.key}` }
        // The same editor goes on at the loop's own address: the player, focus and any
        // typing in progress stay as they are.
        void navigate(`/loops/${created.id}`, { replace: true, state })
      }}
      onDeleted={() => void navigate('/loops', { replace: true })}
      renderShare={(saved) => <ShareLoopButton loop={saved} />}
    />
  )
}

/** /loops/new and /loops/:loopId: the loop editor. */
export function LoopEditorRoute() {
  const { loopId = null } = useParams()
  const location = useLocation()
  const { user } = useCurrentUser()
  // A new loop keeps its editor when its address changes to the loop's own (see onCreated).
  const editorKey = editorKeyOf(location.state) ?? (loopId ? loopId : `new:${location.key}`)
  return (
    <>
      <title>{loopId ? 'Edit loop · LoopQuiz' : 'New loop · LoopQuiz'}</title>
      {user ? <LoopEditorScreen key={editorKey} loopId={loopId} userId={user.id} /> : null}
    </>
  )
}
