import type { LiveAction, LiveState, PublicQuestion } from '@loopquiz/contract'
import clsx from 'clsx'
import {
  ChevronRight,
  CircleCheck,
  Eye,
  Flag,
  Lock,
  Pause,
  Play,
  Trophy,
  Users,
} from 'lucide-react'
import { type ReactNode, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { Card } from '../../../components/ui/card'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { LoadingPanel } from '../../../components/ui/spinner'
import { useActOnLiveSession } from '../api/act-on-live-session'
import { useLiveSession } from '../api/get-live-session'
import { useLiveCountdown } from '../hooks/use-live-countdown'
import { useLiveState } from '../hooks/use-live-state'
import { choicesFor, distributionKey } from '../utils/answer-tiles'
import { questionLimitMs } from '../utils/live-clock'
import { actionLabel, actionsFor, phaseLabel } from '../utils/live-phases'
import { TileShape } from './answer-tiles'
import { LiveCountdown } from './live-countdown'
import { LiveLeaderboard } from './live-leaderboard'
import { LiveLobby } from './live-lobby'
import { LivePodium } from './live-podium'

interface LiveHostPanelProps {
  groupId: string
  sessionId: string
}

const actionIcons: Record<LiveAction, ReactNode> = {
  start: <Play aria-hidden className="size-4" />,
  pause: <Pause aria-hidden className="size-4" />,
  resume: <Play aria-hidden className="size-4" />,
  lock: <Lock aria-hidden className="size-4" />,
  reveal: <Eye aria-hidden className="size-4" />,
  leaderboard: <Trophy aria-hidden className="size-4" />,
  next: <ChevronRight aria-hidden className="size-4" />,
  finish: <Flag aria-hidden className="size-4" />,
}

/** The action the host most likely takes next: the big button. */
const primaryOf: Partial<Record<LiveState['phase'], LiveAction>> = {
  lobby: 'start',
  question: 'lock',
  paused: 'resume',
  locked: 'reveal',
  revealed: 'leaderboard',
  leaderboard: 'next',
}

/** Runs a live session: where it is, the current question and its answers, and the next steps. */
export function LiveHostPanel({ groupId, sessionId }: LiveHostPanelProps) {
  const live = useLiveState(groupId, sessionId)
  const session = useLiveSession(groupId, sessionId)
  const act = useActOnLiveSession(groupId, sessionId)
  const [isConfirmingFinish, setIsConfirmingFinish] = useState(false)
  const state = live.state
  const question = session.data?.questions.find((each) => each.id === state?.questionId) ?? null
  const countdown = useLiveCountdown(state, question ? questionLimitMs(question) : null)

  if (!state) {
    return (
      <Card className="p-5">
        {live.error ? (
          <ErrorAlert error={live.error} />
        ) : (
          <LoadingPanel label="Loading the live session…" />
        )}
      </Card>
    )
  }
  const phase = countdown.phase ?? state.phase
  const players = (live.participants ?? []).filter((entry) => entry.joined)
  const primary = primaryOf[phase]

  return (
    <Card aria-labelledby="live-host-title" role="region" className="flex flex-col overflow-hidden">
      {/* The page around the panel shows whether pushes arrive (Live / Reconnecting…). */}
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-slate-900 px-4 py-3 text-white sm:px-6">
        <div className="flex min-w-0 flex-col">
          <h2 id="live-host-title" className="text-lg font-extrabold tracking-tight">
            Live game
          </h2>
          <p className="text-sm text-slate-300">
            <span className="font-semibold text-white">{phaseLabel(phase)}</span>
            {state.questionIndex !== null && phase !== 'podium' && phase !== 'lobby'
              ? ` · Question ${state.questionIndex + 1} of ${state.questionCount}`
              : ` · ${state.questionCount} ${state.questionCount === 1 ? 'question' : 'questions'}`}
            {state.scoring === 'speed' ? ' · faster answers earn more' : ' · correct answers only'}
          </p>
        </div>
      </div>

      <div className="flex flex-col gap-5 p-4 sm:p-6">
        {phase === 'lobby' ? (
          <LiveLobby
            players={players}
            count={Math.max(state.participantCount, players.length)}
            isParticipant={false}
          />
        ) : null}

        {question && phase !== 'lobby' && phase !== 'leaderboard' && phase !== 'podium' ? (
          <HostQuestion
            state={state}
            answered={live.answeredCount}
            phase={phase}
            question={question}
            msLeft={countdown.msLeft}
          />
        ) : null}

        {phase === 'leaderboard' ? (
          <div className="flex flex-col gap-3">
            <h3 className="font-bold text-slate-900">Leaderboard</h3>
            <LiveLeaderboard standings={state.leaderboard ?? []} />
          </div>
        ) : null}
        {phase === 'podium' ? (
          <div className="flex flex-col gap-4">
            <h3 className="text-center font-bold text-slate-900">The podium</h3>
            <LivePodium standings={state.leaderboard ?? []} />
          </div>
        ) : null}

        {act.error ? <ErrorAlert error={act.error} /> : null}

        {isConfirmingFinish && phase !== 'podium' ? (
          <section
            aria-labelledby="live-finish-question"
            className="flex flex-col gap-3 rounded-xl bg-amber-50 p-4 ring-1 ring-amber-200 sm:flex-row sm:items-center sm:justify-between"
          >
            <p id="live-finish-question" className="font-semibold text-amber-950">
              Finish the game now? Everyone goes to the podium and the session ends.
            </p>
            <div className="flex flex-col-reverse gap-2 sm:flex-row">
              <Button variant="secondary" onClick={() => setIsConfirmingFinish(false)}>
                Keep playing
              </Button>
              <Button
                variant="danger"
                isLoading={act.isPending && act.variables === 'finish'}
                onClick={() =>
                  act.mutate('finish', { onSettled: () => setIsConfirmingFinish(false) })
                }
              >
                <Flag aria-hidden className="size-4" />
                Finish now
              </Button>
            </div>
          </section>
        ) : actionsFor(phase).length > 0 ? (
          <div className="flex flex-col gap-2 border-t border-slate-100 pt-4 sm:flex-row sm:flex-wrap sm:items-center sm:justify-end">
            {actionsFor(phase).map((action) => (
              <Button
                key={action}
                variant={
                  action === primary ? 'primary' : action === 'finish' ? 'ghost' : 'secondary'
                }
                size={action === primary ? 'lg' : 'md'}
                // The likely next step comes first on a phone and last (rightmost) on a wide
                // screen; finishing stays farthest from it.
                className={
                  action === primary
                    ? 'order-1 sm:order-3'
                    : action === 'finish'
                      ? 'order-3 sm:order-1'
                      : 'order-2'
                }
                disabled={act.isPending}
                isLoading={act.isPending && act.variables === action}
                // Finishing ends the session for everyone: it asks first.
                onClick={() =>
                  action === 'finish' ? setIsConfirmingFinish(true) : act.mutate(action)
                }
              >
                {actionIcons[action]}
                {actionLabel(action, state)}
              </Button>
            ))}
          </div>
        ) : (
          <p className="flex items-center gap-2 text-sm font-semibold text-slate-700">
            <CircleCheck aria-hidden className="size-5 text-emerald-600" />
            The game is over; the results are final.
          </p>
        )}
      </div>
    </Card>
  )
}

function HostQuestion({
  state,
  answered,
  phase,
  question,
  msLeft,
}: {
  state: LiveState
  answered: number
  phase: LiveState['phase']
  question: PublicQuestion
  msLeft: number | null
}) {
  const reveal = state.reveal?.questionId === question.id ? state.reveal : null
  const choices =
    question.type === 'short_text'
      ? []
      : choicesFor(question, { sessionId: state.sessionId, userId: '', shuffle: false })
  const total = state.participantCount
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col-reverse items-center gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex min-w-0 flex-col gap-3">
          <h3 className="text-xl font-extrabold tracking-tight text-balance text-slate-900 sm:text-2xl">
            {question.prompt}
          </h3>
          <p
            className="inline-flex w-fit items-center gap-2 rounded-full bg-brand-50 px-3 py-1 font-bold text-brand-900 ring-1 ring-brand-200"
            aria-live="polite"
          >
            <Users aria-hidden className="size-4" />
            <span>
              {answered} of {total} answered
            </span>
          </p>
        </div>
        {msLeft !== null && (phase === 'question' || phase === 'paused') ? (
          <LiveCountdown
            msLeft={msLeft}
            limitMs={questionLimitMs(question)}
            isPaused={phase === 'paused'}
            size="md"
          />
        ) : null}
      </div>
      {choices.length > 0 ? (
        <ul aria-label="Answers" className="flex flex-col gap-2">
          {choices.map((choice, index) => {
            const count = reveal?.distribution[distributionKey(choice.value)] ?? null
            const isCorrect =
              reveal !== null &&
              (Array.isArray(reveal.correctAnswer)
                ? reveal.correctAnswer.includes(String(choice.value))
                : reveal.correctAnswer === choice.value)
            const share = count !== null && answered > 0 ? (count / answered) * 100 : 0
            return (
              <li
                key={String(choice.value)}
                className={clsx(
                  'relative overflow-hidden rounded-xl bg-slate-50 px-3 py-2.5 ring-1 ring-inset',
                  isCorrect ? 'ring-2 ring-emerald-500' : 'ring-slate-200',
                )}
              >
                {count !== null ? (
                  <span
                    aria-hidden
                    className={clsx(
                      'absolute inset-y-0 left-0',
                      isCorrect ? 'bg-emerald-100' : 'bg-slate-200',
                    )}
                    style={{ width: `${share}%` }}
                  />
                ) : null}
                <span className="relative flex items-center gap-2.5 font-semibold text-slate-900">
                  <TileShape index={index} className="size-5 text-slate-600" />
                  <span className="min-w-0 flex-1">{choice.label}</span>
                  {isCorrect ? (
                    <span className="inline-flex items-center gap-1 text-sm font-bold text-emerald-800">
                      <CircleCheck aria-hidden className="size-4" />
                      Correct
                    </span>
                  ) : null}
                  {count !== null ? (
                    <span className="shrink-0 text-right text-sm font-bold whitespace-nowrap tabular-nums">
                      {count} {count === 1 ? 'answer' : 'answers'}
                    </span>
                  ) : null}
                </span>
              </li>
            )
          })}
        </ul>
      ) : reveal ? (
        <p className="rounded-xl bg-emerald-50 p-3 font-semibold text-emerald-900 ring-1 ring-emerald-200">
          Accepted:{' '}
          {Array.isArray(reveal.correctAnswer)
            ? reveal.correctAnswer.join(', ')
            : String(reveal.correctAnswer)}
        </p>
      ) : null}
      {reveal ? (
        <p className="text-sm font-semibold text-slate-700">
          {reveal.correctCount} of {answered} answered correctly.
        </p>
      ) : null}
      {reveal?.explanation ? (
        <div className="rounded-xl bg-sky-50 p-4 text-sky-950 ring-1 ring-sky-200">
          <p className="text-sm font-bold">Why</p>
          <p className="mt-1">{reveal.explanation}</p>
        </div>
      ) : null}
    </div>
  )
}
