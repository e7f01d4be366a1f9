import {
  type GroupSessionDetail,
  type PublicQuestion,
  shuffledFor,
  shuffleSeed,
} from '@loopquiz/contract'
import { useQueryClient } from '@tanstack/react-query'
import { SearchX } from 'lucide-react'
import { type ReactNode, useEffect, useMemo } from 'react'
import { Link, Navigate, useLocation } from 'react-router'
import { Button, buttonClassName } from '../../components/ui/button'
import { ErrorAlert } from '../../components/ui/error-alert'
import { LoadingPanel } from '../../components/ui/spinner'
import { StatusPage } from '../../components/ui/status-page'
import { useCurrentUser } from '../../features/auth/hooks/use-current-user'
import { loginPath } from '../../features/auth/utils/safe-next'
import { LiveParticipantView } from '../../features/live/components/live-participant-view'
import { shuffledOptions } from '../../features/live/utils/answer-tiles'
import { getAttemptQueryOptions, useAttempt } from '../../features/quizzes/api/get-attempt'
import { AttemptPlayer } from '../../features/quizzes/components/quiz-player'
import { QuizSkeleton } from '../../features/quizzes/components/quiz-skeleton'
import { VideoHeader } from '../../features/quizzes/components/video-header'
import { useSession } from '../../features/sessions/api/get-session'
import { useJoinSession } from '../../features/sessions/api/join-session'
import { SessionBanner } from '../../features/sessions/components/session-banner'
import { SessionClosed } from '../../features/sessions/components/session-closed'
import { SessionResults } from '../../features/sessions/components/session-results'
import { SessionStartPanel } from '../../features/sessions/components/session-start-panel'
import { SessionWaiting } from '../../features/sessions/components/session-waiting'
import { useSessionChannel } from '../../hooks/use-session-channel'
import { hasErrorCode } from '../../lib/errors'
import { useIsRealtimeConnected } from '../../lib/realtime'

interface SessionQuizRouteProps {
  groupId: string
  sessionId: string
}

/** /questions/:token?groupId=…&sessionId=… — the quiz inside a group session (members only). */
export function SessionQuizRoute({ groupId, sessionId }: SessionQuizRouteProps) {
  const { user, isPending } = useCurrentUser()
  const location = useLocation()
  let content: ReactNode
  if (isPending) content = <QuizSkeleton />
  else if (!user) {
    content = <Navigate to={loginPath(`${location.pathname}${location.search}`)} replace />
  } else {
    content = <SessionQuizPage groupId={groupId} sessionId={sessionId} userId={user.id} />
  }
  return <div className="mx-auto flex w-full max-w-3xl flex-col gap-6">{content}</div>
}

function SessionQuizPage({
  groupId,
  sessionId,
  userId,
}: SessionQuizRouteProps & { userId: string }) {
  // Watching makes this member "here" for the host, and pushes the session's changes.
  const channel = useSessionChannel(groupId, sessionId)
  const session = useSession(groupId, sessionId, { isPushed: channel.isConnected })

  if (session.isPending) return <QuizSkeleton />
  if (session.isError) {
    if (hasErrorCode(session.error, 'SESSION_NOT_FOUND', 'GROUP_NOT_FOUND', 'VALIDATION_FAILED')) {
      return (
        <StatusPage
          icon={SearchX}
          tone="danger"
          title="We couldn’t find this session"
          actions={
            <Link to="/groups" className={buttonClassName({ variant: 'secondary' })}>
              Go to my groups
            </Link>
          }
        >
          <p>It may have been removed, or you are not a member of its group.</p>
        </StatusPage>
      )
    }
    return (
      <ErrorAlert
        error={session.error}
        action={
          <Button variant="secondary" size="sm" onClick={() => session.refetch()}>
            Try again
          </Button>
        }
      />
    )
  }

  const isLive = session.data.mode === 'live'
  return (
    <>
      <title>{`${session.data.title} · ${session.data.groupName} · LoopQuiz`}</title>
      <SessionBanner session={session.data} />
      {/* Live, everyone plays the same screen at once: the game comes first, the video below it. */}
      {isLive ? <SessionStage session={session.data} userId={userId} /> : null}
      <VideoHeader
        title={session.data.title}
        ownerName={session.data.createdBy.name}
        loop={session.data.loop}
      />
      {isLive ? null : <SessionStage session={session.data} userId={userId} />}
    </>
  )
}

