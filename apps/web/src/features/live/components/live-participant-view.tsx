import type { AnswerResult, GroupSessionDetail, LiveState } from '@loopquiz/contract'
import clsx from 'clsx'
import { Medal, Radio, WifiOff } from 'lucide-react'
import { useState } from 'react'
import { Card } from '../../../components/ui/card'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { LoadingPanel } from '../../../components/ui/spinner'
import type { ConnectionStatus } from '../../../lib/realtime'
import { useLiveCountdown } from '../hooks/use-live-countdown'
import { useLiveState } from '../hooks/use-live-state'
import { questionLimitMs } from '../utils/live-clock'
import { phaseAnnouncement } from '../utils/live-phases'
import { LiveLeaderboard } from './live-leaderboard'
import { LiveLobby } from './live-lobby'
import { LivePodium } from './live-podium'
import { LiveQuestion } from './live-question'

interface LiveParticipantViewProps {
  session: GroupSessionDetail
  userId: string
  attemptId: string
  /** My answers stored so far (from the attempt): a reload or reconnect keeps them. */
  savedAnswers: readonly AnswerResult[]
}

const points = new Intl.NumberFormat('en-GB')

function ordinal(rank: number): string {
  const tens = rank % 100
  if (tens >= 11 && tens <= 13) return `${rank}th`
  return `${rank}${{ 1: 'st', 2: 'nd', 3: 'rd' }[rank % 10] ?? 'th'}`
}

/** A participant's screen in a live session: lobby, the shared question, reveal, standings, podium. */
export function LiveParticipantView({
  session,
  userId,
  attemptId,
  savedAnswers,
}: LiveParticipantViewProps) {
  const live = useLiveState(session.groupId, session.id)
  const [answered, setAnswered] = useState<Record<string, AnswerResult>>({})
  const state = live.state
  const question = session.questions.find((each) => each.id === state?.questionId) ?? null
  const countdown = useLiveCountdown(state, question ? questionLimitMs(question) : null)

  if (!state) {
    if (live.error) return <ErrorAlert error={live.error} />
    return <LoadingPanel label="Joining the live session…" />
  }
  const phase = countdown.phase ?? state.phase
  const answerTo = (questionId: string) =>
    answered[questionId] ?? savedAnswers.find((answer) => answer.questionId === questionId) ?? null
  const current = question ? answerTo(question.id) : null
  const me = live.participants?.find((entry) => entry.userId === userId)
  // The score as of the last reveal: points on the open question would tell whether it was right.
  const isBeforeReveal = phase === 'question' || phase === 'paused' || phase === 'locked'
  const storedScore = me?.score ?? session.myParticipation?.score ?? 0
  const score = Math.max(0, storedScore - (isBeforeReveal && current ? current.points : 0))
  const players = (live.participants ?? []).filter((entry) => entry.joined)
  const standing =
    live.myStanding ?? state.leaderboard?.find((each) => each.userId === userId) ?? null

  return (
    <Card className="flex flex-col overflow-hidden">
      <LiveStatusBar state={state} score={score} status={live.status} />
      <p aria-live="polite" className="sr-only">
        {phaseAnnouncement(phase, state)}
      </p>
      <div className="p-4 sm:p-8">
        {phase === 'lobby' && session.status !== 'active' ? (
          <p className="text-center text-lg font-semibold text-slate-700">
            This live session ended before the host started the game.
          </p>
        ) : phase === 'lobby' ? (
          <LiveLobby
            players={players}
            count={Math.max(state.participantCount, players.length)}
            myUserId={userId}
            isParticipant
          />
        ) : null}
        {question &&
        (phase === 'question' ||
          phase === 'paused' ||
          phase === 'locked' ||
          phase === 'revealed') ? (
          <LiveQuestion
            // A new question starts with a fresh answer and a fresh id to send it with.
            key={question.id}
            state={state}
            phase={phase}
            msLeft={countdown.msLeft}
            limitMs={questionLimitMs(question)}
            question={question}
            attemptId={attemptId}
            sessionId={session.id}
            userId={userId}
            shuffleOptions={session.options.shuffleOptions}
            savedAnswer={current}
            onAnswered={(result) => setAnswered((all) => ({ ...all, [result.questionId]: result }))}
          />
        ) : null}
        {phase === 'leaderboard' ? (
          <div className="flex flex-col gap-5">
            <h2 className="text-center text-2xl font-extrabold tracking-tight text-slate-900 sm:text-3xl">
              Leaderboard
            </h2>
            {standing ? (
              <MyRank
                rank={standing.rank}
                count={live.myStanding?.participantCount ?? state.participantCount}
                score={standing.score}
                lastPoints={standing.lastPoints}
              />
            ) : null}
            <LiveLeaderboard standings={state.leaderboard ?? []} myUserId={userId} />
          </div>
        ) : null}
        {phase === 'podium' ? (
          <div className="flex flex-col gap-6">
            <h2 className="text-center text-2xl font-extrabold tracking-tight text-slate-900 sm:text-3xl">
              The podium
            </h2>
            <LivePodium standings={state.leaderboard ?? []} myUserId={userId} />
            {standing ? (
              <MyRank
                rank={standing.rank}
                count={live.myStanding?.participantCount ?? state.participantCount}
                score={standing.score}
                isFinal
              />
            ) : null}
          </div>
        ) : null}
      </div>
    </Card>
  )
}

function MyRank({
  rank,
  count,
  score,
  lastPoints,
  isFinal = false,
}: {
  rank: number
  count: number
  score: number
  lastPoints?: number
  isFinal?: boolean
}) {
  return (
    <p className="flex flex-wrap items-center justify-center gap-x-2 gap-y-1 rounded-2xl bg-brand-600 px-5 py-4 text-center text-lg font-bold text-white">
      <Medal aria-hidden className="size-6" />
      {isFinal ? 'You finished' : 'You are'} {ordinal(rank)} of {count} with {points.format(score)}{' '}
      points
      {lastPoints ? (
        <span className="text-brand-100">(+{points.format(lastPoints)} on this one)</span>
      ) : null}
    </p>
  )
}

function LiveStatusBar({
  state,
  score,
  status,
}: {
  state: LiveState
  score: number
  status: ConnectionStatus
}) {
  const isLive = status === 'connected'
  const label = isLive ? 'Live' : status === 'connecting' ? 'Connecting…' : 'Reconnecting…'
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-slate-50 px-4 py-2.5 text-sm font-semibold text-slate-700 sm:px-8">
      <span>
        {state.questionIndex === null || state.phase === 'podium'
          ? `${state.questionCount} ${state.questionCount === 1 ? 'question' : 'questions'}`
          : `Question ${state.questionIndex + 1} of ${state.questionCount}`}
      </span>
      <span className="flex items-center gap-3">
        <span className="tabular-nums">
          Score <span className="font-black text-slate-900">{points.format(score)}</span>
        </span>
        <span
          className={clsx(
            'inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-bold',
            isLive ? 'bg-emerald-100 text-emerald-800' : 'bg-amber-100 text-amber-900',
          )}
        >
          {isLive ? (
            <Radio aria-hidden className="size-3.5" />
          ) : (
            <WifiOff aria-hidden className="size-3.5" />
          )}
          {label}
        </span>
      </span>
    </div>
  )
}
