import type {
  AnswerResult,
  AnswerValue,
  PublicQuestion,
  SubmitAnswerBody,
} from '@loopquiz/contract'
import { Clock, Trophy } from 'lucide-react'
import { useState } from 'react'
import { Card } from '../../../components/ui/card'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { ProgressBar } from '../../../components/ui/progress-bar'
import { useFocusOnMount } from '../../../hooks/use-focus-on-mount'
import { formatSeconds } from '../../../lib/format'
import { randomId } from '../../../lib/random-id'
import { AnswerFeedback } from './answer-feedback'
import { AnswerInput } from './answer-input'

interface QuestionStepProps {
  question: PublicQuestion
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
  question,
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
        onAnswer={handleAnswer}
      />

      {submitError && !result ? <ErrorAlert error={submitError} /> : null}

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
        ) : null}
      </div>
    </Card>
  )
}
