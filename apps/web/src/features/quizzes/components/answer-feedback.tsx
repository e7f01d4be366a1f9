import type { AnswerResult, PublicQuestion } from '@loopquiz/contract'
import clsx from 'clsx'
import { ArrowRight, CircleCheck, CircleX, Lightbulb, TimerOff } from 'lucide-react'
import { Button } from '../../../components/ui/button'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { useFocusOnMount } from '../../../hooks/use-focus-on-mount'
import { formatAnswer } from '../utils/format-answer'
import { keyWithheldReason } from '../utils/show-answers'

interface AnswerFeedbackProps {
  question: PublicQuestion
  result: AnswerResult
  nextLabel: 'Next question' | 'See results'
  onNext: () => void
  isAdvancing: boolean
  advanceError: unknown
}

/** Right after an answer: right or wrong, the points, and the correct answer and why if the author shows them. */
export function AnswerFeedback({
  question,
  result,
  nextLabel,
  onNext,
  isAdvancing,
  advanceError,
}: AnswerFeedbackProps) {
  const nextRef = useFocusOnMount<HTMLButtonElement>()
  const Icon = result.correct ? CircleCheck : CircleX
  return (
    <div
      className={clsx(
        'flex animate-pop motion-reduce:animate-none flex-col gap-3 rounded-2xl border p-4 sm:p-5',
        result.correct ? 'border-emerald-200 bg-emerald-50' : 'border-rose-200 bg-rose-50',
      )}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p
          className={clsx(
            'flex items-center gap-2 text-lg font-extrabold',
            result.correct ? 'text-emerald-800' : 'text-rose-800',
          )}
        >
          <Icon aria-hidden className="size-6" />
          {result.correct ? 'Correct!' : 'Not quite'}
        </p>
        <p
          className={clsx(
            'rounded-full px-3 py-1 text-sm font-bold tabular-nums',
            result.correct
              ? 'bg-emerald-700 text-white'
              : 'bg-white text-rose-700 ring-1 ring-rose-200',
          )}
        >
          {result.points > 0 ? '+' : ''}
          {result.points} / {result.maxPoints} {result.maxPoints === 1 ? 'point' : 'points'}
        </p>
      </div>
      <dl className="grid gap-1 text-sm text-slate-800 sm:grid-cols-[auto_1fr] sm:gap-x-3">
        <dt className="font-semibold text-slate-600">Your answer</dt>
        <dd>{formatAnswer(result.response, question)}</dd>
        <dt className="font-semibold text-slate-600">Correct answer</dt>
        {result.keyStatus === 'shown' ? (
          <dd className="font-semibold">{formatAnswer(result.correctAnswer, question)}</dd>
        ) : (
          <dd className="text-slate-600 italic">{keyWithheldReason[result.keyStatus]}</dd>
        )}
      </dl>
      {result.explanation ? (
        <div className="flex gap-2 rounded-xl bg-white/80 p-3 text-sm text-slate-700 ring-1 ring-slate-200/70">
          <Lightbulb aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-500" />
          <p>
            <span className="font-semibold">Why: </span>
            {result.explanation}
          </p>
        </div>
      ) : null}
      {advanceError ? <ErrorAlert error={advanceError} /> : null}
      <div className="flex justify-end">
        <Button ref={nextRef} size="lg" onClick={onNext} isLoading={isAdvancing}>
          {nextLabel}
          {isAdvancing ? null : <ArrowRight aria-hidden className="size-4" />}
        </Button>
      </div>
    </div>
  )
}

interface TimeUpFeedbackProps {
  nextLabel: 'Next question' | 'See results'
  onNext: () => void
  isAdvancing: boolean
  advanceError: unknown
}

/** When a timed question's countdown ran out before an answer: it stays unanswered. */
export function TimeUpFeedback({
  nextLabel,
  onNext,
  isAdvancing,
  advanceError,
}: TimeUpFeedbackProps) {
  const nextRef = useFocusOnMount<HTMLButtonElement>()
  return (
    <div className="flex animate-pop motion-reduce:animate-none flex-col gap-3 rounded-2xl border border-amber-200 bg-amber-50 p-4 sm:p-5">
      <p className="flex items-center gap-2 text-lg font-extrabold text-amber-900">
        <TimerOff aria-hidden className="size-6" />
        Time is up — not answered
      </p>
      <p className="text-sm text-amber-900">This question scores no points.</p>
      {advanceError ? <ErrorAlert error={advanceError} /> : null}
      <div className="flex justify-end">
        <Button ref={nextRef} size="lg" onClick={onNext} isLoading={isAdvancing}>
          {nextLabel}
          {isAdvancing ? null : <ArrowRight aria-hidden className="size-4" />}
        </Button>
      </div>
    </div>
  )
}
