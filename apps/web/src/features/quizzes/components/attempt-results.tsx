import type { AttemptResult } from '@loopquiz/contract'
import clsx from 'clsx'
import {
  CircleCheck,
  CircleMinus,
  CircleX,
  LayoutDashboard,
  Lightbulb,
  RotateCcw,
} from 'lucide-react'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { Button, buttonClassName } from '../../../components/ui/button'
import { Card } from '../../../components/ui/card'
import { useFocusOnMount } from '../../../hooks/use-focus-on-mount'
import { formatDateTime, toPercent } from '../../../lib/format'
import { formatAnswer } from '../utils/format-answer'
import { keyWithheldReason } from '../utils/show-answers'

function cheerFor(percent: number): string {
  if (percent >= 90) return 'Outstanding!'
  if (percent >= 70) return 'Great job!'
  if (percent >= 50) return 'Nice effort!'
  return 'Keep practicing!'
}

interface AttemptResultsProps {
  result: AttemptResult
  isSignedIn: boolean
  /** "Try again" starts a new attempt; absent where there is only one (group sessions). */
  onTryAgain?: () => void
  /** Between the score and the review, e.g. how the group did. */
  extra?: ReactNode
}

/** The end of a quiz: the score, then every question with the taker's answer and, where given, the right one. */
export function AttemptResults({ result, isSignedIn, onTryAgain, extra }: AttemptResultsProps) {
  const percent = toPercent(result.score, result.maxScore)
  const headingRef = useFocusOnMount<HTMLHeadingElement>()

  return (
    <div className="flex flex-col gap-6">
      <Card className="overflow-hidden">
        <div className="flex flex-col items-center gap-2 bg-linear-to-br from-brand-600 via-brand-700 to-fuchsia-700 px-5 py-8 text-center text-white sm:py-10">
          <p className="text-sm font-semibold tracking-wide text-brand-100 uppercase">
            {result.displayName}’s result
          </p>
          <h2 ref={headingRef} tabIndex={-1} className="text-3xl font-extrabold outline-none">
            {cheerFor(percent)}
          </h2>
          <p className="mt-2 text-6xl font-black tracking-tight tabular-nums sm:text-7xl">
            <span className="sr-only">Score: </span>
            {result.score}
            <span className="text-3xl font-bold text-brand-200 sm:text-4xl">
              {' '}
              / {result.maxScore}
            </span>
          </p>
          <div className="mt-1 flex flex-wrap justify-center gap-2 text-sm font-semibold">
            <span className="rounded-full bg-white/15 px-3 py-1 tabular-nums">{percent}%</span>
            <span className="rounded-full bg-white/15 px-3 py-1 tabular-nums">
              {result.correctCount} of {result.questionCount} correct
            </span>
          </div>
          <p className="mt-2 text-xs text-brand-100">
            Finished {formatDateTime(result.finishedAt)}
          </p>
        </div>
        <div className="flex flex-col gap-3 p-4 sm:flex-row sm:justify-center sm:p-6">
          {onTryAgain ? (
            <Button size="lg" onClick={onTryAgain}>
              <RotateCcw aria-hidden className="size-4" />
              Try again
            </Button>
          ) : null}
          {isSignedIn ? (
            <Link
              to="/"
              className={buttonClassName({
                variant: onTryAgain ? 'secondary' : 'primary',
                size: 'lg',
              })}
            >
              <LayoutDashboard aria-hidden className="size-4" />
              Back to dashboard
            </Link>
          ) : null}
        </div>
      </Card>

      {extra}

      <section aria-labelledby="review-heading" className="flex flex-col gap-3">
        <h2 id="review-heading" className="text-xl font-bold tracking-tight text-slate-900">
          Review your answers
        </h2>
        <ol className="flex flex-col gap-3">
          {result.review.map(
            ({ question, answer, keyStatus, correctAnswer, explanation }, index) => {
              const state = !answer ? 'unanswered' : answer.correct ? 'correct' : 'wrong'
              const Icon =
                state === 'correct' ? CircleCheck : state === 'wrong' ? CircleX : CircleMinus
              return (
                <li key={question.id}>
                  <Card className="flex gap-3 p-4 sm:gap-4 sm:p-5">
                    <Icon
                      aria-hidden
                      className={clsx(
                        'mt-0.5 size-6 shrink-0',
                        state === 'correct' && 'text-emerald-600',
                        state === 'wrong' && 'text-rose-600',
                        state === 'unanswered' && 'text-slate-400',
                      )}
                    />
                    <div className="flex min-w-0 flex-1 flex-col gap-2">
                      <div className="flex flex-wrap items-baseline justify-between gap-2">
                        <p className="text-xs font-bold tracking-wide text-slate-500 uppercase">
                          Question {index + 1}
                          <span className="sr-only">
                            {state === 'correct'
                              ? ', correct'
                              : state === 'wrong'
                                ? ', incorrect'
                                : ', not answered'}
                          </span>
                        </p>
                        <p className="text-xs font-semibold text-slate-500 tabular-nums">
                          {answer?.points ?? 0} / {question.points}{' '}
                          {question.points === 1 ? 'point' : 'points'}
                        </p>
                      </div>
                      <p className="font-semibold text-slate-900">{question.prompt}</p>
                      <dl className="grid gap-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-3">
                        <dt className="font-medium text-slate-500">Your answer</dt>
                        <dd
                          className={clsx(
                            state === 'correct' && 'text-emerald-700',
                            state === 'wrong' && 'text-rose-700',
                            state === 'unanswered' && 'font-semibold text-slate-700',
                          )}
                        >
                          {answer ? formatAnswer(answer.response, question) : 'Not answered'}
                        </dd>
                        <dt className="font-medium text-slate-500">Correct answer</dt>
                        {keyStatus === 'shown' ? (
                          <dd className="font-semibold text-slate-800">
                            {formatAnswer(correctAnswer, question)}
                          </dd>
                        ) : (
                          <dd className="text-slate-600 italic">{keyWithheldReason[keyStatus]}</dd>
                        )}
                      </dl>
                      {explanation ? (
                        <p className="flex gap-2 rounded-lg bg-slate-50 p-2.5 text-sm text-slate-700">
                          <Lightbulb
                            aria-hidden
                            className="mt-0.5 size-4 shrink-0 text-amber-500"
                          />
                          <span>{explanation}</span>
                        </p>
                      ) : null}
                    </div>
                  </Card>
                </li>
              )
            },
          )}
        </ol>
      </section>
    </div>
  )
}
