import type {
  AnswerResult,
  AnswerValue,
  PublicQuestion,
  QuestionOpening,
  SubmitAnswerBody,
} from '@loopquiz/contract'
import { Clock, Trophy } from 'lucide-react'
import { useState } from 'react'
import { Card } from '../../../components/ui/card'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { ProgressBar } from '../../../components/ui/progress-bar'
import { useFocusOnMount } from '../../../hooks/use-focus-on-mount'
import { hasErrorCode } from '../../../lib/errors'
import { formatSeconds } from '../../../lib/format'
import { randomId } from '../../../lib/random-id'
import { useQuestionDeadline } from '../hooks/use-question-deadline'
import { useTimeLeft } from '../hooks/use-time-left'
import { AnswerFeedback, TimeUpFeedback } from './answer-feedback'
import { AnswerInput } from './answer-input'
import { QuestionCountdown } from './question-countdown'

interface QuestionStepProps {
  attemptId: string
  question: PublicQuestion
  /** When this attempt first opened the question, if it did: its countdown resumes from there. */
  opening: QuestionOpening | undefined
  number: number
  total: number
  answeredCount: number
  score: number
  result: AnswerResult | null
  isSubmitting: boolean
  submitError: unknown
  onSubmit: (body: SubmitAnswerBody) => void
  nextLabel: 'Next question' | 'See results'
  onNext: () => void
  isAdvancing: boolean
  advanceError: unknown
}

/** One question: its prompt, the answer controls, then the feedback. Keyed by question id. */
export function QuestionStep({
  attemptId,
  question,
  opening,
  number,
  total,
  answeredCount,
  score,
  result,
  isSubmitting,
  submitError,
  onSubmit,
  nextLabel,
  onNext,
  isAdvancing,
  advanceError,
}: QuestionStepProps) {
  // One id per question, reused when the same answer is sent again after a network failure,
  // so the server records it once.
  const [clientAnswerId] = useState(randomId)
  const headingRef = useFocusOnMount<HTMLHeadingElement>()
  const deadline = useQuestionDeadline(attemptId, question, opening)
  const timeLeftMs = useTimeLeft(deadline.status === 'running' ? deadline.deadlineMs : null)
  // An answer already on its way when the clock hits zero may still count (the server allows
  // a short grace), so the lock waits for its reply.
  const isTimeUp =
    !result && !isSubmitting && (timeLeftMs === 0 || hasErrorCode(submitError, 'TIME_LIMIT_PASSED'))

  function handleAnswer(response: AnswerValue) {
    onSubmit({ clientAnswerId, questionId: question.id, response })
  }

  return (
    <Card className="flex flex-col gap-5 p-4 sm:p-6">
      <div className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <p className="font-bold text-brand-700">
            Question {number} of {total}
          </p>
          <div className="flex items-center gap-2 text-slate-600">
            {question.atS !== undefined ? (
              <span className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-2.5 py-0.5 font-medium tabular-nums">
                <Clock aria-hidden className="size-3.5" />
                <span className="sr-only">About the moment at</span> {formatSeconds(question.atS)}
              </span>
            ) : null}
            <span className="inline-flex items-center gap-1 rounded-full bg-amber-50 px-2.5 py-0.5 font-semibold text-amber-800 tabular-nums">
              <Trophy aria-hidden className="size-3.5" />
              Score {score}
            </span>
          </div>
        </div>
        <ProgressBar value={answeredCount} max={total} label="Quiz progress" />
        {deadline.status === 'untimed' || result || isTimeUp ? null : (
          <QuestionCountdown limitMs={deadline.limitMs} timeLeftMs={timeLeftMs} />
        )}
      </div>

      <h2
        ref={headingRef}
        tabIndex={-1}
        className="text-xl font-bold tracking-tight text-balance text-slate-900 outline-none sm:text-2xl"
      >
        {question.prompt}
        <span className="ml-2 align-middle text-sm font-semibold whitespace-nowrap text-slate-500">
          ({question.points} {question.points === 1 ? 'point' : 'points'})
        </span>
      </h2>

      <AnswerInput
        question={question}
        result={result}
        isSubmitting={isSubmitting}
        isLocked={isTimeUp}
        onAnswer={handleAnswer}
      />

      {submitError && !result && !isTimeUp ? <ErrorAlert error={submitError} /> : null}

      <div aria-live="polite">
        {result ? (
          <AnswerFeedback
            question={question}
            result={result}
            nextLabel={nextLabel}
            onNext={onNext}
            isAdvancing={isAdvancing}
            advanceError={advanceError}
          />
        ) : isTimeUp ? (
          <TimeUpFeedback
            nextLabel={nextLabel}
            onNext={onNext}
            isAdvancing={isAdvancing}
            advanceError={advanceError}
          />
        ) : null}
      </div>
    </Card>
  )
}