/** Waiting, joining, answering, or the result next to the group's: by the session's state. */
function SessionStage({ session, userId }: { session: GroupSessionDetail; userId: string }) {
  const queryClient = useQueryClient()
  const join = useJoinSession(session.groupId, session.id)
  const attemptId = session.myParticipation?.attemptId ?? join.data?.id ?? null

  if (session.status === 'scheduled' || session.status === 'pending_approval') {
    return <SessionWaiting session={session} />
  }
  if (session.mode === 'live') return <SessionLiveStage session={session} userId={userId} />
  if (attemptId) return <SessionAttempt session={session} attemptId={attemptId} userId={userId} />
  if (!session.capabilities.canJoin) return <SessionClosed session={session} />
  return (
    <SessionStartPanel
      session={session}
      isStarting={join.isPending}
      error={join.error}
      onStart={() =>
        join.mutate(undefined, {
          // The attempt is already here: the player need not fetch it again.
          onSuccess: (attempt) =>
            queryClient.setQueryData(getAttemptQueryOptions(attempt.id).queryKey, attempt),
        })
      }
    />
  )
}

/**
 * A live session: opening its link joins it (straight into the lobby, as with a game PIN), then
 * the shared screen follows the host.
 */
function SessionLiveStage({ session, userId }: { session: GroupSessionDetail; userId: string }) {
  const queryClient = useQueryClient()
  const join = useJoinSession(session.groupId, session.id)
  const attemptId = session.myParticipation?.attemptId ?? join.data?.id ?? null
  const canJoin = session.capabilities.canJoin
  const { mutate: joinNow, isIdle } = join

  useEffect(() => {
    if (attemptId || !canJoin || !isIdle) return
    joinNow(undefined, {
      onSuccess: (attempt) =>
        queryClient.setQueryData(getAttemptQueryOptions(attempt.id).queryKey, attempt),
    })
  }, [attemptId, canJoin, isIdle, joinNow, queryClient])

  if (attemptId)
    return <SessionLiveAttempt session={session} attemptId={attemptId} userId={userId} />
  if (!canJoin) return <SessionClosed session={session} />
  if (join.error) {
    return (
      <ErrorAlert
        error={join.error}
        action={
          <Button variant="secondary" size="sm" onClick={() => join.reset()}>
            Try again
          </Button>
        }
      />
    )
  }
  return <LoadingPanel label="Joining the live session…" />
}

function SessionLiveAttempt({
  session,
  attemptId,
  userId,
}: {
  session: GroupSessionDetail
  attemptId: string
  userId: string
}) {
  const attempt = useAttempt(attemptId)
  return (
    <LiveParticipantView
      session={session}
      userId={userId}
      attemptId={attemptId}
      savedAnswers={attempt.data?.answers ?? []}
    />
  )
}

/**
 * The questions in this participant's own order when the session shuffles them or their options:
 * the same on every device and reload (seeded by session and participant), and answers still name
 * option ids, so grading is untouched. Live sessions order options the same way.
 */
function inParticipantOrder(session: GroupSessionDetail, userId: string): PublicQuestion[] {
  const { shuffleQuestions, shuffleOptions } = session.options
  const questions = shuffleQuestions
    ? shuffledFor(session.questions, shuffleSeed(session.id, userId, 'questions'))
    : session.questions
  if (!shuffleOptions) return questions
  return questions.map((question) =>
    question.options
      ? {
          ...question,
          options: shuffledOptions(question.options, {
            sessionId: session.id,
            userId,
            questionId: question.id,
          }),
        }
      : question,
  )
}

function SessionAttempt({
  session,
  attemptId,
  userId,
}: {
  session: GroupSessionDetail
  attemptId: string
  userId: string
}) {
  const attempt = useAttempt(attemptId)
  const isPushed = useIsRealtimeConnected()
  const questions = useMemo(() => inParticipantOrder(session, userId), [session, userId])
  const isOpen = session.capabilities.canJoin
  if (!isOpen && attempt.data?.status === 'in_progress') return <SessionClosed session={session} />
  return (
    <AttemptPlayer
      // Shown anew when the session closes, so a result waiting for the key to skipped questions gets it.
      key={isOpen ? 'open' : 'closed'}
      attemptId={attemptId}
      questions={questions}
      isSignedIn
      resultExtra={
        <SessionResults
          groupId={session.groupId}
          sessionId={session.id}
          currentUserId={userId}
          isLive={isOpen}
          isPushed={isPushed}
          title="How you compare with the group"
        />
      }
    />
  )
}
