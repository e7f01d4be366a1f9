import { lazy, type ReactNode, Suspense } from 'react'
import { Navigate, useLocation, useParams, useSearchParams } from 'react-router'
import { useCurrentUser } from '../../features/auth/hooks/use-current-user'
import { loginPath } from '../../features/auth/utils/safe-next'
import { useQuestionSet } from '../../features/quizzes/api/get-question-set'
import { QuizPlayer } from '../../features/quizzes/components/quiz-player'
import { QuizSkeleton } from '../../features/quizzes/components/quiz-skeleton'
import { ShareUnavailable } from '../../features/quizzes/components/share-unavailable'
import { VideoHeader } from '../../features/quizzes/components/video-header'
import { rememberAttempt } from '../../features/quizzes/hooks/use-stored-attempt-id'

// Guests opening a shared link never take part in a group session: its code loads on demand.
const SessionQuizRoute = lazy(() =>
  import('./session-quiz').then((m) => ({ default: m.SessionQuizRoute })),
)

/**
 * /questions/:token — `?attempt=<id>` (from "Recent results") opens that attempt here;
 * `?groupId=…&sessionId=…` opens the same quiz inside a group session.
 */
export function QuizRoute() {
  const { token = '' } = useParams()
  const [searchParams] = useSearchParams()
  const groupId = searchParams.get('groupId')
  const sessionId = searchParams.get('sessionId')
  if (groupId && sessionId) {
    return (
      <Suspense fallback={<QuizSkeleton />}>
        <SessionQuizRoute key={`${groupId}/${sessionId}`} groupId={groupId} sessionId={sessionId} />
      </Suspense>
    )
  }
  const attemptParam = searchParams.get('attempt')
  if (attemptParam) {
    rememberAttempt(token, attemptParam)
    const rest = new URLSearchParams(searchParams)
    rest.delete('attempt')
    const query = rest.toString()
    return <Navigate to={`/questions/${token}${query ? `?${query}` : ''}`} replace />
  }
  return <QuizPage key={token} token={token} />
}

function QuizPage({ token }: { token: string }) {
  const questionSet = useQuestionSet(token)
  const { user, isPending: isSessionPending } = useCurrentUser()
  const location = useLocation()
  const here = `${location.pathname}${location.search}`
  const signInHref = loginPath(here)

  let content: ReactNode
  if (questionSet.isPending || isSessionPending) {
    content = <QuizSkeleton />
  } else if (questionSet.isError) {
    content = (
      <ShareUnavailable
        error={questionSet.error}
        signInHref={signInHref}
        signUpHref={`/signup?next=${encodeURIComponent(here)}`}
        isSignedIn={user !== null}
        onRetry={() => questionSet.refetch()}
      />
    )
  } else {
    content = (
      <>
        <title>{`${questionSet.data.title} · LoopQuiz`}</title>
        <VideoHeader
          title={questionSet.data.title}
          ownerName={questionSet.data.ownerName}
          loop={questionSet.data.loop}
        />
        <QuizPlayer
          questionSet={questionSet.data}
          isSignedIn={user !== null}
          signInHref={signInHref}
        />
      </>
    )
  }

  return <div className="mx-auto flex w-full max-w-3xl flex-col gap-6">{content}</div>
}
